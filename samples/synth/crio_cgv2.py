#!/usr/bin/env python3
"""Synthesize samples/crio-cgv2/: an OpenShift 4.16-style worker `worker-0` on CRI-O with conmon and runc, cgroup v2,
the systemd cgroup driver, RHCOS 9.4. Pods keep their infra container (`drop_infra_ctr = false`, OpenShift's
`pause_command = "/usr/bin/pod"`). Deterministic; Python 3 stdlib only. Run from anywhere:
    python3 samples/synth/crio_cgv2.py
See samples/README.md for what is real and what is made up."""
import calendar
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _engine as E  # noqa: E402
import _layers as L  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crio-cgv2")
HOST = "worker-0"
NOW = calendar.timegm((2026, 12, 3, 15, 42, 17))
BOOT = NOW - (11 * 86400 + 6 * 3600 + 2 * 60 + 51)
IP = "10.0.128.12"
CRIO_TZ = -5          # the node's /etc/localtime (America/New_York, EST); crio formats its own times in it
OCP = "quay.io/openshift-release-dev/ocp-v4.0-art-dev"


def img(ref, layers, size, osrel=L.UBI9, osrel_path="usr/lib/os-release", osrel_layer="ubi9", uid=None):
    """CRI-O image IDs are bare 64-hex. OpenShift payload images are pulled by digest, so they have no tag."""
    if "@" in ref:
        digest_ref = ref
    else:
        digest_ref = ref.rsplit(":", 1)[0] + "@sha256:" + E.h("digest:" + ref)
    return {"ref": ref, "id": E.h("img:" + ref), "digest_ref": digest_ref, "layers": layers, "size": size,
            "osrel": osrel, "osrel_path": osrel_path if osrel else None, "osrel_layer": osrel_layer if osrel else None, "uid": uid}


def ocp(name):
    return f"{OCP}@sha256:{E.h('ocp-payload:' + name)}"


IMAGES = {
    "pod": img(ocp("pod"), ["podbin"], 431208019 // 900, osrel=None),
    "cli": img(ocp("cli"), ["ubi9", "cli"], 523817032),
    "coredns": img(ocp("coredns"), ["ubi9", "coredns"], 412663110),
    "krp": img(ocp("kube-rbac-proxy"), ["ubi9", "krp"], 438251730),
    "ovn": img(ocp("ovn-kubernetes"), ["ubi9", "ovn"], 1371284990),
    "nodeexp": img(ocp("prometheus-node-exporter"), ["ubi9", "nodeexp"], 411740652),
    "router": img(ocp("haproxy-router"), ["ubi9", "router"], 472086317),
    "storefront": img("image-registry.openshift-image-registry.svc:5000/shop/storefront@sha256:" + E.h("storefront-build-14"),
                      ["ubi9", "nodejs", "storefront"], 243515820),
    "ubimin": img("registry.access.redhat.com/ubi9/ubi-minimal:9.4", ["ubi9"], 101913254),
    "mailer": img("quay.io/acme-shop/mailer:2.3.1", ["ubi9", "python", "mailer"], 291440117),
}
LAYERS = {
    "podbin": [L.d("usr"), L.d("usr/bin"), L.f("usr/bin/pod", 1683104, 755)],
    "ubi9": L.ubi9(),
    "cli": L.binlayer("usr/bin", [("oc", 148553936)]) + [L.l("usr/bin/kubectl", "oc")],
    "coredns": L.binlayer("usr/bin", [("coredns", 71598344)]),
    "krp": L.binlayer("usr/bin", [("kube-rbac-proxy", 49207496)]),
    "ovn": L.binlayer("usr/bin", [("ovnkube", 121470736), ("ovn-controller", 6317480), ("ovn-nbctl", 2611888),
                                  ("ovsdb-server", 1271712)]) + [L.d("usr/share/ovn"), L.d("usr/share/ovn/scripts"),
                                                                 L.f("usr/share/ovn/scripts/ovn-ctl", 44811, 755)],
    "nodeexp": [L.d("bin"), L.f("bin/node_exporter", 20914688, 755)],
    "router": L.binlayer("usr/bin", [("openshift-router", 79165600)]) + [L.d("usr/sbin"), L.f("usr/sbin/haproxy", 3384472, 755),
                                                                        L.d("var/lib/haproxy"), L.d("var/lib/haproxy/conf")],
    "nodejs": [L.d("usr/bin"), L.f("usr/bin/node", 87102112, 755), L.l("usr/bin/npm", "../lib/node_modules/npm/bin/npm-cli.js"),
               L.d("opt/app-root"), L.d("opt/app-root/src", 775, 1001, 0)],
    "storefront": [L.d("opt/app-root/src", 775, 1001, 0), L.f("opt/app-root/src/server.js", 8841, 664, 1001, 0),
                   L.f("opt/app-root/src/package.json", 1204, 664, 1001, 0), L.d("opt/app-root/src/node_modules", 775, 1001, 0)],
    "python": [L.d("usr/bin"), L.f("usr/bin/python3.11", 15744, 755), L.l("usr/bin/python3", "python3.11"),
               L.d("usr/lib64/python3.11")],
    "mailer": [L.d("app"), L.f("app/mailer.py", 6120), L.f("app/requirements.txt", 131)],
}
LAYER_TIME = {n: BOOT - 86400 * (20 + i * 4) + 0.25 for i, n in enumerate(LAYERS)}

PASSWD = {0: "root", 81: "dbus", 994: "chrony", 800: "openvsw+", 1000: "core", 65534: "nobody"}
MCS = {"openshift-dns": "s0:c20,c5", "openshift-ingress": "s0:c24,c9", "shop": "s0:c27,c14"}


def selinux(pod):
    """The SELinux mount label CRI-O gives a pod's overlay and shm mounts; privileged pods get none."""
    if pod.get("privileged"):
        return None
    return "system_u:object_r:container_file_t:" + MCS.get(pod["ns"], "s0:c%d,c%d" % (int(E.h(pod["ns"], 2), 16) % 30, 1 + int(E.h(pod["ns"], 3), 16) % 30))


def ctr(name, image, procs, kind="main", state="running", attempt=0, created=None, started=None, finished=None,
        exit=0, reason="", order=0, **kw):
    c = {"name": name, "img": image, "procs": procs, "kind": kind, "state": state, "attempt": attempt,
         "created": created, "started": started, "finished": finished, "exit": exit, "reason": reason, "order": order}
    c.update(kw)
    c["privileged"] = bool(kw.get("sc", {}).get("privileged"))
    return c


def pod(ns, name, qos, owner, created, containers, ip, hostnet=False, labels=None, **kw):
    uid = E.uuid(f"{HOST}/{ns}/{name}")
    p = {"ns": ns, "name": name, "qos": qos, "owner": owner, "created": created, "api_created": created - 1.4,
         "containers": containers, "ip": ip, "hostnet": hostnet, "static": False, "uid": uid, "nuid": uid,
         "labels": labels or {}, "ready": True}
    p.update(kw)
    for c in containers:
        c["created"] = c["created"] or created + 1.5 + 0.3 * c["order"]
        if c["state"] != "created":
            c["started"] = c["started"] or c["created"] + 0.2
    return p


def sfx(seed):
    return E.rnd(seed, 5)


T0 = BOOT + 61.3          # kubelet registered; DaemonSet pods start
T1 = BOOT + 3 * 86400 + 7211.4   # the application was rolled out
APP_UID = 1000650000
APP_SC = {"allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}, "runAsNonRoot": True, "runAsUser": APP_UID}
APP_PODSC = {"fsGroup": APP_UID, "seLinuxOptions": {"level": MCS["shop"]}, "seccompProfile": {"type": "RuntimeDefault"}}
PRIV = {"privileged": True}
ROUTER_RS = E.rnd("router-default-rs", 10)
STORE_RS = E.rnd("storefront-rs", 10)
MAILER_RS = E.rnd("mailer-rs", 9)
KRP = "/usr/bin/kube-rbac-proxy --logtostderr --secure-listen-address=:{port} --tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 --upstream=http://127.0.0.1:{up}/ --tls-cert-file=/etc/tls/private/tls.crt --tls-private-key-file=/etc/tls/private/tls.key"
RESOLVER = ("/bin/bash -c #!/bin/bash?set -uo pipefail??trap 'jobs -p | xargs kill || true; wait; exit 0' TERM??"
            "OPENSHIFT_MARKER=\"openshift-generated-node-resolver\"?HOSTS_FILE=\"/etc/hosts\"?...")
OVNKUBE = (f"/usr/bin/ovnkube --init-ovnkube-controller {HOST} --init-node {HOST} --config-file=/run/ovnkube-config/ovnkube.conf "
           "--loglevel 4 --gateway-mode shared --gateway-interface br-ex --zone " + HOST)
NBDB = ("/usr/bin/ovsdb-server -vconsole:info -vfile:off --remote=punix:/var/run/ovn/ovnnb_db.sock "
        "--pidfile=/var/run/ovn/ovnnb_db.pid --unixctl=/var/run/ovn/ovnnb_db.ctl /etc/ovn/ovnnb_db.db")
NODE_EXPORTER = ("/bin/node_exporter --web.listen-address=127.0.0.1:9100 --path.sysfs=/host/sys --path.rootfs=/host/root "
                 "--path.udev.data=/host/root/run/udev/data --no-collector.wifi --collector.textfile.directory=/var/node_exporter/textfile")
SEC_RUN = [L.d("run"), L.d("run/secrets"), L.d("run/secrets/kubernetes.io"), L.d("run/secrets/kubernetes.io/serviceaccount")]

PODS = [
    pod("openshift-dns", f"node-resolver-{sfx('node-resolver')}", "Burstable", ("DaemonSet", "node-resolver"), T0,
        [ctr("dns-node-resolver", "cli", [(0, "Ss", 3772, 12236, RESOLVER), (0, "S", 1032, 8108, "sleep 60")], sc=PRIV,
             resources={"requests": {"cpu": "5m", "memory": "21Mi"}})],
        IP, hostnet=True, privileged=True, priority=2000001000, sa="node-resolver", generateName="node-resolver-",
        labels={"controller-revision-hash": "6c5bf7d8b4", "dns.operator.openshift.io/daemonset-node-resolver": "", "pod-template-generation": "1"},
        annotations={"openshift.io/scc": "node-resolver"}),
    pod("openshift-ovn-kubernetes", f"ovnkube-node-{sfx('ovnkube-node')}", "Burstable", ("DaemonSet", "ovnkube-node"), T0 + 0.4,
        [ctr("kubecfg-setup", "ovn", [(0, "Ss", 0, 0, "/bin/bash -c cat << EOF > /etc/ovn/kubeconfig ...")], kind="init", state="exited",
             finished=T0 + 2.3, reason="Completed", sc=PRIV),
         ctr("ovn-controller", "ovn", [(0, "Ssl", 60112, 425608, "ovn-controller unix:/var/run/openvswitch/db.sock -vfile:off --no-chdir --pidfile=/var/run/ovn/ovn-controller.pid --syslog-method=null --log-file=/var/log/ovn/acl-audit-log.log -vconsole:info")],
             created=T0 + 2.9, order=1, sc=PRIV, resources={"requests": {"cpu": "10m", "memory": "300Mi"}}),
         ctr("nbdb", "ovn", [(0, "Ss", 6748, 20116, "/bin/bash /usr/share/ovn/scripts/ovn-ctl --no-monitor --db-nb-sock=/var/run/ovn/ovnnb_db.sock run_nb_ovsdb"),
                             (0, "S", 14916, 31896, NBDB)], created=T0 + 3.1, order=2, sc=PRIV,
             resources={"requests": {"cpu": "10m", "memory": "300Mi"}}),
         ctr("ovnkube-controller", "ovn", [(0, "Ssl", 231604, 2716536, OVNKUBE)], created=T0 + 3.3, order=3, sc=PRIV,
             resources={"requests": {"cpu": "10m", "memory": "600Mi"}},
             upper_entries=SEC_RUN + [L.d("etc/cni"), L.d("etc/cni/net.d")])],
        IP, hostnet=True, hostpid=True, privileged=True, priority=2000001000, sa="ovn-kubernetes-node", generateName="ovnkube-node-",
        labels={"app": "ovnkube-node", "component": "network", "controller-revision-hash": "8c9d4f6b57", "kubernetes.io/os": "linux",
                "openshift.io/component": "network", "ovn-db-pod": "true", "pod-template-generation": "1", "type": "infra"},
        annotations={"openshift.io/scc": "privileged"}),
    pod("openshift-dns", f"dns-default-{sfx('dns-default')}", "Burstable", ("DaemonSet", "dns-default"), T0 + 24.8,
        [ctr("dns", "coredns", [(0, "Ssl", 38276, 1355148, "coredns -conf /etc/coredns/Corefile")],
             resources={"requests": {"cpu": "50m", "memory": "70Mi"}}, sc={"readOnlyRootFilesystem": True}),
         ctr("kube-rbac-proxy", "krp", [(0, "Ssl", 24860, 1281188, KRP.format(port=9154, up=9153))], order=1,
             resources={"requests": {"cpu": "10m", "memory": "40Mi"}}, upper_entries=SEC_RUN)],
        "10.128.2.4", priority=2000001000, sa="dns", generateName="dns-default-",
        labels={"controller-revision-hash": "7b95d9c84f", "dns.operator.openshift.io/daemonset-dns": "default", "pod-template-generation": "1"},
        annotations={"openshift.io/scc": "dns"}),
    pod("openshift-monitoring", f"node-exporter-{sfx('node-exporter')}", "Burstable", ("DaemonSet", "node-exporter"), T0 + 31.2,
        [ctr("init-textfile", "nodeexp", [(0, "Ss", 0, 0, "/bin/sh -c [[ ! -d /node_exporter/collectors/init ]] || find /node_exporter/collectors/init -perm /111 -type f -exec {} \\;")],
             kind="init", state="exited", finished=T0 + 33.0, reason="Completed", sc={"privileged": True, "runAsUser": 0},
             upper_entries=SEC_RUN),
         ctr("node-exporter", "nodeexp", [(65534, "Ssl", 31544, 1268240, NODE_EXPORTER)], created=T0 + 33.6, order=1,
             resources={"requests": {"cpu": "8m", "memory": "32Mi"}}, upper_entries=SEC_RUN)],
        IP, hostnet=True, hostpid=True, privileged=True, priority=2000000000, sa="node-exporter", generateName="node-exporter-",
        labels={"app.kubernetes.io/component": "exporter", "app.kubernetes.io/name": "node-exporter", "app.kubernetes.io/part-of": "openshift-monitoring",
                "controller-revision-hash": "5dd7c9f9d4", "pod-template-generation": "1"},
        annotations={"openshift.io/scc": "node-exporter"}),
    pod("openshift-ingress", f"router-default-{ROUTER_RS}-{sfx('router-default')}", "Burstable", ("ReplicaSet", f"router-default-{ROUTER_RS}"),
        T0 + 96.5,
        [ctr("router", "router", [(1000560000, "Ssl", 97312, 1983344, "/usr/bin/openshift-router --v=2"),
                                  (1000560000, "Ss", 68120, 115800, "/usr/sbin/haproxy -f /var/lib/haproxy/conf/haproxy.config -p /var/lib/haproxy/run/haproxy.pid -x /var/lib/haproxy/run/haproxy.sock -sf 412")],
             resources={"requests": {"cpu": "100m", "memory": "256Mi"}},
             sc={"allowPrivilegeEscalation": True, "runAsUser": 1000560000},
             upper_entries=SEC_RUN + [L.d("var/lib/haproxy/conf"), L.f("var/lib/haproxy/conf/haproxy.config", 23817), L.d("var/lib/haproxy/run"),
                                      L.f("var/lib/haproxy/run/haproxy.pid", 4), ("s", 755, 1000560000, 0, 0, "var/lib/haproxy/run/haproxy.sock", "")])],
        "10.128.2.7", priority=2000000000, sa="router", generateName=f"router-default-{ROUTER_RS}-",
        labels={"ingresscontroller.operator.openshift.io/deployment-ingresscontroller": "default", "pod-template-hash": ROUTER_RS},
        annotations={"openshift.io/scc": "restricted-v2"}),
    pod("shop", f"storefront-{STORE_RS}-{sfx('storefront')}", "Guaranteed", ("ReplicaSet", f"storefront-{STORE_RS}"), T1,
        [ctr("web", "storefront", [(APP_UID, "Ssl", 88412, 1192812, "node /opt/app-root/src/server.js")], sc=APP_SC,
             resources={"limits": {"cpu": "500m", "memory": "512Mi"}, "requests": {"cpu": "500m", "memory": "512Mi"}},
             upper_entries=SEC_RUN + [L.d("opt/app-root/src/.npm", 755, APP_UID, 0), L.d("tmp", 1777),
                                      L.f("tmp/storefront-cache.json", 40960, 644, APP_UID, 0)]),
         ctr("log-shipper", "ubimin", [(APP_UID, "Ss", 1880, 7364, "/bin/sh -c tail -n+1 -F /var/log/app/access.log"),
                                       (APP_UID, "S", 1012, 5760, "tail -n+1 -F /var/log/app/access.log")], order=1, sc=APP_SC,
             resources={"limits": {"cpu": "50m", "memory": "64Mi"}, "requests": {"cpu": "50m", "memory": "64Mi"}}, upper_entries=SEC_RUN)],
        "10.128.2.31", sa="default", generateName=f"storefront-{STORE_RS}-", podsc=APP_PODSC,
        labels={"app": "storefront", "deployment": "storefront", "pod-template-hash": STORE_RS},
        annotations={"openshift.io/scc": "restricted-v2", "seccomp.security.alpha.kubernetes.io/pod": "runtime/default"}),
    pod("shop", f"mailer-{MAILER_RS}-{sfx('mailer')}", "BestEffort", ("ReplicaSet", f"mailer-{MAILER_RS}"), T1 + 14.6,
        [ctr("mailer", "mailer", [(APP_UID, "Ss", 41236, 231020, "python3 /app/mailer.py --queue outbound")], sc=APP_SC,
             upper_entries=SEC_RUN + [L.d("app/__pycache__", 755, APP_UID, 0), L.f("app/__pycache__/mailer.cpython-311.pyc", 7433, 644, APP_UID, 0)])],
        "10.128.2.32", sa="default", generateName=f"mailer-{MAILER_RS}-", podsc=APP_PODSC,
        labels={"app": "mailer", "pod-template-hash": MAILER_RS}, annotations={"openshift.io/scc": "restricted-v2"}),
]

HOST_OS = '''NAME="Red Hat Enterprise Linux CoreOS"
ID="rhcos"
ID_LIKE="rhel fedora"
VERSION="416.94.202411201433-0"
VERSION_ID="4.16"
VARIANT="CoreOS"
VARIANT_ID=coreos
PLATFORM_ID="platform:el9"
PRETTY_NAME="Red Hat Enterprise Linux CoreOS 416.94.202411201433-0"
ANSI_COLOR="0;31"
CPE_NAME="cpe:/o:redhat:enterprise_linux:9::coreos"
HOME_URL="https://www.redhat.com/"
DOCUMENTATION_URL="https://docs.openshift.com/container-platform/4.16/"
BUG_REPORT_URL="https://issues.redhat.com/"
REDHAT_BUGZILLA_PRODUCT="OpenShift Container Platform"
REDHAT_BUGZILLA_PRODUCT_VERSION="4.16"
REDHAT_SUPPORT_PRODUCT="OpenShift Container Platform"
REDHAT_SUPPORT_PRODUCT_VERSION="4.16"
OPENSHIFT_VERSION="4.16"
RHEL_VERSION="9.4"
OSTREE_VERSION="416.94.202411201433-0"
'''
KTHREADS = ["kthreadd", "pool_workqueue_release", "kworker/R-rcu_g", "kworker/R-rcu_p", "kworker/R-slub_", "kworker/R-netns",
            "kworker/0:0H-events_highpri", "kworker/R-mm_pe", "rcu_tasks_kthread", "rcu_tasks_rude_kthread",
            "rcu_tasks_trace_kthread", "ksoftirqd/0", "rcu_preempt", "migration/0", "cpuhp/0", "cpuhp/1", "migration/1",
            "ksoftirqd/1", "kworker/1:0H-events_highpri", "kdevtmpfs", "kworker/R-inet_", "kauditd", "khungtaskd", "oom_reaper",
            "kworker/R-write", "kcompactd0", "ksmd", "khugepaged", "kswapd0", "kworker/R-kbloc", "kworker/R-xfsal",
            "kworker/R-xfs_m", "kworker/R-xfs-b", "kworker/R-xfs-c", "xfsaild/sda4", "kworker/0:2-events", "kworker/1:1-mm_percpu_wq"]
KUBELET = ("/usr/bin/kubelet --config=/etc/kubernetes/kubelet.conf --bootstrap-kubeconfig=/etc/kubernetes/kubeconfig "
           "--kubeconfig=/var/lib/kubelet/kubeconfig --container-runtime-endpoint=/var/run/crio/crio.sock "
           "--runtime-cgroups=/system.slice/crio.service --node-labels=node-role.kubernetes.io/worker,node.openshift.io/os_id=rhcos "
           f"--node-ip={IP} --minimum-container-ttl-duration=6m0s --volume-plugin-dir=/etc/kubernetes/kubelet-plugins/volume/exec "
           "--cloud-provider= --hostname-override= --provider-id= "
           f"--pod-infra-container-image={ocp('pod')} --system-reserved=cpu=500m,memory=1Gi,ephemeral-storage=1Gi --v=2")


def host_procs():
    P = E.Proc
    b = BOOT
    ps = [P(2, 0, 0, "root", "S", b, 0, 0, "kthreadd", "/", True)]
    for i, k in enumerate(KTHREADS[1:]):
        stat = "I<" if k.startswith("kworker/R") or "H-" in k else ("I" if k.startswith(("kworker", "rcu_")) else "S")
        ps.append(P(3 + i if i < 30 else 400 + i * 13, 2, 0, "root", stat, b + (0 if i < 30 else 3 + i), 0, 0, k, "/", True))
    S = "/system.slice/"
    ps += [
        P(1, 0, 0, "root", "Ss", b, 19872, 174620, "/usr/lib/systemd/systemd --switched-root --system --deserialize 28", "/init.scope"),
        P(806, 1, 0, "root", "Ss", b + 4.1, 61312, 105644, "/usr/lib/systemd/systemd-journald", S + "systemd-journald.service"),
        P(823, 1, 0, "root", "Ss", b + 4.3, 11680, 36272, "/usr/lib/systemd/systemd-udevd", S + "systemd-udevd.service"),
        P(1011, 1, 0, "root", "S<sl", b + 5.2, 3364, 84068, "/sbin/auditd", S + "auditd.service"),
        P(1052, 1, 994, "chrony", "S", b + 5.6, 3792, 85344, "/usr/sbin/chronyd -F 2", S + "chronyd.service"),
        P(1055, 1, 81, "dbus", "Ss", b + 5.6, 5120, 21284, "/usr/bin/dbus-broker-launch --scope system --audit", S + "dbus-broker.service"),
        P(1061, 1055, 81, "dbus", "S", b + 5.7, 4280, 12120, "dbus-broker --log 4 --controller 9 --machine-id " + E.h("machine-id", 32) + " --max-bytes 536870912 --max-fds 4096 --max-matches 131072 --audit", S + "dbus-broker.service"),
        P(1070, 1, 0, "root", "Ss", b + 5.8, 8996, 18368, "/usr/lib/systemd/systemd-logind", S + "systemd-logind.service"),
        P(1103, 1, 0, "root", "Ssl", b + 6.0, 20644, 404560, "/usr/sbin/NetworkManager --no-daemon", S + "NetworkManager.service"),
        P(1140, 1, 800, "openvsw+", "S<s", b + 6.9, 8204, 20852, "ovsdb-server /etc/openvswitch/conf.db -vconsole:emer -vsyslog:err -vfile:info --remote=punix:/var/run/openvswitch/db.sock --user openvswitch:hugetlbfs --no-chdir --log-file=/var/log/openvswitch/ovsdb-server.log --pidfile=/var/run/openvswitch/ovsdb-server.pid --detach", S + "ovsdb-server.service"),
        P(1201, 1, 800, "openvsw+", "S<Lsl", b + 7.3, 212500, 2411924, "ovs-vswitchd unix:/var/run/openvswitch/db.sock -vconsole:emer -vsyslog:err -vfile:info --mlockall --user openvswitch:hugetlbfs --no-chdir --log-file=/var/log/openvswitch/ovs-vswitchd.log --pidfile=/var/run/openvswitch/ovs-vswitchd.pid --detach", S + "ovs-vswitchd.service"),
        P(1230, 1, 0, "root", "Ss", b + 7.6, 9036, 16752, "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups", S + "sshd.service"),
        P(1236, 1, 0, "root", "Ss+", b + 7.6, 1984, 3040, "/sbin/agetty -o -p -- \\u --keep-baud 115200,57600,38400,9600 - vt220", S + "system-serial\\x2dgetty.slice/serial-getty@ttyS0.service"),
        P(1237, 1, 0, "root", "Ss+", b + 7.6, 1880, 3048, "/sbin/agetty -o -p -- \\u --noclear - linux", S + "system-getty.slice/getty@tty1.service"),
        P(2106, 1, 0, "root", "Ssl", b + 21.4, 141204, 3496420, "/usr/bin/crio", S + "crio.service"),
        P(2241, 1, 0, "root", "Ssl", b + 24.9, 186532, 3019280, KUBELET, S + "kubelet.service"),
    ]
    return ps


def tail_procs(node):
    """The operator's ssh session (as core) and the collector itself, started last."""
    P = E.Proc
    t = NOW - 412
    base = node["pid_end"] + 23000
    sess = "/user.slice/user-1000.slice/session-7.scope"
    ud = "/user.slice/user-1000.slice/user@1000.service"
    c = NOW - 0.4
    sudo = "sudo KUBECONFIG=/var/lib/kubelet/kubeconfig ./podmortem-collect -o /tmp"
    return [
        P(base, 1230, 0, "root", "Ss", t, 11860, 19520, "sshd: core [priv]", sess),
        P(base + 4, 1, 1000, "core", "Ss", t + 0.1, 13568, 22548, "/usr/lib/systemd/systemd --user", ud + "/init.scope"),
        P(base + 6, base + 4, 1000, "core", "S", t + 0.1, 6028, 197680, "(sd-pam)", ud + "/init.scope"),
        P(base + 13, base, 1000, "core", "S", t + 0.2, 7340, 19692, "sshd: core@pts/0", sess),
        P(base + 14, base + 13, 1000, "core", "Ss", t + 0.2, 5364, 8504, "-bash", sess),
        P(base + 201, base + 14, 0, "root", "S+", c - 1, 7728, 23640, sudo, sess),
        P(base + 202, base + 201, 0, "root", "Ss", c - 1, 2628, 23640, sudo, sess),
        P(base + 203, base + 202, 0, "root", "S+", c - 1, 3332, 7284, "/bin/sh ./podmortem-collect -o /tmp", sess),
        P(base + 251, base + 203, 0, "root", "S+", c, 1020, 5524, "timeout -k 5 30 ps faxno user,stat,cmd", sess),
        P(base + 252, base + 251, 0, "root", "R+", c, 3944, 10772, "ps faxno user,stat,cmd", sess),
        P(base + 257, base + 203, 0, "root", "S+", c, 1016, 5524, "timeout -k 5 30 ps -eo pid,ppid,uid,user,stat,lstart,rss,vsz,args ww", sess),
        P(base + 258, base + 257, 0, "root", "R+", c, 4060, 10772, "ps -eo pid,ppid,uid,user,stat,lstart,rss,vsz,args ww", sess),
    ]


def cgroup_extra(node):
    """The collector's own grep/sed pipeline, alive while /proc/*/cgroup is read."""
    base = node["pid_end"] + 23000
    sess = "/user.slice/user-1000.slice/session-7.scope"
    P = E.Proc
    return [P(base + 262, base + 203, 0, "root", "S+", NOW, 0, 0, "timeout -k 5 30 sh -c ...", sess),
            P(base + 263, base + 262, 0, "root", "S+", NOW, 0, 0, "sh -c ...", sess),
            P(base + 264, base + 263, 0, "root", "R+", NOW, 0, 0, "grep -s  /dev/null ...", sess),
            P(base + 265, base + 263, 0, "root", "S+", NOW, 0, 0, "sed -n ...", sess)]


XFS = "rw,seclabel,attr2,inode64,logbufs=8,logbsize=32k,prjquota"
DEPLOY = "/ostree/deploy/rhcos/deploy/" + E.h("ostree-deploy") + ".0"
BASE_MOUNTS = f"""22 1 8:4 {DEPLOY} / rw,relatime shared:1 - xfs /dev/sda4 {XFS}
23 22 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:2 - sysfs sysfs rw,seclabel
24 22 0:22 / /proc rw,nosuid,nodev,noexec,relatime shared:9 - proc proc rw
25 22 0:5 / /dev rw,nosuid shared:10 - devtmpfs devtmpfs rw,seclabel,size=4096k,nr_inodes=2037140,mode=755,inode64
26 22 0:24 / /run rw,nosuid,nodev shared:13 - tmpfs tmpfs rw,seclabel,size=3262588k,nr_inodes=819200,mode=755,inode64
27 23 0:6 / /sys/kernel/security rw,nosuid,nodev,noexec,relatime shared:3 - securityfs securityfs rw
28 25 0:23 / /dev/shm rw,nosuid,nodev shared:11 - tmpfs tmpfs rw,seclabel,inode64
29 25 0:25 / /dev/pts rw,nosuid,noexec,relatime shared:12 - devpts devpts rw,seclabel,gid=5,mode=620,ptmxmode=000
30 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,seclabel,nsdelegate,memory_recursiveprot
31 23 0:27 / /sys/fs/pstore rw,nosuid,nodev,noexec,relatime shared:5 - pstore pstore rw,seclabel
32 23 0:28 / /sys/fs/bpf rw,nosuid,nodev,noexec,relatime shared:6 - bpf bpf rw,mode=700
33 23 0:12 / /sys/fs/selinux rw,nosuid,noexec,relatime shared:7 - selinuxfs selinuxfs rw
34 22 8:4 / /sysroot ro,relatime shared:8 - xfs /dev/sda4 {XFS}
35 22 8:4 /ostree/deploy/rhcos/var /var rw,relatime shared:14 - xfs /dev/sda4 {XFS}
36 22 8:4 {DEPLOY}/etc /etc rw,relatime shared:15 - xfs /dev/sda4 {XFS}
37 22 8:4 /ostree/deploy/rhcos/deploy/{E.h('ostree-deploy')}.0/usr /usr ro,relatime shared:16 - xfs /dev/sda4 {XFS}
38 24 0:30 / /proc/sys/fs/binfmt_misc rw,relatime shared:17 - autofs systemd-1 rw,fd=32,pgrp=1,timeout=0,minproto=5,maxproto=5,direct,pipe_ino=18734
39 25 0:20 / /dev/mqueue rw,nosuid,nodev,noexec,relatime shared:18 - mqueue mqueue rw,seclabel
40 25 0:31 / /dev/hugepages rw,relatime shared:19 - hugetlbfs hugetlbfs rw,seclabel,pagesize=2M
41 23 0:7 / /sys/kernel/debug rw,nosuid,nodev,noexec,relatime shared:20 - debugfs debugfs rw,seclabel
42 23 0:13 / /sys/kernel/tracing rw,nosuid,nodev,noexec,relatime shared:21 - tracefs tracefs rw,seclabel
43 23 0:32 / /sys/kernel/config rw,nosuid,nodev,noexec,relatime shared:22 - configfs configfs rw
44 23 0:33 / /sys/fs/fuse/connections rw,nosuid,nodev,noexec,relatime shared:23 - fusectl fusectl rw
45 22 8:3 / /boot ro,nosuid,nodev,relatime shared:24 - ext4 /dev/sda3 rw,seclabel
46 26 0:44 / /run/user/1000 rw,nosuid,nodev,relatime shared:412 - tmpfs tmpfs rw,seclabel,size=1631292k,nr_inodes=407823,mode=700,uid=1000,gid=1000,inode64
611 35 8:4 /ostree/deploy/rhcos/var/lib/containers/storage/overlay /var/lib/containers/storage/overlay rw,relatime - xfs /dev/sda4 {XFS}
""".splitlines()

CRI_INFO = {"status": {"conditions": [{"type": "RuntimeReady", "status": True, "reason": "", "message": ""},
                                      {"type": "NetworkReady", "status": True, "reason": "", "message": ""}]}}


def default_upper(pod, c):
    return []


def main():
    node = {"runtime": "cri-o", "host": HOST, "now": NOW, "boot": BOOT, "tzoff": 0, "crio_tzoff": CRIO_TZ, "images": IMAGES,
            "layers": LAYERS, "layer_time": LAYER_TIME, "pods": PODS, "pause_image": "pod", "pause_uid": 0,
            "pause_args": "/usr/bin/pod", "passwd": PASSWD, "pid_start": 2890, "host_procs": host_procs(),
            "tail_procs": tail_procs, "oci": "runc", "conmon_stat": "Ssl",
            "uname": f"Linux {HOST} 5.14.0-427.44.1.el9_4.x86_64 #1 SMP PREEMPT_DYNAMIC Fri Nov 1 14:37:47 EDT 2024 x86_64 x86_64 x86_64 GNU/Linux",
            "host_os_release": HOST_OS, "host_ip": IP, "base_mounts": BASE_MOUNTS, "mount_id_start": 700, "dev_minor_start": 120,
            "var_mount_id": 35, "ovl_mount_id": 611, "selinux": selinux,
            "delegated": lambda n: n.startswith("user@") or (n.startswith("crio-") and not n.startswith("crio-conmon-")), "cri_info": CRI_INFO,
            "kubeconfig": "/var/lib/kubelet/kubeconfig", "kubelet_config": None, "static_pods_ls": "",
            "default_upper": default_upper, "forest_ps": "ps faxno user,stat,cmd",
            "table_ps": "ps -eo pid,ppid,uid,user,stat,lstart,rss,vsz,args ww",
            "inspect_drop": ("annotations", "mounts", "resources", "message", "reason", "runtimeHandler", "userSpecifiedImage")}
    E.prepare(node)
    for p in PODS:
        p["sandbox"]["pid"] = p["sandbox"].get("pids", [0])[0] if p["ready"] else 0
    node["cgroup_procs"] = cgroup_extra(node)
    b = E.Bundle(OUT, HOST, E.iso(NOW), E.iso(NOW + 5))
    E.render(node, b)
    b.write()
    check(node)


def check(node):
    m = E.verify(OUT)
    rd = lambda p: open(os.path.join(OUT, p), encoding="utf-8").read()
    cg = {int(l.split(" ")[0]): l.split(" ", 1)[1][3:] for l in rd("proc/cgroup.txt").splitlines()}
    table = {}
    for l in rd("ps/table.txt").splitlines()[1:]:
        f = l.split()
        table[int(f[0])] = (int(f[1]), l.split(None, 12)[-1])
    forest = rd("ps/forest.txt")
    ps = json.loads(rd("cri/ps.json"))["containers"]
    pods = {p["id"]: p for p in json.loads(rd("cri/pods.json"))["items"]}
    kube = json.loads(rd("kube/pods.json"))["items"]
    kids = {}
    for it in kube:
        for k in ("containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses"):
            for s in it["status"].get(k, []):
                if s.get("containerID"):
                    assert s["containerID"].startswith("cri-o://"), s["containerID"]
                    kids[s["containerID"][8:]] = it
    tsv = {l.split("\t")[1]: l.split("\t") for l in rd("rootfs/containers.tsv").splitlines()}
    mi = rd("mounts/mountinfo.txt")
    overlays = {l.split(" ")[4]: l for l in mi.splitlines() if " - overlay " in l}
    conmon = {}
    for pid, (ppid, args) in table.items():
        mo = re.match(r"/usr/bin/conmon -b \S+ -c ([0-9a-f]{64}) ", args)
        if mo:
            conmon[mo.group(1)] = pid
            assert ppid == 1, pid                                  # reparented to PID 1
            assert f"crio-conmon-{mo.group(1)}.scope" in cg[pid]

    def running(cid, pid, scope_parent):
        assert pid in table and pid in cg, cid
        assert cg[pid] == f"{scope_parent}/crio-{cid}.scope", cg[pid]
        cm = conmon[cid]
        assert table[pid][0] == cm, (cid, pid, cm)                 # conmon is the container's parent
        assert cg[cm] == f"{scope_parent}/crio-conmon-{cid}.scope", cg[cm]
        # in the forest conmon hangs directly under systemd (one level of art), the container process under conmon
        assert f"\n       0 Ssl   \\_ /usr/bin/conmon -b /run/containers/storage/overlay-containers/{cid}/userdata -c {cid} " in forest

    for c in ps:
        cid = c["id"]
        assert c["podSandboxId"] in pods
        insp = json.loads(rd(f"cri/inspect/{cid}.json"))
        assert insp["status"]["id"] == cid
        spec = insp["info"]["runtimeSpec"]
        a = spec["annotations"]
        sb = pods[c["podSandboxId"]]
        md, lab = sb["metadata"], c["labels"]
        assert a["io.kubernetes.cri-o.ContainerType"] == "container" and a["io.kubernetes.cri-o.SandboxID"] == sb["id"]
        assert a["io.kubernetes.cri-o.Name"] == f"k8s_{c['metadata']['name']}_{md['name']}_{md['namespace']}_{md['uid']}_{c['metadata']['attempt']}"
        assert spec["root"]["path"] == a["io.kubernetes.cri-o.MountPoint"]
        assert re.fullmatch(r"/var/lib/containers/storage/overlay/[0-9a-f]{64}/merged", spec["root"]["path"])
        slice_ = spec["linux"]["cgroupsPath"].split(":")[0]
        assert spec["linux"]["cgroupsPath"] == f"{slice_}:crio:{cid}" and md["uid"].replace("-", "_") in slice_
        assert cid in tsv, cid
        assert tsv[cid][0] == "cri-o" and tsv[cid][3] == spec["root"]["path"][:-6] + "diff"
        if c["state"] == "CONTAINER_RUNNING":
            pid = insp["info"]["pid"]
            parent = cg[pid].rsplit("/", 1)[0]
            assert parent.endswith("/" + slice_), (parent, slice_)
            running(cid, pid, parent)
            assert tsv[cid][6] == spec["root"]["path"] and tsv[cid][6] in overlays
            assert f"upperdir={tsv[cid][3]}," in overlays[tsv[cid][6]]
            for lo in overlays[tsv[cid][6]].split("lowerdir=")[1].split(",")[0].split(":"):
                assert re.fullmatch(r"/var/lib/containers/storage/overlay/l/[A-Z2-7]{26}", lo), lo
        else:
            assert insp["info"]["pid"] == 0 and tsv[cid][6] == "-" and spec["root"]["path"] not in overlays
        assert cid in kids, (c["metadata"], cid)
        assert kids[cid]["metadata"]["name"] == lab["io.kubernetes.pod.name"]
    for sid, p in pods.items():
        ip = json.loads(rd(f"cri/inspectp/{sid}.json"))
        spec = ip["info"]["runtimeSpec"]
        a = spec["annotations"]
        md = p["metadata"]
        assert a["io.kubernetes.cri-o.ContainerType"] == "sandbox" and a["io.kubernetes.cri-o.SandboxID"] == sid
        assert a["io.kubernetes.cri-o.ContainerName"] == f"k8s_POD_{md['name']}_{md['namespace']}_{md['uid']}_0"
        assert spec["root"]["path"] == a["io.kubernetes.cri-o.MountPoint"]
        assert spec["linux"]["cgroupsPath"] == f"{a['io.kubernetes.cri-o.CgroupParent']}:crio:{sid}"
        assert re.search(r"[+-]\d\d:00$", a["io.kubernetes.cri-o.Created"])
        if p["state"] == "SANDBOX_READY":
            pid = ip["info"]["pid"]
            running(sid, pid, cg[pid].rsplit("/", 1)[0])
            assert table[pid][1] == "/usr/bin/pod"
            assert spec["root"]["path"] in overlays and sid not in tsv
        kp = [k for k in kube if k["metadata"]["name"] == md["name"]][0]
        assert md["uid"] == kp["metadata"]["uid"]
    # every running container of the API is in crictl, and every process of a crio scope is someone's
    for it in kube:
        for s in it["status"]["containerStatuses"]:
            if "running" in s["state"]:
                assert any(c["id"] == s["containerID"][8:] and c["state"] == "CONTAINER_RUNNING" for c in ps), s["name"]
    for pid, path in cg.items():
        mo = re.search(r"/crio-(conmon-)?([0-9a-f]{64})\.scope$", path)
        if mo:
            assert mo.group(2) in tsv or mo.group(2) in pods, path
    for line in rd("cgroup/cgls.txt").splitlines()[2:]:
        if "crio-conmon-" in line:
            assert not line.endswith(" …"), line
        elif re.search(r"crio-[0-9a-f]{64}\.scope", line):
            assert line.endswith(" …"), line
        tail = line.lstrip("│├└─ ")
        if tail[:1].isdigit():
            assert int(tail.split(" ")[0]) in cg
    for row in tsv.values():
        for k in row[5].split(":"):
            assert k == "-" or os.path.exists(os.path.join(OUT, f"rootfs/layers/{k}.txt"))
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(OUT) for f in fs)
    print(f"{OUT}: {len(m['commands'])} commands, {len(ps)} containers, {len(pods)} sandboxes, {size} bytes; checks passed")


if __name__ == "__main__":
    main()
