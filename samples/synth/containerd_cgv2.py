#!/usr/bin/env python3
"""Synthesize samples/containerd-cgv2/: a kubeadm control-plane node `cp-1` on containerd 1.7, cgroup v2, the
systemd cgroup driver, Debian 12. Deterministic; Python 3 stdlib only. Run from anywhere:
    python3 samples/synth/containerd_cgv2.py
See samples/README.md for what is real and what is made up."""
import calendar
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _engine as E  # noqa: E402
import _layers as L  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "containerd-cgv2")
HOST = "cp-1"
NOW = calendar.timegm((2026, 11, 20, 9, 14, 3))
BOOT = NOW - (8 * 86400 + 3 * 3600 + 11 * 60 + 27)
K8S = "v1.31.2"


def img(ref, layers, size, osrel=None, osrel_path=None, osrel_layer=None, uid=None):
    repo = ref.rsplit(":", 1)[0]
    return {"ref": ref, "id": "sha256:" + E.h("img:" + ref), "digest_ref": f"{repo}@sha256:{E.h('digest:' + ref)}",
            "layers": layers, "size": size, "osrel": osrel, "osrel_path": osrel_path, "osrel_layer": osrel_layer, "uid": uid}


IMAGES = {
    "pause": img("registry.k8s.io/pause:3.10", ["pause"], 320368, uid=65535),
    "etcd": img("registry.k8s.io/etcd:3.5.15-0", ["distroless", "etcd"], 56909194, L.DISTROLESS, "etc/os-release", "distroless"),
    "apiserver": img(f"registry.k8s.io/kube-apiserver:{K8S}", ["distroless", "apiserver"], 28048086, L.DISTROLESS, "etc/os-release", "distroless"),
    "cm": img(f"registry.k8s.io/kube-controller-manager:{K8S}", ["distroless", "cm"], 26238372, L.DISTROLESS, "etc/os-release", "distroless"),
    "sched": img(f"registry.k8s.io/kube-scheduler:{K8S}", ["distroless", "sched"], 20126418, L.DISTROLESS, "etc/os-release", "distroless"),
    "proxy": img(f"registry.k8s.io/kube-proxy:{K8S}", ["debian12", "proxy"], 30206858, L.DEBIAN12, "usr/lib/os-release", "debian12"),
    "flannel": img("docker.io/flannel/flannel:v0.24.2", ["alpine319", "flannel"], 26371738, L.ALPINE319, "usr/lib/os-release", "alpine319"),
    "flannelcni": img("docker.io/flannel/flannel-cni-plugin:v1.4.0-flannel1", ["alpine319", "flannelcni"], 4493354, L.ALPINE319, "usr/lib/os-release", "alpine319"),
    "coredns": img("registry.k8s.io/coredns/coredns:v1.11.3", ["distroless", "coredns"], 18562039, L.DISTROLESS, "etc/os-release", "distroless", uid=65532),
    "busybox": img("docker.io/library/busybox:1.36", ["busybox"], 2166802),
    "nginx": img("docker.io/library/nginx:1.27.2", ["debian12", "nginx"], 72955450, L.DEBIAN12, "usr/lib/os-release", "debian12"),
    "migrate": img("docker.io/migrate/migrate:v4.17.1", ["alpine319", "migrate"], 17345022, L.ALPINE319, "usr/lib/os-release", "alpine319"),
    "python": img("docker.io/library/python:3.12.7-slim", ["debian12", "python"], 45163871, L.DEBIAN12, "usr/lib/os-release", "debian12"),
}
LAYERS = {
    "pause": L.pause(), "distroless": L.distroless(), "debian12": L.debian12(), "alpine319": L.alpine319(),
    "busybox": L.busybox(),
    "etcd": L.binlayer("usr/local/bin", [("etcd", 23564288), ("etcdctl", 17977344), ("etcdutl", 15421440)]),
    "apiserver": L.binlayer("usr/local/bin", [("kube-apiserver", 97722520)]),
    "cm": L.binlayer("usr/local/bin", [("kube-controller-manager", 87044248)]),
    "sched": L.binlayer("usr/local/bin", [("kube-scheduler", 66597016)]),
    "proxy": L.binlayer("usr/local/bin", [("kube-proxy", 64553112)]) + [L.d("usr/sbin"), L.f("usr/sbin/iptables-wrapper", 9478, 755),
                                                                       L.l("usr/sbin/iptables", "iptables-wrapper"), L.f("usr/sbin/conntrack", 96560, 755)],
    "flannel": L.binlayer("opt/bin", [("flanneld", 41037824), ("mk-docker-opts.sh", 2139)]) + [L.f("usr/sbin/iptables-legacy", 99448, 755)],
    "flannelcni": [L.d("flannel"), L.f("flannel", 2988888, 755)],
    "coredns": [L.f("coredns", 55894016, 755)],
    "nginx": [L.d("etc/nginx"), L.f("etc/nginx/nginx.conf", 648), L.d("etc/nginx/conf.d"), L.f("etc/nginx/conf.d/default.conf", 1093),
              L.d("usr/sbin"), L.f("usr/sbin/nginx", 1433096, 755), L.d("usr/share/nginx/html"), L.f("usr/share/nginx/html/index.html", 615),
              L.f("usr/share/nginx/html/50x.html", 497), L.d("docker-entrypoint.d"), L.f("docker-entrypoint.sh", 1620, 775),
              L.f("docker-entrypoint.d/10-listen-on-ipv6-by-default.sh", 2125, 775), L.d("var/cache/nginx")],
    "migrate": [L.d("usr/local/bin"), L.f("usr/local/bin/migrate", 47820800, 755), L.d("migrations")],
    "python": [L.d("usr/local/bin"), L.f("usr/local/bin/python3.12", 14464, 755), L.l("usr/local/bin/python", "python3"),
               L.l("usr/local/bin/python3", "python3.12"), L.d("usr/local/lib/python3.12"), L.d("app"), L.f("app/worker.py", 4211),
               L.f("app/requirements.txt", 88)],
}
LAYER_TIME = {n: BOOT - 86400 * (30 + i * 3) + 0.5 for i, n in enumerate(LAYERS)}

PASSWD = {0: "root", 100: "messagebus", 102: "sshd", 997: "systemd-timesync", 998: "systemd-network", 1000: "admin"}


def ctr(name, image, procs, kind="main", state="running", attempt=0, created=None, started=None, finished=None,
        exit=0, reason="", order=0, **kw):
    c = {"name": name, "img": image, "procs": procs, "kind": kind, "state": state, "attempt": attempt,
         "created": created, "started": started, "finished": finished, "exit": exit, "reason": reason, "order": order}
    c.update(kw)
    return c


def pod(ns, name, qos, owner, created, containers, ip, hostnet=False, static=False, labels=None, **kw):
    uid = E.uuid(f"{HOST}/{ns}/{name}")
    nuid = E.h(f"confighash/{name}", 32) if static else uid
    p = {"ns": ns, "name": name, "qos": qos, "owner": owner, "created": created, "api_created": created - (1 if not static else -15),
         "containers": containers, "ip": ip, "hostnet": hostnet, "static": static, "uid": uid, "nuid": nuid,
         "labels": labels or {}, "ready": True}
    p.update(kw)
    for c in containers:
        c["created"] = c["created"] or created + 1.5 + 0.3 * c["order"]
        if c["state"] != "created":
            c["started"] = c["started"] or c["created"] + 0.2
    return p


T0 = BOOT + 38.4      # kubelet starts the static pods
IP = "10.0.0.10"
ETCD = (f"etcd --advertise-client-urls=https://{IP}:2379 --cert-file=/etc/kubernetes/pki/etcd/server.crt --client-cert-auth=true "
        f"--data-dir=/var/lib/etcd --experimental-initial-corrupt-check=true --experimental-watch-progress-notify-interval=5s "
        f"--initial-advertise-peer-urls=https://{IP}:2380 --initial-cluster=cp-1=https://{IP}:2380 --key-file=/etc/kubernetes/pki/etcd/server.key "
        f"--listen-client-urls=https://127.0.0.1:2379,https://{IP}:2379 --listen-metrics-urls=http://127.0.0.1:2381 "
        f"--listen-peer-urls=https://{IP}:2380 --name=cp-1 --peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt --peer-client-cert-auth=true "
        f"--peer-key-file=/etc/kubernetes/pki/etcd/peer.key --peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt --snapshot-count=10000 "
        f"--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt")
APISERVER = (f"kube-apiserver --advertise-address={IP} --allow-privileged=true --authorization-mode=Node,RBAC "
             "--client-ca-file=/etc/kubernetes/pki/ca.crt --enable-admission-plugins=NodeRestriction --enable-bootstrap-token-auth=true "
             "--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt --etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt "
             "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key --etcd-servers=https://127.0.0.1:2379 "
             "--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt --kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key "
             "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname --proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt "
             "--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key --requestheader-allowed-names=front-proxy-client "
             "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt --requestheader-extra-headers-prefix=X-Remote-Extra- "
             "--requestheader-group-headers=X-Remote-Group --requestheader-username-headers=X-Remote-User --secure-port=6443 "
             "--service-account-issuer=https://kubernetes.default.svc.cluster.local --service-account-key-file=/etc/kubernetes/pki/sa.pub "
             "--service-account-signing-key-file=/etc/kubernetes/pki/sa.key --service-cluster-ip-range=10.96.0.0/12 "
             "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt --tls-private-key-file=/etc/kubernetes/pki/apiserver.key")
CM = ("kube-controller-manager --allocate-node-cidrs=true --authentication-kubeconfig=/etc/kubernetes/controller-manager.conf "
      "--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf --bind-address=127.0.0.1 --client-ca-file=/etc/kubernetes/pki/ca.crt "
      "--cluster-cidr=10.244.0.0/16 --cluster-name=kubernetes --cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt "
      "--cluster-signing-key-file=/etc/kubernetes/pki/ca.key --controllers=*,bootstrapsigner,tokencleaner --kubeconfig=/etc/kubernetes/controller-manager.conf "
      "--leader-elect=true --requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt --root-ca-file=/etc/kubernetes/pki/ca.crt "
      "--service-account-private-key-file=/etc/kubernetes/pki/sa.key --service-cluster-ip-range=10.96.0.0/12 --use-service-account-credentials=true")
SCHED = ("kube-scheduler --authentication-kubeconfig=/etc/kubernetes/scheduler.conf --authorization-kubeconfig=/etc/kubernetes/scheduler.conf "
         "--bind-address=127.0.0.1 --kubeconfig=/etc/kubernetes/scheduler.conf --leader-elect=true")

CP_ANN = {"etcd-cp-1": {"kubeadm.kubernetes.io/etcd.advertise-client-urls": f"https://{IP}:2379"},
          "kube-apiserver-cp-1": {"kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint": f"{IP}:6443"}}

PROXY_SFX = E.rnd("kube-proxy", 5)
FLANNEL_SFX = E.rnd("kube-flannel-ds", 5)
RS_COREDNS = "7c65d6cfc9"
COREDNS_SFX = [E.rnd("coredns-a", 5), E.rnd("coredns-b", 5)]
LEDGER_RS = "6d8f9b7c54"
WORKER_RS = "5f7d9c8b6d"
JOB_SFX = E.rnd("db-migrate", 5)
DEBUGGER = "debugger-" + E.rnd("debugger", 5)

T1 = T0 + 71      # API up, DaemonSets scheduled
CRASH_T = NOW - 133   # attempt 7 exited
PODS = [
    pod("kube-system", "etcd-cp-1", "Burstable", ("Node", HOST), T0,
        [ctr("etcd", "etcd", [(0, "Ssl", 167204, 11783240, ETCD)], resources={"requests": {"cpu": "100m", "memory": "100Mi"}})],
        IP, hostnet=True, static=True, labels={"component": "etcd", "tier": "control-plane"}, annotations=CP_ANN["etcd-cp-1"], priority=2000001000),
    pod("kube-system", "kube-apiserver-cp-1", "Burstable", ("Node", HOST), T0 + 0.4,
        [ctr("kube-apiserver", "apiserver", [(0, "Ssl", 366812, 1573544, APISERVER)], resources={"requests": {"cpu": "250m"}})],
        IP, hostnet=True, static=True, labels={"component": "kube-apiserver", "tier": "control-plane"}, annotations=CP_ANN["kube-apiserver-cp-1"], priority=2000001000),
    pod("kube-system", "kube-controller-manager-cp-1", "Burstable", ("Node", HOST), T0 + 0.7,
        [ctr("kube-controller-manager", "cm", [(0, "Ssl", 103716, 1330460, CM)], resources={"requests": {"cpu": "200m"}})],
        IP, hostnet=True, static=True, labels={"component": "kube-controller-manager", "tier": "control-plane"}, priority=2000001000),
    pod("kube-system", "kube-scheduler-cp-1", "Burstable", ("Node", HOST), T0 + 1.1,
        [ctr("kube-scheduler", "sched", [(0, "Ssl", 61240, 1290128, SCHED)], resources={"requests": {"cpu": "100m"}})],
        IP, hostnet=True, static=True, labels={"component": "kube-scheduler", "tier": "control-plane"}, priority=2000001000),
    pod("kube-system", f"kube-proxy-{PROXY_SFX}", "BestEffort", ("DaemonSet", "kube-proxy"), T1,
        [ctr("kube-proxy", "proxy", [(0, "Ssl", 57812, 1289032, f"/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override={HOST}")])],
        IP, hostnet=True, labels={"controller-revision-hash": "77f8b4c6d9", "k8s-app": "kube-proxy", "pod-template-generation": "1"},
        generateName="kube-proxy-", priority=2000001000, sa="kube-proxy"),
    pod("kube-flannel", f"kube-flannel-ds-{FLANNEL_SFX}", "Burstable", ("DaemonSet", "kube-flannel-ds"), T1 + 0.6,
        [ctr("install-cni-plugin", "flannelcni", [(0, "Ss", 0, 0, "cp -f /flannel /opt/cni/bin/flannel")], kind="init", state="exited",
             finished=T1 + 3.1, reason="Completed", order=0),
         ctr("install-cni", "flannel", [(0, "Ss", 0, 0, "cp -f /etc/kube-flannel/cni-conf.json /etc/cni/net.d/10-flannel.conflist")], kind="init",
             state="exited", created=T1 + 3.4, finished=T1 + 3.9, reason="Completed", order=1),
         ctr("kube-flannel", "flannel", [(0, "Ssl", 41960, 1323560, "/opt/bin/flanneld --ip-masq --kube-subnet-mgr")], created=T1 + 4.2, order=2,
             resources={"limits": {"cpu": "100m", "memory": "50Mi"}, "requests": {"cpu": "100m", "memory": "50Mi"}},
             upper_entries=[L.d("run"), L.d("run/flannel"), L.f("run/flannel/subnet.env", 96)])],
        IP, hostnet=True, labels={"app": "flannel", "controller-revision-hash": "6c8f6b9d47", "pod-template-generation": "1", "tier": "node"},
        generateName="kube-flannel-ds-", priority=2000001000, sa="flannel"),
    pod("kube-system", f"coredns-{RS_COREDNS}-{COREDNS_SFX[0]}", "Burstable", ("ReplicaSet", f"coredns-{RS_COREDNS}"), T1 + 9.2,
        [ctr("coredns", "coredns", [(65532, "Ssl", 23908, 1287964, "/coredns -conf /etc/coredns/Corefile")],
             resources={"limits": {"memory": "170Mi"}, "requests": {"cpu": "100m", "memory": "70Mi"}}),
         ctr(DEBUGGER, "busybox", [(0, "Ss+", 1204, 4400, "sh")], kind="eph", created=NOW - 1500, target="coredns",
             upper_entries=[L.d("root", 700), L.f("root/.ash_history", 73, 600)])],
        "10.244.0.2", labels={"k8s-app": "kube-dns", "pod-template-hash": RS_COREDNS}, generateName=f"coredns-{RS_COREDNS}-",
        priority=2000000000, sa="coredns"),
    pod("kube-system", f"coredns-{RS_COREDNS}-{COREDNS_SFX[1]}", "Burstable", ("ReplicaSet", f"coredns-{RS_COREDNS}"), T1 + 9.3,
        [ctr("coredns", "coredns", [(65532, "Ssl", 22516, 1287964, "/coredns -conf /etc/coredns/Corefile")],
             resources={"limits": {"memory": "170Mi"}, "requests": {"cpu": "100m", "memory": "70Mi"}})],
        "10.244.0.3", labels={"k8s-app": "kube-dns", "pod-template-hash": RS_COREDNS}, generateName=f"coredns-{RS_COREDNS}-",
        priority=2000000000, sa="coredns"),
    pod("payments", f"ledger-{LEDGER_RS}-{E.rnd('ledger', 5)}", "Guaranteed", ("ReplicaSet", f"ledger-{LEDGER_RS}"), BOOT + 3 * 86400 + 4410.2,
        [ctr("nginx", "nginx", [(0, "Ss", 6912, 11480, "nginx: master process nginx -g daemon off;"),
                                (101, "S", 3120, 11944, "nginx: worker process"), (101, "S", 3120, 11944, "nginx: worker process")],
             resources={"limits": {"cpu": "500m", "memory": "256Mi"}, "requests": {"cpu": "500m", "memory": "256Mi"}},
             upper_entries=[L.d("etc"), L.d("etc/nginx"), L.d("etc/nginx/conf.d"), L.f("etc/nginx/conf.d/default.conf", 1118),
                            L.d("run"), L.f("run/nginx.pid", 2), L.d("var"), L.d("var/cache"), L.d("var/cache/nginx"),
                            L.d("var/cache/nginx/client_temp", 700, 101), L.d("var/cache/nginx/proxy_temp", 700, 101),
                            L.d("usr"), L.d("usr/share"), L.d("usr/share/nginx"), L.d("usr/share/nginx/html"),
                            ("c", 0, 0, 0, 0, "usr/share/nginx/html/50x.html", "")])],
        "10.244.0.9", labels={"app": "ledger", "pod-template-hash": LEDGER_RS}, generateName=f"ledger-{LEDGER_RS}-"),
    pod("default", f"db-migrate-{JOB_SFX}", "BestEffort", ("Job", "db-migrate"), NOW - 2 * 86400 - 5400.7,
        [ctr("migrate", "migrate", [(0, "Ss", 0, 0, "migrate -path /migrations -database $(DATABASE_URL) up")], state="exited",
             finished=NOW - 2 * 86400 - 5388.1, reason="Completed")],
        "10.244.0.14", labels={"batch.kubernetes.io/controller-uid": E.uuid("jobuid"), "batch.kubernetes.io/job-name": "db-migrate",
                               "controller-uid": E.uuid("jobuid"), "job-name": "db-migrate"},
        generateName="db-migrate-", ready=False, phase="Succeeded"),
    pod("default", f"orders-worker-{WORKER_RS}-{E.rnd('orders', 5)}", "Burstable", ("ReplicaSet", f"orders-worker-{WORKER_RS}"), NOW - 1740.5,
        [ctr("worker", "python", [(1000, "Ss", 0, 0, "python -m worker --queue orders")], state="exited", attempt=7,
             created=CRASH_T - 2.4, started=CRASH_T - 2.1, finished=CRASH_T, exit=1, reason="Error", kube_hidden=True),
         ctr("worker", "python", [(1000, "Ss", 0, 0, "python -m worker --queue orders")], state="created", attempt=8,
             created=NOW - 1.2, resources={"requests": {"cpu": "50m", "memory": "64Mi"}},
             kube={"containerID": None, "ready": False, "restartCount": 7, "started": False,
                   "state": {"waiting": {"message": "back-off 5m0s restarting failed container=worker pod=orders-worker_default", "reason": "CrashLoopBackOff"}},
                   "lastState": {"terminated": {"containerID": "X", "exitCode": 1, "finishedAt": E.iso(CRASH_T), "reason": "Error",
                                                "startedAt": E.iso(CRASH_T - 2)}}})],
        "10.244.0.17", labels={"app": "orders-worker", "pod-template-hash": WORKER_RS}, generateName=f"orders-worker-{WORKER_RS}-",
        ready_at=CRASH_T),
]
# wire the CrashLoop lastState to attempt 7's ID once IDs exist (after prepare)

HOST_OS = L.DEBIAN12
KTHREADS = ["kthreadd", "pool_workqueue_release", "kworker/R-rcu_g", "kworker/R-rcu_p", "kworker/R-slub_", "kworker/R-netns",
            "kworker/0:0H-events_highpri", "kworker/R-mm_pe", "rcu_tasks_kthread", "rcu_tasks_rude_kthread",
            "rcu_tasks_trace_kthread", "ksoftirqd/0", "rcu_preempt", "migration/0", "idle_inject/0", "cpuhp/0", "cpuhp/1",
            "idle_inject/1", "migration/1", "ksoftirqd/1", "kworker/1:0H-events_highpri", "kdevtmpfs", "kworker/R-inet_",
            "kauditd", "khungtaskd", "oom_reaper", "kworker/R-write", "kcompactd0", "ksmd", "khugepaged", "kswapd0",
            "kworker/R-kbloc", "kworker/u5:0", "jbd2/sda1-8", "kworker/R-ext4-", "kworker/0:1-events", "kworker/1:2-mm_percpu_wq"]


def host_procs():
    P = E.Proc
    b = BOOT
    ps = [P(2, 0, 0, "root", "S", b, 0, 0, "kthreadd", "/", True)]
    for i, k in enumerate(KTHREADS[1:]):
        stat = "I<" if k.startswith("kworker/R") or "H-" in k else ("I" if k.startswith(("kworker", "rcu_")) else "S")
        ps.append(P(3 + i if i < 30 else 180 + i * 11, 2, 0, "root", stat, b + (0 if i < 30 else 2 + i), 0, 0, k, "/", True))
    S = "/system.slice/"
    ps += [
        P(1, 0, 0, "root", "Ss", b, 13264, 168712, "/sbin/init", "/init.scope"),
        P(271, 1, 0, "root", "Ss", b + 1.6, 28440, 58140, "/lib/systemd/systemd-journald", S + "systemd-journald.service"),
        P(303, 1, 0, "root", "Ss", b + 1.9, 7208, 26552, "/lib/systemd/systemd-udevd", S + "systemd-udevd.service"),
        P(497, 1, 998, "systemd-network", "Ss", b + 3.1, 8612, 17992, "/lib/systemd/systemd-networkd", S + "systemd-networkd.service"),
        P(512, 1, 997, "systemd-timesync", "Ssl", b + 3.3, 6900, 90560, "/lib/systemd/systemd-timesyncd", S + "systemd-timesyncd.service"),
        P(533, 1, 0, "root", "Ss", b + 3.6, 2716, 6612, "/usr/sbin/cron -f", S + "cron.service"),
        P(534, 1, 100, "messagebus", "Ss", b + 3.6, 4828, 9120, "/usr/bin/dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only", S + "dbus.service"),
        P(541, 1, 0, "root", "Ss", b + 3.7, 7640, 25448, "/lib/systemd/systemd-logind", S + "systemd-logind.service"),
        P(562, 1, 0, "root", "Ss+", b + 3.9, 1000, 5872, "/sbin/agetty -o -p -- \\u --keep-baud 115200,57600,38400,9600 - vt220", S + "system-serial\\x2dgetty.slice/serial-getty@ttyS0.service"),
        P(563, 1, 0, "root", "Ss+", b + 3.9, 912, 5996, "/sbin/agetty -o -p -- \\u --noclear - linux", S + "system-getty.slice/getty@tty1.service"),
        P(571, 1, 0, "root", "Ss", b + 4.0, 9196, 15428, "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups", S + "ssh.service"),
        P(588, 1, 0, "root", "Ssl", b + 4.2, 61220, 2133756, "/usr/bin/containerd", S + "containerd.service"),
        P(1003, 1, 0, "root", "Ssl", b + 21.7, 96440, 2501896, "/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10", S + "kubelet.service"),
    ]
    return ps


def tail_procs(node):
    """The operator's ssh session and the collector itself, started last."""
    P = E.Proc
    t = NOW - 260
    base = node["pid_end"] + 9000
    sess = "/user.slice/user-1000.slice/session-41.scope"
    ud = "/user.slice/user-1000.slice/user@1000.service"
    c = NOW - 0.4
    return [
        P(base, 571, 0, "root", "Ss", t, 11060, 17308, "sshd: admin [priv]", sess),
        P(base + 3, 1, 1000, "admin", "Ss", t + 0.1, 10272, 18956, "/lib/systemd/systemd --user", ud + "/init.scope"),
        P(base + 4, base + 3, 1000, "admin", "S", t + 0.1, 3516, 169956, "(sd-pam)", ud + "/init.scope"),
        P(base + 11, base, 1000, "admin", "S", t + 0.2, 6808, 17560, "sshd: admin@pts/0", sess),
        P(base + 12, base + 11, 1000, "admin", "Ss", t + 0.2, 5228, 8816, "-bash", sess),
        P(base + 90, base + 12, 0, "root", "S+", c - 1, 5888, 12960, "sudo ./podmortem-collect -o /tmp", sess),
        P(base + 91, base + 90, 0, "root", "Ss", c - 1, 2304, 12960, "sudo ./podmortem-collect -o /tmp", sess),
        P(base + 92, base + 91, 0, "root", "S+", c - 1, 3456, 7264, "/bin/sh ./podmortem-collect -o /tmp", sess),
        P(base + 140, base + 92, 0, "root", "S+", c, 996, 5540, "timeout -k 5 30 ps faxno user,stat,cmd", sess),
        P(base + 141, base + 140, 0, "root", "R+", c, 4112, 11188, "ps faxno user,stat,cmd", sess),
        P(base + 146, base + 92, 0, "root", "S+", c, 992, 5540, "timeout -k 5 30 ps -eo pid,ppid,uid,user,stat,lstart,rss,vsz,args ww", sess),
        P(base + 147, base + 146, 0, "root", "R+", c, 4220, 11188, "ps -eo pid,ppid,uid,user,stat,lstart,rss,vsz,args ww", sess),
    ]


BASE_MOUNTS = """22 28 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
23 28 0:22 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
24 28 0:5 / /dev rw,nosuid,relatime shared:2 - devtmpfs udev rw,size=8124812k,nr_inodes=2031203,mode=755,inode64
25 24 0:23 / /dev/pts rw,nosuid,noexec,relatime shared:3 - devpts devpts rw,gid=5,mode=620,ptmxmode=000
26 28 0:24 / /run rw,nosuid,nodev,noexec,relatime shared:5 - tmpfs tmpfs rw,size=1630316k,mode=755,inode64
28 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,discard,errors=remount-ro
29 22 0:6 / /sys/kernel/security rw,nosuid,nodev,noexec,relatime shared:8 - securityfs securityfs rw
30 24 0:25 / /dev/shm rw,nosuid,nodev shared:4 - tmpfs tmpfs rw,inode64
31 26 0:26 / /run/lock rw,nosuid,nodev,noexec,relatime shared:6 - tmpfs tmpfs rw,size=5120k,inode64
32 22 0:27 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
33 22 0:28 / /sys/fs/pstore rw,nosuid,nodev,noexec,relatime shared:10 - pstore pstore rw
34 22 0:29 / /sys/fs/bpf rw,nosuid,nodev,noexec,relatime shared:11 - bpf bpf rw,mode=700
35 23 0:30 / /proc/sys/fs/binfmt_misc rw,relatime shared:13 - autofs systemd-1 rw,fd=30,pgrp=1,timeout=0,minproto=5,maxproto=5,direct,pipe_ino=13211
36 24 0:20 / /dev/mqueue rw,nosuid,nodev,noexec,relatime shared:14 - mqueue mqueue rw
37 24 0:31 / /dev/hugepages rw,relatime shared:15 - hugetlbfs hugetlbfs rw,pagesize=2M
38 22 0:7 / /sys/kernel/debug rw,nosuid,nodev,noexec,relatime shared:16 - debugfs debugfs rw
39 22 0:12 / /sys/kernel/tracing rw,nosuid,nodev,noexec,relatime shared:17 - tracefs tracefs rw
40 22 0:32 / /sys/kernel/config rw,nosuid,nodev,noexec,relatime shared:18 - configfs configfs rw
41 22 0:33 / /sys/fs/fuse/connections rw,nosuid,nodev,noexec,relatime shared:19 - fusectl fusectl rw
42 28 8:15 / /boot/efi rw,relatime shared:20 - vfat /dev/sda15 rw,fmask=0022,dmask=0022,codepage=437,iocharset=ascii,shortname=mixed,utf8,errors=remount-ro
""".splitlines()

KUBELET_CONFIG = """apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
cgroupDriver: systemd
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
resolvConf: /run/systemd/resolve/resolv.conf
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
"""

CRI_INFO = {
    "status": {"conditions": [{"type": "RuntimeReady", "status": True, "reason": "", "message": ""},
                              {"type": "NetworkReady", "status": True, "reason": "", "message": ""},
                              {"type": "ContainerdHasNoDeprecationWarnings", "status": True, "reason": "", "message": ""}]},
    "cniconfig": {"PluginDirs": ["/opt/cni/bin"], "PluginConfDir": "/etc/cni/net.d", "PluginMaxConfNum": 1, "Prefix": "eth",
                  "Networks": [{"Config": {"Name": "cni-loopback", "CNIVersion": "0.3.1", "Plugins": [{"Network": {"type": "loopback", "ipam": {}, "dns": {}}, "Source": "{\"type\":\"loopback\"}"}], "Source": "{\n\"cniVersion\": \"0.3.1\",\n\"name\": \"cni-loopback\",\n\"plugins\": [{\n  \"type\": \"loopback\"\n}]\n}"}, "IFName": "lo"},
                               {"Config": {"Name": "cbr0", "CNIVersion": "0.3.1", "Plugins": [{"Network": {"type": "flannel", "ipam": {}, "dns": {}}, "Source": "{\"delegate\":{\"hairpinMode\":true,\"isDefaultGateway\":true},\"type\":\"flannel\"}"}, {"Network": {"type": "portmap", "capabilities": {"portMappings": True}, "ipam": {}, "dns": {}}, "Source": "{\"capabilities\":{\"portMappings\":true},\"type\":\"portmap\"}"}], "Source": ""}, "IFName": "eth0"}]},
    "config": {"containerd": {"snapshotter": "overlayfs", "defaultRuntimeName": "runc",
                              "runtimes": {"runc": {"runtimeType": "io.containerd.runc.v2", "options": {"SystemdCgroup": True}, "sandboxMode": "podsandbox"}}},
               "cni": {"binDir": "/opt/cni/bin", "confDir": "/etc/cni/net.d", "maxConfNum": 1},
               "enableSelinux": False, "sandboxImage": "registry.k8s.io/pause:3.10", "containerdRootDir": "/var/lib/containerd",
               "containerdEndpoint": "/run/containerd/containerd.sock", "rootDir": "/var/lib/containerd/io.containerd.grpc.v1.cri",
               "stateDir": "/run/containerd/io.containerd.grpc.v1.cri"},
    "golang": "go1.22.8",
    "lastCNILoadStatus": "OK",
    "lastCNILoadStatus.default": "OK",
}


def default_upper(pod, c):
    if c.get("is_sandbox"):
        return [L.d("dev"), L.d("proc"), L.d("sys")]
    return []


def main():
    node = {"runtime": "containerd", "host": HOST, "now": NOW, "boot": BOOT, "tzoff": 0, "images": IMAGES, "layers": LAYERS,
            "layer_time": LAYER_TIME, "pods": PODS, "pause_image": "pause", "pause_uid": 65535, "pause_args": "/pause",
            "passwd": PASSWD, "pid_start": 1180, "snap_start": 1, "host_procs": host_procs(), "tail_procs": tail_procs,
            "uname": f"Linux {HOST} 6.1.0-27-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01) x86_64 GNU/Linux",
            "host_os_release": HOST_OS, "host_ip": IP, "base_mounts": BASE_MOUNTS, "mount_id_start": 900, "dev_minor_start": 60,
            "delegated": ["containerd.service", "user@", "cri-containerd-"], "cri_info": CRI_INFO,
            "kubeconfig": "/etc/kubernetes/admin.conf", "kubelet_config": KUBELET_CONFIG,
            "static_pods_ls": "etcd.yaml\nkube-apiserver.yaml\nkube-controller-manager.yaml\nkube-scheduler.yaml\n",
            "default_upper": default_upper, "forest_ps": "ps faxno user,stat,cmd",
            "table_ps": "ps -eo pid,ppid,uid,user,stat,lstart,rss,vsz,args ww"}
    E.prepare(node)
    for p in PODS:
        for c in p["containers"]:
            lt = c.get("kube", {}).get("lastState", {}).get("terminated")
            if lt:
                prev = [x for x in p["containers"] if x["name"] == c["name"] and x["attempt"] == c["attempt"] - 1][0]
                lt["containerID"] = "containerd://" + prev["id"]
        p["sandbox"]["pid"] = p["sandbox"].get("pids", [0])[0] if p["ready"] else 0
    node["cgroup_procs"] = cgroup_extra(node)
    b = E.Bundle(OUT, HOST, E.iso(NOW), E.iso(NOW + 4))
    E.render(node, b)
    b.write()
    check(node)


def cgroup_extra(node):
    """The collector's own grep/sed pipeline, alive while /proc/*/cgroup is read."""
    base = node["pid_end"] + 9000
    sess = "/user.slice/user-1000.slice/session-41.scope"
    P = E.Proc
    return [P(base + 150, base + 92, 0, "root", "S+", NOW, 0, 0, "timeout -k 5 30 sh -c ...", sess),
            P(base + 151, base + 150, 0, "root", "S+", NOW, 0, 0, "sh -c ...", sess),
            P(base + 152, base + 151, 0, "root", "R+", NOW, 0, 0, "grep -s  /dev/null ...", sess),
            P(base + 153, base + 151, 0, "root", "S+", NOW, 0, 0, "sed -n ...", sess)]


def check(node):
    import json
    m = E.verify(OUT)
    rd = lambda p: open(os.path.join(OUT, p), encoding="utf-8").read()
    cg = {int(l.split(" ")[0]): l.split(" ", 1)[1][3:] for l in rd("proc/cgroup.txt").splitlines()}
    table = {int(l.split()[0]): l for l in rd("ps/table.txt").splitlines()[1:]}
    ps = json.loads(rd("cri/ps.json"))["containers"]
    pods = {p["id"]: p for p in json.loads(rd("cri/pods.json"))["items"]}
    kube = json.loads(rd("kube/pods.json"))["items"]
    kids = {}
    for it in kube:
        for k in ("containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses"):
            for s in it["status"].get(k, []):
                if s.get("containerID"):
                    kids[s["containerID"].split("//")[1]] = it
                lt = s.get("lastState", {}).get("terminated")
                if lt:
                    kids[lt["containerID"].split("//")[1]] = it
    tsv = {l.split("\t")[1]: l.split("\t") for l in rd("rootfs/containers.tsv").splitlines()}
    for c in ps:
        cid = c["id"]
        assert c["podSandboxId"] in pods
        insp = json.loads(rd(f"cri/inspect/{cid}.json"))
        assert insp["status"]["id"] == cid
        assert cid in tsv, cid
        if c["state"] == "CONTAINER_RUNNING":
            pid = insp["info"]["pid"]
            assert pid in table and pid in cg, cid
            assert cg[pid].endswith(("cri-containerd-" if node["runtime"] == "containerd" else "crio-") + cid + ".scope"), cg[pid]
            assert c["labels"]["io.kubernetes.pod.uid"].replace("-", "_") in cg[pid]
            assert tsv[cid][6] != "-"
        if c["state"] == "CONTAINER_CREATED":
            continue
        assert cid in kids, (c["metadata"], cid)
        assert kids[cid]["metadata"]["name"] == c["labels"]["io.kubernetes.pod.name"]
    for sid, p in pods.items():
        ip = json.loads(rd(f"cri/inspectp/{sid}.json"))
        if p["state"] == "SANDBOX_READY":
            assert ip["info"]["pid"] in cg and sid in cg[ip["info"]["pid"]]
        kp = [k for k in kube if k["metadata"]["name"] == p["metadata"]["name"]][0]
        mirror = kp["metadata"].get("annotations", {}).get("kubernetes.io/config.mirror")
        assert p["metadata"]["uid"] == (mirror or kp["metadata"]["uid"])
    for line in rd("cgroup/cgls.txt").splitlines()[2:]:
        tail = line.lstrip("│├└─ ")
        if tail[:1].isdigit():
            assert int(tail.split(" ")[0]) in cg
    mi = rd("mounts/mountinfo.txt")
    for row in tsv.values():
        if row[6] != "-":
            assert f" {row[6]} " in mi and f"upperdir={row[3]}," in mi, row
        for k in row[5].split(":"):
            assert k == "-" or os.path.exists(os.path.join(OUT, f"rootfs/layers/{k}.txt"))
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(OUT) for f in fs)
    print(f"{OUT}: {len(m['commands'])} commands, {len(ps)} containers, {len(pods)} sandboxes, {size} bytes; checks passed")


if __name__ == "__main__":
    main()
