#!/usr/bin/env bash
# Sets up (up) or removes (down) a node's worth of containers on a local Docker engine, named, labelled and placed
# the way kubelet's dockershim does, so the collector and the analyzer meet a real engine in CI.
#
#   .ci/docker-node.sh up     build the pm-* images and start the scenario below
#   .ci/docker-node.sh down   remove exactly what `up` made; safe to run twice
#
# No registry is reachable, so every image is built here from Debian's busybox-static and a pause binary compiled
# on the spot, and loaded with `tar -C DIR -c . | docker import - NAME`.
#
# Scenario (13 containers; one pod per QoS class at least):
#   shop/web-7d4b9c6f5-x2k4q       Burstable   sandbox, web (httpd), sidecar (sh with a sleep child)
#   batch/worker-5f6d8b7c9-abcde   BestEffort  sandbox, worker attempt 0 (exited 3), worker attempt 1 (running)
#   kube-system/etcd-<node>        Guaranteed  static pod (32-hex UID): sandbox, etcd
#   batch/report-28391820-q8z7w    BestEffort  stopped pod: sandbox and job both exited
#   shop/api-6c9f7d8b4-lm2np       Guaranteed  sandbox, api running as uid 1000:1000
#   pm-plain                       -           a container Kubernetes does not manage
#
# Someone then gets into the web container (shop/web-7d4b9c6f5-x2k4q, container web), and nowhere else:
#   docker exec -d WEB sleep 1000001     an exec session left running: a sibling of httpd under the shim
#   docker exec WEB sh -c '...'          finished before collection; its drift stays in the upper dir:
#     added    /tmp/dropper.sh           a regular file, mode 755, owned by root (not in the image)
#     changed  /etc/passwd               one line appended to the image's file (not a bind mount, unlike /etc/hosts)
#     deleted  /bin/nc                   the image's busybox applet symlink, removed: a whiteout in the upper dir
# Every other container leaves its root filesystem alone and has no exec session. DockerEngineEndToEndTest checks
# the report against exactly this (WEB_* constants there), and against docker diff and docker top.
#
# Every container carries the label io.podmortem.e2e=docker-node, and every image is named pm-*: `down` removes
# those and nothing else (a colleague's containers and images use the prefix pmc-, and must survive).
# Dockershim's labels and names: https://github.com/Mirantis/cri-dockerd/blob/master/core/naming.go and
# core/docker_sandbox.go / core/container_create.go.
set -euo pipefail

readonly MARK=io.podmortem.e2e=docker-node
readonly PAUSE_IMAGE=pm-pause:3.9
readonly BUSYBOX_IMAGE=pm-busybox:1.35
readonly APP_IMAGE=pm-app:1
CGROUP_DRIVER=cgroupfs

log() { printf 'docker-node: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# kubelet names a static pod <name>-<node name>, and the node name is the host name, lower case.
node_name() {
  hostname | LC_ALL=C tr '[:upper:]' '[:lower:]' | LC_ALL=C tr -c 'a-z0-9.\n-' '-'
}

# A busybox root: /bin/busybox and one relative symlink per applet, plus the few folders a container expects.
make_busybox_root() {
  local root=$1 busybox applet
  busybox=$(command -v busybox) || die "busybox not found (apt-get install busybox-static)"
  if command -v file >/dev/null 2>&1; then
    file -L "$busybox" | grep -q 'statically linked' || die "$busybox is not static (install busybox-static)"
  fi
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/proc" "$root/sys" "$root/dev" "$root/root" "$root/var/www"
  chmod 1777 "$root/tmp"
  cp "$busybox" "$root/bin/busybox"
  for applet in $("$busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  printf '<p>podmortem test page</p>\n' >"$root/var/www/index.html"
}

# pause: sleeps in pause(), reaps children on SIGCHLD, and exits 0 on SIGTERM/SIGINT. As PID 1 of its namespace it
# must handle SIGTERM itself, or `docker stop` waits 10 s and kills it. Same contract as kubernetes build/pause.
make_pause_root() {
  local root=$1 src
  src=$(mktemp -d)
  cat >"$src/pause.c" <<'EOF'
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
static void reap(int s) { (void)s; while (waitpid(-1, 0, WNOHANG) > 0) {} }
static void down(int s) { (void)s; _exit(0); }
int main(void) { signal(SIGINT, down); signal(SIGTERM, down); signal(SIGCHLD, reap); for (;;) pause(); }
EOF
  gcc -static -O2 -s -o "$src/pause" "$src/pause.c" || die "gcc -static failed (apt-get install gcc libc6-dev)"
  mkdir -p "$root"
  install -m 0755 "$src/pause" "$root/pause"
  rm -rf "$src"
}

import_image() {
  local root=$1 name=$2
  shift 2
  tar --numeric-owner --owner=0 --group=0 -C "$root" -c . | docker import "$@" - "$name" >/dev/null
  log "built image $name"
}

build_images() {
  local work
  work=$(mktemp -d)
  make_pause_root "$work/pause"
  import_image "$work/pause" "$PAUSE_IMAGE" --change 'ENTRYPOINT ["/pause"]'

  make_busybox_root "$work/busybox"
  import_image "$work/busybox" "$BUSYBOX_IMAGE" --change 'CMD ["sh"]'

  # The app image's /etc/os-release is a relative symlink into /usr/lib, as on Debian and Fedora, so whoever reads
  # it must resolve the link inside the root, not on the host.
  cp -a "$work/busybox" "$work/app"
  mkdir -p "$work/app/usr/lib"
  cat >"$work/app/usr/lib/os-release" <<'EOF'
NAME="podmortem test image"
ID=podmortem-test
VERSION_ID=1
PRETTY_NAME="podmortem test image 1"
HOME_URL="https://example.invalid/podmortem"
EOF
  ln -s ../usr/lib/os-release "$work/app/etc/os-release"
  import_image "$work/app" "$APP_IMAGE" --change 'CMD ["sh"]'
  rm -rf "$work"
}

# sandbox NAMESPACE POD UID QOS [extra docker run args...]: starts the pod's pause container, prints its ID.
# QOS is guaranteed, burstable or besteffort; Guaranteed pods sit directly under /kubepods (kubelet's cgroupfs
# driver, pkg/kubelet/cm/qos_container_manager_linux.go).
sandbox() {
  local ns=$1 pod=$2 uid=$3 qos=$4
  shift 4
  docker run -d --name "k8s_POD_${pod}_${ns}_${uid}_0" \
    --label "$MARK" \
    --label "io.kubernetes.pod.name=$pod" --label "io.kubernetes.pod.namespace=$ns" \
    --label "io.kubernetes.pod.uid=$uid" --label io.kubernetes.container.name=POD \
    --label io.kubernetes.docker.type=podsandbox \
    --network none --ipc shareable --hostname "$pod" \
    --cgroup-parent "$(cgroup_parent "$qos" "$uid")" \
    "$@" "$PAUSE_IMAGE"
}

# app SANDBOX_ID NAMESPACE POD UID QOS CONTAINER ATTEMPT [docker run args...] IMAGE [command...]
app() {
  local sb=$1 ns=$2 pod=$3 uid=$4 qos=$5 ctr=$6 attempt=$7
  shift 7
  docker run -d --name "k8s_${ctr}_${pod}_${ns}_${uid}_${attempt}" \
    --label "$MARK" \
    --label "io.kubernetes.pod.name=$pod" --label "io.kubernetes.pod.namespace=$ns" \
    --label "io.kubernetes.pod.uid=$uid" --label "io.kubernetes.container.name=$ctr" \
    --label io.kubernetes.docker.type=container --label "io.kubernetes.sandbox.id=$sb" \
    --label "annotation.io.kubernetes.container.restartCount=$attempt" \
    --network "container:$sb" --ipc "container:$sb" \
    --cgroup-parent "$(cgroup_parent "$qos" "$uid")" \
    "$@"
}

# cgroup_parent QOS UID: where kubelet puts the pod. With the cgroupfs driver a path; with the systemd driver a
# slice whose name spells the path, with the UID's dashes turned to underscores (kubelet's
# pkg/kubelet/cm/cgroup_manager_linux.go, ToSystemd). Docker on a systemd host with cgroup v2 picks systemd.
cgroup_parent() {
  local qos=$1 uid=$2
  case $qos in guaranteed | burstable | besteffort) ;; *) die "unknown QoS level $qos" ;; esac
  if [ "$CGROUP_DRIVER" = systemd ]; then
    case $qos in
      guaranteed) printf 'kubepods-pod%s.slice' "${uid//-/_}" ;;
      *) printf 'kubepods-%s-pod%s.slice' "$qos" "${uid//-/_}" ;;
    esac
  else
    case $qos in
      guaranteed) printf '/kubepods/pod%s' "$uid" ;;
      *) printf '/kubepods/%s/pod%s' "$qos" "$uid" ;;
    esac
  fi
}

wait_exit() {
  local id=$1 want=$2 code
  code=$(docker wait "$id")
  [ "$code" = "$want" ] || die "container $id exited $code, expected $want"
}

start_node() {
  local node sb id
  node=$(node_name)

  # Burstable: a web server and a sidecar whose shell keeps a sleep as its child.
  local web_uid=3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70
  sb=$(sandbox shop web-7d4b9c6f5-x2k4q "$web_uid" burstable)
  app "$sb" shop web-7d4b9c6f5-x2k4q "$web_uid" burstable web 0 \
    "$APP_IMAGE" httpd -f -p 8080 -h /var/www >/dev/null
  app "$sb" shop web-7d4b9c6f5-x2k4q "$web_uid" burstable sidecar 0 \
    "$BUSYBOX_IMAGE" sh -c 'while :; do sleep 1000000; done' >/dev/null

  # BestEffort: restarted once. Attempt 0 exited non-zero; attempt 1 runs.
  local worker_uid=8a2b6c4d-1e3f-4a5b-9c7d-0e1f2a3b4c5d
  sb=$(sandbox batch worker-5f6d8b7c9-abcde "$worker_uid" besteffort)
  id=$(app "$sb" batch worker-5f6d8b7c9-abcde "$worker_uid" besteffort worker 0 \
    "$BUSYBOX_IMAGE" sh -c 'echo "worker: cannot reach queue" >&2; exit 3')
  wait_exit "$id" 3
  app "$sb" batch worker-5f6d8b7c9-abcde "$worker_uid" besteffort worker 1 \
    "$BUSYBOX_IMAGE" sleep 1000000 >/dev/null

  # Guaranteed static pod: its UID is the 32-hex hash of its manifest (pkg/kubelet/config/common.go), and its
  # name carries the node's. The config annotations are what kubelet adds to pods read from a file.
  local etcd_uid=c9bc5a66e6d1ac4e107961af3ad2bcca
  sb=$(sandbox kube-system "etcd-$node" "$etcd_uid" guaranteed \
    --label annotation.kubernetes.io/config.source=file \
    --label "annotation.kubernetes.io/config.hash=$etcd_uid")
  app "$sb" kube-system "etcd-$node" "$etcd_uid" guaranteed etcd 0 \
    --label annotation.kubernetes.io/config.source=file \
    --label "annotation.kubernetes.io/config.hash=$etcd_uid" \
    "$APP_IMAGE" sleep 1000000 >/dev/null

  # BestEffort, stopped: a finished job whose sandbox kubelet then stopped.
  local report_uid=5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b
  sb=$(sandbox batch report-28391820-q8z7w "$report_uid" besteffort)
  id=$(app "$sb" batch report-28391820-q8z7w "$report_uid" besteffort report 0 \
    "$BUSYBOX_IMAGE" sh -c 'echo "report written"')
  wait_exit "$id" 0
  docker stop -t 5 "$sb" >/dev/null

  # Guaranteed, not root: the app runs as uid 1000, gid 1000.
  local api_uid=0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e
  sb=$(sandbox shop api-6c9f7d8b4-lm2np "$api_uid" guaranteed)
  app "$sb" shop api-6c9f7d8b4-lm2np "$api_uid" guaranteed api 0 --user 1000:1000 \
    "$APP_IMAGE" httpd -f -p 9090 -h /var/www >/dev/null

  # Not Kubernetes': a plain container under docker's own cgroup parent.
  docker run -d --name pm-plain --label "$MARK" --network none "$BUSYBOX_IMAGE" sleep 1000000 >/dev/null

  log "started $(docker ps -a -q --filter "label=$MARK" | wc -l) containers on node $node"

  tamper_with "k8s_web_web-7d4b9c6f5-x2k4q_shop_${web_uid}_0"
}

# tamper_with CONTAINER: the exec session and the three changes the header lists, then a check that the engine
# sees exactly them, so a surprise shows here rather than as a puzzling test failure.
tamper_with() {
  local ctr=$1 diff want
  docker exec -d "$ctr" sleep 1000001
  docker exec "$ctr" sh -c '
    set -e
    printf "#!/bin/sh\necho dropped\n" >/tmp/dropper.sh
    chmod 755 /tmp/dropper.sh
    echo "dropper:x:4242:4242:dropper:/tmp:/bin/sh" >>/etc/passwd
    rm /bin/nc'
  # docker exec -d returns once the exec is started; wait until the sleep shows among the container's processes.
  for _ in $(seq 1 50); do
    docker top "$ctr" -o pid,args | grep -q ' sleep 1000001$' && break
    sleep 0.1
  done
  docker top "$ctr" -o pid,args | grep -q ' sleep 1000001$' || die "docker exec -d $ctr sleep 1000001 is not running"
  # docker diff also lists, as C, the folders overlayfs copied up to hold a changed child.
  diff=$(docker diff "$ctr" | LC_ALL=C sort)
  want=$(printf '%s\n' 'A /tmp/dropper.sh' 'C /bin' 'C /etc' 'C /etc/passwd' 'C /tmp' 'D /bin/nc' | LC_ALL=C sort)
  [ "$diff" = "$want" ] || die "docker diff $ctr is not what the scenario made: ${diff//$'\n'/, }"
  log "exec session and drift made in $ctr"
}

up() {
  docker info >/dev/null 2>&1 || die "docker does not answer; is dockerd running?"
  CGROUP_DRIVER=$(docker info --format '{{.CgroupDriver}}')
  down
  build_images
  start_node
}

down() {
  local ids images
  ids=$(docker ps -a -q --no-trunc --filter "label=$MARK")
  if [ -n "$ids" ]; then
    # shellcheck disable=SC2086 # one ID per word
    docker rm -f $ids >/dev/null
    log "removed $(printf '%s\n' "$ids" | wc -l) containers"
  fi
  images=$(docker images --format '{{.Repository}}:{{.Tag}}' | grep -E '^pm-[^:]*:' || true)
  if [ -n "$images" ]; then
    # shellcheck disable=SC2086 # one image reference per word
    docker rmi $images >/dev/null
    log "removed images: ${images//$'\n'/ }"
  fi
}

case ${1:-} in
  up) up ;;
  down) down ;;
  *) printf 'usage: %s up|down\n' "$0" >&2; exit 2 ;;
esac
