"""Shared engine for the synthesized podmortem sample bundles (stdlib only, deterministic).

A per-sample script describes one node (host processes, pods, containers, images, layers); this module renders
every bundle entry from that one model, so IDs, PIDs, times and paths agree across files, and writes
manifest.json in collector/FORMAT.md's shape (commands in the collector's order, sha256 of every output).
"""
import datetime as dt
import hashlib
import json
import os
import shutil

SUFFIX = "bcdfghjklmnpqrstvwxz2456789"   # k8s rand.String alphabet


def h(seed, n=64):
    out = ""
    i = 0
    while len(out) < n:
        out += hashlib.sha256(f"{seed}#{i}".encode()).hexdigest()
        i += 1
    return out[:n]


def uuid(seed):
    x = h("uuid:" + seed, 32)
    x = x[:12] + "4" + x[13:16] + "89ab"[int(x[16], 16) % 4] + x[17:]
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


def rnd(seed, n, alphabet=SUFFIX):
    d = hashlib.sha256(seed.encode()).digest()
    return "".join(alphabet[b % len(alphabet)] for b in d[:n])


def up26(seed):
    return rnd("l:" + seed, 26, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def utc(t):
    return dt.datetime.fromtimestamp(t, dt.timezone.utc)


def rfc3339nano(t_ns, tzoff=0):
    tz = dt.timezone(dt.timedelta(hours=tzoff))
    d = dt.datetime.fromtimestamp(t_ns // 10**9, tz)
    frac = t_ns % 10**9
    s = d.strftime("%Y-%m-%dT%H:%M:%S") + (f".{frac:09d}".rstrip("0") if frac else "")
    if tzoff == 0:
        return s + "Z"
    sign = "+" if tzoff > 0 else "-"
    return s + f"{sign}{abs(tzoff):02d}:00"


def iso(t):
    return utc(t).strftime("%Y-%m-%dT%H:%M:%SZ")


def lstart(t, tzoff=0):
    d = dt.datetime.fromtimestamp(int(t), dt.timezone(dt.timedelta(hours=tzoff)))
    return f"{d:%a %b} {d.day:2d} {d:%H:%M:%S %Y}"


def human(sec):
    """k8s.io/apimachinery duration.HumanDuration."""
    s = int(sec)
    if s < 120:
        return f"{s}s"
    m = s // 60
    if m < 10:
        return f"{m}m" if s % 60 == 0 else f"{m}m{s % 60}s"
    if m < 180:
        return f"{m}m"
    hrs = s // 3600
    if hrs < 8:
        return f"{hrs}h" if m % 60 == 0 else f"{hrs}h{m % 60}m"
    if hrs < 48:
        return f"{hrs}h"
    if hrs < 24 * 8:
        return f"{hrs // 24}d" if hrs % 24 == 0 else f"{hrs // 24}d{hrs % 24}h"
    return f"{hrs // 24}d"


def kernfs_hash(name):
    """kernfs_name_hash(): the order in which cgroupfs readdir (and so systemd-cgls) lists sub-cgroups."""
    x = 0
    for c in name.encode():
        x = ((x + (c << 4) + (c >> 4)) * 11) & 0xFFFFFFFFFFFFFFFF
    x = ((x * 0x61C8864680B583EB) & 0xFFFFFFFFFFFFFFFF) >> 32
    x &= 0x7FFFFFFF
    if x < 2:
        x += 2
    if x >= 0x7FFFFFFF:
        x = 0x7FFFFFFF - 1
    return x


def cols(cells, specs):
    """procps-style columns: specs = [(width, 'r'|'l')]; overflow of one column eats later padding."""
    out, over = [], 0
    for text, (w, j) in zip(cells, specs):
        avail = w - over
        if len(text) <= avail:
            pad = avail - len(text)
            out.append(" " * pad + text if j == "r" else text + " " * pad)
            over = 0
        else:
            out.append(text)
            over = len(text) - avail
    return " ".join(out)


class Proc:
    def __init__(self, pid, ppid, uid, user, stat, start, rss, vsz, args, cgroup, kthread=False):
        self.__dict__.update(locals())
        del self.__dict__["self"]


def ps_table(procs, tzoff):
    specs = [(7, "r"), (7, "r"), (5, "r"), (8, "l"), (4, "l"), (24, "r"), (5, "r"), (6, "r")]
    lines = [cols(["PID", "PPID", "UID", "USER", "STAT", "STARTED", "RSS", "VSZ"], specs) + " COMMAND"]
    for p in sorted(procs, key=lambda p: p.pid):
        cmd = f"[{p.args}]" if p.kthread else p.args
        lines.append(cols([str(p.pid), str(p.ppid), str(p.uid), p.user, p.stat, lstart(p.start, tzoff),
                           str(p.rss), str(p.vsz)], specs) + " " + cmd)
    return "\n".join(lines) + "\n"


def ps_forest(procs):
    by = {p.pid: p for p in procs}
    kids = {}
    for p in procs:
        kids.setdefault(p.ppid if p.ppid in by else 0, []).append(p)
    for v in kids.values():
        v.sort(key=lambda p: p.pid)
    roots = kids.get(0, [])
    roots.sort(key=lambda p: (0 if p.pid == 2 else 1, p.pid))   # kthreadd's subtree first
    specs = [(8, "r"), (4, "l")]
    lines = [cols(["USER", "STAT"], specs) + " CMD"]

    def walk(p, prefix, depth, last):
        art = "" if depth == 0 else prefix + " \\_ "
        cmd = f"[{p.args}]" if p.kthread else p.args
        lines.append(cols([str(p.uid), p.stat], specs) + " " + art + cmd)
        ch = kids.get(p.pid, [])
        np = "" if depth == 0 else prefix + ("    " if last else " |  ")
        for i, c in enumerate(ch):
            walk(c, np, depth + 1, i == len(ch) - 1)

    for r in roots:
        walk(r, "", 0, True)
    return "\n".join(lines) + "\n"


def cgls(procs, delegated):
    tree = {"pids": [], "kids": {}}
    for p in procs:
        if p.kthread:
            continue
        node = tree
        for part in [x for x in p.cgroup.split("/") if x]:
            node = node["kids"].setdefault(part, {"pids": [], "kids": {}})
        node["pids"].append(p)
    lines = ["Control group /:", "-.slice"]

    def render(node, prefix):
        pids = sorted(node["pids"], key=lambda p: p.pid)
        w = max((len(str(p.pid)) for p in pids), default=0)
        kids = sorted(node["kids"].items(), key=lambda kv: (kernfs_hash(kv[0]), kv[0]))
        items = [("p", p) for p in pids] + [("c", k) for k in kids]
        for i, (t, it) in enumerate(items):
            last = i == len(items) - 1
            g = "└─" if last else "├─"
            if t == "p":
                lines.append(f"{prefix}{g}{it.pid:>{w}} {it.args}")
            else:
                name, sub = it
                deleg = delegated(name) if callable(delegated) else any(name.startswith(d) or name == d for d in delegated)
                mark = " …" if deleg else ""
                lines.append(f"{prefix}{g}{name}{mark}")
                render(sub, prefix + ("  " if last else "│ "))

    render(tree, "")
    return "\n".join(lines) + "\n"


def listing(entries, t):
    """entries: (type, mode, uid, gid, size, path, link) -> find -printf lines."""
    out = []
    for i, (y, m, u, g, s, pth, ln) in enumerate(entries):
        mt = t + (i * 7919 % 1000) / 1000.0 if y == "f" else t
        frac = f"{mt:.10f}"
        out.append(f"{y} {m} {u} {g} {s} {frac}\t{pth}\t{ln}")
    return "\n".join(out) + ("\n" if out else "")


def path_key(path):
    return hashlib.sha256(path.encode()).hexdigest()[:16]


class Bundle:
    def __init__(self, outdir, host, started, finished):
        self.outdir, self.host, self.started, self.finished = outdir, host, started, finished
        self.files = {}
        self.cmds = []

    def ok(self, name, argv, entry, text, dur=10):
        data = text.encode()
        self.files[entry] = data
        self.cmds.append({"name": name, "argv": argv, "status": "ok", "exitCode": 0, "durationMs": dur,
                          "output": entry, "sha256": hashlib.sha256(data).hexdigest(), "stderr": None})

    def internal(self, name, argv, dur=20):
        self.cmds.append({"name": name, "argv": argv, "status": "ok", "exitCode": 0, "durationMs": dur,
                          "output": None, "sha256": None, "stderr": None})

    def skip(self, name, argv, reason):
        self.cmds.append({"name": name, "argv": argv, "status": "skipped", "exitCode": None, "durationMs": None,
                          "output": None, "sha256": None, "stderr": None, "reason": reason})

    def write(self):
        if os.path.isdir(self.outdir):
            shutil.rmtree(self.outdir)
        os.makedirs(self.outdir)
        for entry, data in self.files.items():
            p = os.path.join(self.outdir, entry)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as f:
                f.write(data)
        m = ['{', '  "schemaVersion": 1,', '  "collector": "podmortem-collect",', '  "version": "0.1.0",',
             f'  "host": {json.dumps(self.host)},', f'  "startedAt": "{self.started}",',
             f'  "finishedAt": "{self.finished}",', '  "user": { "uid": 0, "name": "root" },',
             '  "options": { "maxFiles": 200000, "timeout": 30, "redact": false, "listings": true },',
             '  "commands": [']
        rows = [json.dumps(c, separators=(",", ":")) for c in self.cmds]
        m += ["    " + r + ("," if i < len(rows) - 1 else "") for i, r in enumerate(rows)]
        m += ['  ],', '  "warnings": []', '}']
        with open(os.path.join(self.outdir, "manifest.json"), "w") as f:
            f.write("\n".join(m) + "\n")


def verify(outdir):
    m = json.load(open(os.path.join(outdir, "manifest.json")))
    listed = set()
    for c in m["commands"]:
        if c["output"]:
            data = open(os.path.join(outdir, c["output"]), "rb").read()
            assert hashlib.sha256(data).hexdigest() == c["sha256"], c["output"]
            listed.add(c["output"])
            if c["output"].endswith(".json"):
                json.loads(data)
    on_disk = set()
    for d, _, fs in os.walk(outdir):
        for f in fs:
            on_disk.add(os.path.relpath(os.path.join(d, f), outdir))
    on_disk.discard("manifest.json")
    assert on_disk == listed, (on_disk ^ listed)
    return m


# ---------------------------------------------------------------------------------------------------------
# The node model rendered into every entry.

CTD_SNAP = "/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots"
CTD_TASK = "/run/containerd/io.containerd.runtime.v2.task/k8s.io"
CS = "/var/lib/containers/storage/overlay"


def slice_of(pod):
    u = pod["nuid"].replace("-", "_")
    if pod["qos"] == "Guaranteed":
        return "kubepods-pod%s.slice" % u, "/kubepods.slice/kubepods-pod%s.slice" % u
    q = pod["qos"].lower()
    return ("kubepods-%s-pod%s.slice" % (q, u),
            "/kubepods.slice/kubepods-%s.slice/kubepods-%s-pod%s.slice" % (q, q, u))


def prepare(node):
    """Fill IDs, PIDs, storage paths. Deterministic: everything derives from names and the seed."""
    rt = node["runtime"]
    snap = [node.get("snap_start", 1)]
    layer_dirs = {}     # layer name -> host dir of its content
    for key, img in node["images"].items():
        for ln in img["layers"]:
            if ln in layer_dirs:
                continue
            if rt == "containerd":
                layer_dirs[ln] = f"{CTD_SNAP}/{snap[0]}/fs"
                snap[0] += 1
            else:
                lid = h(node["host"] + "/layer/" + ln)
                layer_dirs[ln] = (f"{CS}/{lid}/diff", f"{CS}/l/{up26(node['host'] + ln)}")
    node["layer_dirs"] = layer_dirs
    pid = [node["pid_start"]]

    def nextpid(seed):
        pid[0] += 3 + int(h(seed, 4), 16) % 40
        return pid[0]

    node["cprocs"] = []
    for pod in node["pods"]:
        pod["sbid"] = h(node["host"] + "/sb/" + pod["ns"] + "/" + pod["name"])
        pod["slice"], pod["slicepath"] = slice_of(pod)
        sb = {"name": "POD", "img": node["pause_image"], "state": "running" if pod["ready"] else "exited",
              "created": pod["created"], "started": pod["created"] + 0.2, "attempt": 0, "is_sandbox": True,
              "id": pod["sbid"], "procs": [(node["pause_uid"], "Ss", 500, 1020, node["pause_args"])]}
        pod["sandbox"] = sb
        for c in pod["containers"]:
            c["id"] = h(node["host"] + "/c/" + pod["ns"] + "/" + pod["name"] + "/" + c["name"] + "/%d" % c["attempt"])
        for c in [sb] + pod["containers"]:
            if rt == "containerd":
                c["snap"] = snap[0]
                snap[0] += 1 + int(h(c["id"], 2), 16) % 3
                c["upper"] = f"{CTD_SNAP}/{c['snap']}/fs"
                c["merged"] = f"{CTD_TASK}/{c['id']}/rootfs"
            else:
                c["layer"] = h(node["host"] + "/ctrlayer/" + c["id"])
                c["upper"] = f"{CS}/{c['layer']}/diff"
                c["merged"] = f"{CS}/{c['layer']}/merged"
    # processes, in start order
    events = []
    for pod in node["pods"]:
        events.append((pod["created"], "sb", pod, pod["sandbox"]))
        for c in pod["containers"]:
            events.append((c.get("started") or c["created"], "c", pod, c))
    events.sort(key=lambda e: (e[0], e[1] != "sb"))
    for t, kind, pod, c in events:
        if kind == "sb" and pod["ready"] and rt == "containerd":
            pod["shim_pid"] = nextpid(pod["sbid"] + "shim")
            node["cprocs"].append(Proc(pod["shim_pid"], 1, 0, "root", "Sl", t, 13400, 1238480,
                                       f"/usr/bin/containerd-shim-runc-v2 -namespace k8s.io -id {pod['sbid']} "
                                       "-address /run/containerd/containerd.sock", "/system.slice/containerd.service"))
        if c["state"] != "running":
            continue
        if rt == "containerd":
            parent = pod["shim_pid"]
            scope = f"{pod['slicepath']}/cri-containerd-{c['id']}.scope"
        else:
            c["conmon_pid"] = nextpid(c["id"] + "conmon")
            logp = (f"/var/log/pods/{pod['ns']}_{pod['name']}_{pod['nuid']}/{c['id']}.log" if kind == "sb" else
                    f"/var/log/pods/{pod['ns']}_{pod['name']}_{pod['nuid']}/{c['name']}/{c['attempt']}.log")
            n = f"k8s_{c['name']}_{pod['name']}_{pod['ns']}_{pod['nuid']}_{c['attempt']}"
            ud = f"/run/containers/storage/overlay-containers/{c['id']}/userdata"
            args = (f"/usr/bin/conmon -b {ud} -c {c['id']} --exit-dir /var/run/crio/exits -l {logp} --log-level info "
                    f"-n {n} -P {ud}/conmon-pidfile -p {ud}/pidfile --persist-dir "
                    f"/var/lib/containers/storage/overlay-containers/{c['id']}/userdata -r /usr/bin/{node.get('oci', 'runc')} --runtime-arg "
                    f"--root=/run/{node.get('oci', 'runc')} --socket-dir-path /var/run/crio --syslog -u {c['id']} -s")
            node["cprocs"].append(Proc(c["conmon_pid"], 1, 0, "root", node.get("conmon_stat", "Ssl"), t, 2100, 143800, args,
                                       f"{pod['slicepath']}/crio-conmon-{c['id']}.scope"))
            parent = c["conmon_pid"]
            scope = f"{pod['slicepath']}/crio-{c['id']}.scope"
        c["scope"] = scope
        c["pids"] = []
        first = None
        for i, (uid, stat, rss, vsz, args) in enumerate(c["procs"]):
            p = nextpid(c["id"] + str(i))
            user = node["passwd"].get(uid, str(uid))
            node["cprocs"].append(Proc(p, parent if i == 0 else first, uid, user, stat, t + 0.1 * i, rss, vsz,
                                       args, scope))
            c["pids"].append(p)
            if i == 0:
                first = p
        c["pid"] = c["pids"][0]
    node["pid_end"] = pid[0]


def crictl_ns(t):
    return str(int(round(t * 1e9)))


def render(node, b):
    rt = node["runtime"]
    now = node["now"]
    tz = node.get("tzoff", 0)
    procs = node["host_procs"] + node["cprocs"] + node["tail_procs"](node)
    # host facts
    b.ok("uname", ["uname", "-a"], "host/uname.txt", node["uname"] + "\n")
    b.ok("hostname", ["hostname"], "host/hostname.txt", node["host"] + "\n")
    b.ok("date", ["date", "-u", "+%Y-%m-%dT%H:%M:%SZ"], "host/date.txt", b.started + "\n", 0)
    b.ok("boot-time", ["awk", "/^btime / { print $2 }", "/proc/stat"], "host/boot-time.txt", f"{node['boot']}\n")
    up = now - node["boot"]
    b.ok("uptime", ["cat", "/proc/uptime"], "host/uptime.txt", f"{up:.2f} {up * 3.71:.2f}\n")
    b.ok("os-release", ["cat", "/etc/os-release"], "host/os-release.txt", node["host_os_release"])
    b.ok("id", ["id"], "host/id.txt", "uid=0(root) gid=0(root) groups=0(root)\n")
    forest = [p for p in procs if p.args != node["table_ps"]]
    table = [p for p in procs if p.args != node["forest_ps"]]
    b.ok("ps-forest", ["ps", "faxno", "user,stat,cmd"], "ps/forest.txt", ps_forest(forest), 30)
    b.ok("ps-table", ["ps", "-eo", "pid,ppid,uid,user,stat,lstart,rss,vsz,args", "ww"], "ps/table.txt",
         ps_table(table, tz), 20)
    cg = [p for p in procs if p.args not in (node["forest_ps"], node["table_ps"])]
    cg += node["cgroup_procs"]
    b.ok("proc-cgroup", ["sh", "-c", 'grep -s "" /dev/null /proc/[0-9]*/cgroup | sed -n "s|^/proc/\\([0-9][0-9]*\\)/cgroup:|\\1 |p"; exit 0', "sh"],
         "proc/cgroup.txt", "".join(f"{p.pid} 0::{p.cgroup}\n" for p in sorted(cg, key=lambda p: str(p.pid))), 30)
    b.ok("mountinfo", ["cat", "/proc/self/mountinfo"], "mounts/mountinfo.txt", mountinfo(node), 10)
    b.ok("cgroup-version", ["sh", "-c", "awk '{ for (i = 1; i <= NF; i++) if ($i == \"-\") { t = $(i + 1); break }\n     if (t == \"cgroup2\") v2 = 1; else if (t == \"cgroup\") v1 = 1 }\n     END { print (v1 && v2) ? \"hybrid\" : v2 ? \"v2\" : v1 ? \"v1\" : \"none\" }' \"$1\"", "sh", "/proc/self/mountinfo"],
         "cgroup/version.txt", "v2\n", 10)
    b.ok("cgls", ["systemd-cgls", "--no-pager", "--full"], "cgroup/cgls.txt",
         cgls([p for p in cg if p.cgroup != "/"], node["delegated"]), 60)
    dfmt = "{{.Id}}|{{.State.Status}}|{{.GraphDriver.Data.UpperDir}}|{{.GraphDriver.Data.LowerDir}}|{{.GraphDriver.Data.MergedDir}}|{{.Path}}"
    b.skip("docker-ps", ["docker", "ps", "-a", "--no-trunc"], "docker not found")
    b.skip("docker-ps-json", ["docker", "ps", "-a", "--no-trunc", "--format", "{{json .}}"], "docker not found")
    b.skip("docker-ids", ["docker", "ps", "-a", "-q", "--no-trunc"], "docker not found")
    b.skip("docker-inspect", ["docker", "inspect"], "docker not found")
    b.skip("docker-rootfs", ["docker", "inspect", "--format", dfmt], "docker not found")
    b.skip("docker-images", ["docker", "images", "--no-trunc"], "docker not found")
    b.skip("docker-info", ["docker", "info"], "docker not found")
    # CRI
    ctrs = [(pod, c) for pod in node["pods"] for c in pod["containers"]]
    ctrs.sort(key=lambda pc: -pc[1]["created"])          # crictl lists newest first
    pods = sorted(node["pods"], key=lambda p: -p["created"])
    b.ok("cri-pods", ["crictl", "pods", "-o", "json"], "cri/pods.json", dumps({"items": [pod_item(node, p) for p in pods]}), 80)
    b.ok("cri-ps", ["crictl", "ps", "-a", "-o", "json"], "cri/ps.json", dumps({"containers": [ctr_item(node, p, c) for p, c in ctrs]}), 90)
    b.internal("cri-ids", ["crictl", "ps", "-a", "-q"], 60)
    for p, c in ctrs:
        b.ok("cri-inspect-" + c["id"], ["crictl", "inspect", c["id"]], f"cri/inspect/{c['id']}.json", dumps(inspect(node, p, c)), 40)
    b.internal("cri-pod-ids", ["crictl", "pods", "-q"], 50)
    for p in pods:
        b.ok("cri-inspectp-" + p["sbid"], ["crictl", "inspectp", p["sbid"]], f"cri/inspectp/{p['sbid']}.json", dumps(inspectp(node, p)), 40)
    b.ok("cri-images", ["crictl", "images", "-o", "json"], "cri/images.json", dumps(images_json(node)), 60)
    b.ok("cri-info", ["crictl", "info"], "cri/info.json", dumps(node["cri_info"]), 50)
    b.skip("ctr-containers", ["ctr", "-n", "k8s.io", "containers", "list"], "crictl present")
    kc = node["kubeconfig"]
    b.ok("kube-pods", ["kubectl", "--kubeconfig", kc, "get", "pods", "-A", "-o", "json"], "kube/pods.json",
         json.dumps(kube_pods(node), indent=4, ensure_ascii=False) + "\n", 420)
    b.ok("kube-pods-wide", ["kubectl", "--kubeconfig", kc, "get", "pods", "-A", "-o", "wide"], "kube/pods-wide.txt", pods_wide(node), 380)
    if node.get("kubelet_config"):
        b.ok("kubelet-config", ["cat", "/var/lib/kubelet/config.yaml"], "kube/kubelet-config.yaml", node["kubelet_config"])
    else:
        b.skip("kubelet-config", ["cat", "/var/lib/kubelet/config.yaml"], "/var/lib/kubelet/config.yaml absent")
    b.ok("static-pods", ["ls", "-1", "/etc/kubernetes/manifests"], "kube/static-pods.txt", node["static_pods_ls"], 10)
    rootfs(node, b, ctrs)


def dumps(o):
    return json.dumps(o, indent=2, ensure_ascii=False) + "\n"


FMT = "%y %m %U %G %s %T@\t%P\t%l\\n"


def lowers(node, c):
    img = node["images"][c["img"]]
    return [node["layer_dirs"][ln] for ln in reversed(img["layers"])]


def mountinfo(node):
    rt = node["runtime"]
    lines = list(node["base_mounts"])
    mid = [node["mount_id_start"]]
    dev = [node["dev_minor_start"]]

    def add(parent, mp, opts, fstype, src, sopts, shared=True):
        mid[0] += 1
        dev[0] += 1
        tag = f" shared:{mid[0] - 30}" if shared else ""
        lines.append(f"{mid[0]} {parent} 0:{dev[0]} / {mp} {opts}{tag} - {fstype} {src} {sopts}")

    for pod in sorted(node["pods"], key=lambda p: p["created"]):
        if not pod["ready"]:
            continue
        if not pod["hostnet"]:
            if rt == "containerd":
                mid[0] += 1
                lines.append(f"{mid[0]} 26 0:4 net:[{4026532000 + mid[0]}] /run/netns/cni-{uuid(pod['sbid'])} rw shared:{mid[0] - 30} - nsfs nsfs rw")
            else:
                mid[0] += 1
                lines.append(f"{mid[0]} 26 0:4 net:[{4026532000 + mid[0]}] /run/netns/{pin_name(pod)} rw shared:{mid[0] - 30} - nsfs nsfs rw")
        if rt != "containerd":
            # pinns pins IPC always and UTS unless the pod shares the host's network (and so its UTS namespace)
            for kind in ["ipc"] + ([] if pod["hostnet"] else ["uts"]):
                mid[0] += 1
                lines.append(f"{mid[0]} 26 0:4 {kind}:[{4026532000 + mid[0]}] /run/{kind}ns/{pin_name(pod)} rw shared:{mid[0] - 30} - nsfs nsfs rw")
        if rt == "containerd":
            add(26, f"/run/containerd/io.containerd.grpc.v1.cri/sandboxes/{pod['sbid']}/shm", "rw,nosuid,nodev,noexec,relatime", "tmpfs", "shm", "rw,size=65536k,inode64")
        else:
            ctx = node["selinux"](pod)
            add(26, f"/run/containers/storage/overlay-containers/{pod['sbid']}/userdata/shm", "rw,nosuid,nodev,noexec,relatime", "tmpfs", "shm",
                (f'rw,context="{ctx}"' if ctx else "rw") + ",size=65536k,inode64")
        for c in [pod["sandbox"]] + pod["containers"]:
            if c["state"] != "running":
                continue
            if rt == "containerd":
                lo = ":".join(lowers(node, c))
                wd = c["upper"][:-2] + "work"
                add(26, c["merged"], "rw,relatime", "overlay", "overlay", f"rw,lowerdir={lo},upperdir={c['upper']},workdir={wd}")
            else:
                lo = ":".join(l for _, l in lowers(node, c))
                ctx = node["selinux"](pod)
                add(node["ovl_mount_id"], c["merged"], "rw,nodev,relatime", "overlay", "overlay",
                    (f'rw,context="{ctx}"' if ctx else "rw") + f',lowerdir={lo},upperdir={c["upper"]},workdir={c["upper"][:-4]}work,metacopy=on',
                    shared=False)
        if not pod.get("static"):
            add(node.get("var_mount_id", 28), f"/var/lib/kubelet/pods/{pod['nuid']}/volumes/kubernetes.io~projected/kube-api-access-{rnd(pod['name'], 5)}",
                "rw,relatime", "tmpfs", "tmpfs", "rw,size=%dk,inode64" % (170 * 1024 if pod["qos"] != "BestEffort" else 16 * 1024 * 1024))
    return "\n".join(lines) + "\n"


def rootfs(node, b, ctrs):
    rt = node["runtime"]
    rtname = "containerd" if rt == "containerd" else "cri-o"
    seen = set()
    tsv = []

    def layer_list(dirs):
        keys = []
        for d in dirs:
            real = d if rt == "containerd" else d[0]
            k = path_key(real)
            if k not in seen:
                seen.add(k)
                ln = [n for n, v in node["layer_dirs"].items() if v == d][0]
                b.ok("layer-" + k, ["find", real, "-mindepth", "1", "-printf", FMT], f"rootfs/layers/{k}.txt",
                     listing(node["layers"][ln], node["layer_time"][ln]), 20)
            keys.append(k)
        return ":".join(keys) or "-"

    def one(pod, c, state):
        img = node["images"][c["img"]]
        mounted = c["state"] == "running"
        if rt == "containerd" and not mounted:
            tsv.append(f"{rtname}\t{c['id']}\t{state}\t-\t-\t-\t-")
            return
        keys = layer_list(lowers(node, c))
        ent = f"rootfs/upper/{c['id']}.txt"
        b.ok("upper-" + c["id"], ["find", c["upper"], "-mindepth", "1", "-printf", FMT], ent,
             listing(c.get("upper_entries", node["default_upper"](pod, c)), c.get("started") or c["created"]), 10)
        if img.get("osrel"):
            if mounted:
                host = f"{c['merged']}/{img['osrel_path']}"
            else:
                d = node["layer_dirs"][img["osrel_layer"]]
                host = f"{d if rt == 'containerd' else d[0]}/{img['osrel_path']}"
            b.ok("osrelease-" + c["id"], ["cat", host], f"rootfs/os-release/{c['id']}.txt", img["osrel"], 0)
        else:
            b.skip("osrelease-" + c["id"], ["cat", "/etc/os-release"], "no /etc/os-release or /usr/lib/os-release in the container")
        tsv.append(f"{rtname}\t{c['id']}\t{state}\t{c['upper']}\t{ent}\t{keys}\t{c['merged'] if mounted else '-'}")

    for pod, c in ctrs:
        one(pod, c, "CONTAINER_" + c["state"].upper())
    for pod in sorted(node["pods"], key=lambda p: p["created"]):
        sb = pod["sandbox"]
        if sb["state"] != "running":
            continue
        if rt == "containerd":
            one(pod, sb, "running")
        else:
            layer_list(lowers(node, sb))
    b.ok("containers-tsv", ["podmortem-collect", "rootfs"], "rootfs/containers.tsv", "\n".join(tsv) + "\n", 0)


ZERO = "0001-01-01T00:00:00Z"


def c_labels(pod, c):
    return {"io.kubernetes.container.name": c["name"], "io.kubernetes.pod.name": pod["name"],
            "io.kubernetes.pod.namespace": pod["ns"], "io.kubernetes.pod.uid": pod["nuid"]}


def c_annotations(pod, c):
    a = {"io.kubernetes.container.hash": h(c["name"] + c["img"], 8),
         "io.kubernetes.container.restartCount": str(c["attempt"]),
         "io.kubernetes.container.terminationMessagePath": "/dev/termination-log",
         "io.kubernetes.container.terminationMessagePolicy": "File",
         "io.kubernetes.pod.terminationGracePeriod": str(pod.get("grace", 30))}
    return a


def sb_labels(node, pod):
    l = dict(pod.get("labels", {}))
    l.update({"io.kubernetes.pod.name": pod["name"], "io.kubernetes.pod.namespace": pod["ns"],
              "io.kubernetes.pod.uid": pod["nuid"]})
    if node["runtime"] == "containerd":
        l["io.cri-containerd.kind"] = "sandbox"
    else:
        l["io.kubernetes.container.name"] = "POD"
    return l


def sb_annotations(node, pod):
    a = {"kubernetes.io/config.seen": rfc3339nano(int((pod["created"] - 1.3) * 1e9), 0),
         "kubernetes.io/config.source": "file" if pod.get("static") else "api"}
    if pod.get("static"):
        a["kubernetes.io/config.hash"] = pod["nuid"]
    a.update(pod.get("annotations", {}))
    return a


def pod_item(node, pod):
    return {"id": pod["sbid"], "metadata": {"name": pod["name"], "uid": pod["nuid"], "namespace": pod["ns"], "attempt": 0},
            "state": "SANDBOX_READY" if pod["ready"] else "SANDBOX_NOTREADY", "createdAt": crictl_ns(pod["created"]),
            "labels": sb_labels(node, pod), "annotations": sb_annotations(node, pod), "runtimeHandler": ""}


def ctr_item(node, pod, c):
    img = node["images"][c["img"]]
    ref = img["id"] if node["runtime"] == "containerd" else img["digest_ref"]
    return {"id": c["id"], "podSandboxId": pod["sbid"], "metadata": {"name": c["name"], "attempt": c["attempt"]},
            "image": {"image": img["id"] if node["runtime"] == "containerd" else img["ref"], "annotations": {},
                      "userSpecifiedImage": "", "runtimeHandler": ""},
            "imageRef": ref, "state": "CONTAINER_" + c["state"].upper(), "createdAt": crictl_ns(c["created"]),
            "labels": c_labels(pod, c), "annotations": c_annotations(pod, c)}


def crio_time(node, t):
    """Times CRI-O itself formats (the io.kubernetes.cri-o.Created annotation) are in crio.service's zone, the
    node's /etc/localtime; crictl's own conversions follow the collector's TZ=UTC."""
    return rfc3339nano(int(t * 1e9), node.get("crio_tzoff", 0))


def t_or_zero(node, t):
    return rfc3339nano(int(t * 1e9), node.get("tzoff", 0)) if t else ZERO


def pin_name(pod):
    """CRI-O's pinns file name: one UUID per pod for every pinned namespace."""
    return uuid("pin:" + pod["sbid"])


def namespaces(node, pod, pause_pid):
    if node["runtime"] != "containerd":
        pin = pin_name(pod)
        ns = ([] if pod.get("hostpid") else [{"type": "pid"}]) + [{"type": "ipc", "path": f"/var/run/ipcns/{pin}"}]
        if not pod["hostnet"]:
            ns += [{"type": "uts", "path": f"/var/run/utsns/{pin}"}]
        ns += [{"type": "mount"}]
        if not pod["hostnet"]:
            ns.append({"type": "network", "path": f"/var/run/netns/{pin}"})
        return ns + [{"type": "cgroup"}]
    ns = [{"type": "pid"}, {"type": "ipc", "path": f"/proc/{pause_pid}/ns/ipc"},
          {"type": "uts", "path": f"/proc/{pause_pid}/ns/uts"}, {"type": "mount"}]
    if not pod["hostnet"]:
        ns.append({"type": "network", "path": f"/proc/{pause_pid}/ns/net"})
    return ns


def pause_pid(pod):
    sb = pod["sandbox"]
    return sb.get("pid") or (1000 + int(h(pod["sbid"], 4), 16) % 9000)


def inspect(node, pod, c):
    img = node["images"][c["img"]]
    rt = node["runtime"]
    st = {"id": c["id"], "metadata": {"attempt": c["attempt"], "name": c["name"]},
          "state": "CONTAINER_" + c["state"].upper(), "createdAt": t_or_zero(node, c["created"]),
          "startedAt": t_or_zero(node, c.get("started")), "finishedAt": t_or_zero(node, c.get("finished")),
          "exitCode": c.get("exit", 0), "image": {"annotations": {}, "image": img["ref"], "runtimeHandler": "",
                                                   "userSpecifiedImage": ""},
          "imageRef": img["digest_ref"], "reason": c.get("reason", ""), "message": "",
          "labels": c_labels(pod, c), "annotations": c_annotations(pod, c), "mounts": [],
          "logPath": f"/var/log/pods/{pod['ns']}_{pod['name']}_{pod['nuid']}/{c['name']}/{c['attempt']}.log",
          "resources": None}
    uid = c["procs"][0][0]
    args = c["procs"][0][4].split(" ")
    spec = {"ociVersion": "1.1.0" if rt == "containerd" else "1.0.2-dev",
            "process": {"user": {"uid": uid, "gid": uid if uid else 0}, "args": args, "cwd": "/"},
            "root": {"path": "rootfs" if rt == "containerd" else c["merged"]},
            "hostname": "" if pod["hostnet"] else pod["name"]}
    ctype = "sandbox" if c.get("is_sandbox") else "container"
    if rt == "containerd":
        spec["annotations"] = {"io.kubernetes.cri.container-type": ctype, "io.kubernetes.cri.container-name": c["name"],
                               "io.kubernetes.cri.image-name": img["ref"], "io.kubernetes.cri.sandbox-id": pod["sbid"],
                               "io.kubernetes.cri.sandbox-name": pod["name"], "io.kubernetes.cri.sandbox-namespace": pod["ns"],
                               "io.kubernetes.cri.sandbox-uid": pod["nuid"]}
        spec["linux"] = {"cgroupsPath": f"{pod['slice']}:cri-containerd:{c['id']}",
                         "namespaces": namespaces(node, pod, pause_pid(pod))}
        info = {"sandboxID": pod["sbid"], "pid": c.get("pid", 0), "removing": False, "snapshotKey": c["id"],
                "snapshotter": "overlayfs", "runtimeType": "io.containerd.runc.v2",
                "runtimeOptions": {"systemd_cgroup": True},
                "config": {"metadata": {"name": c["name"], "attempt": c["attempt"]}, "image": {"image": img["id"]},
                           "command": args[:1], "args": args[1:], "labels": c_labels(pod, c),
                           "annotations": c_annotations(pod, c), "log_path": f"{c['name']}/{c['attempt']}.log",
                           "linux": {"security_context": {"run_as_user": {"value": uid},
                                                          "namespace_options": {"network": 2 if pod["hostnet"] else 0, "pid": 1}}}},
                "runtimeSpec": spec}
    else:
        iid = img["id"].split(":")[-1]
        spec["hostname"] = node["host"] if pod["hostnet"] else pod["name"]
        spec["annotations"] = {"io.container.manager": "cri-o", "io.kubernetes.container.hash": h(c["name"] + c["img"], 8),
                               "io.kubernetes.container.name": c["name"], "io.kubernetes.container.restartCount": str(c["attempt"]),
                               "io.kubernetes.cri-o.ContainerID": c["id"], "io.kubernetes.cri-o.ContainerType": ctype,
                               "io.kubernetes.cri-o.Created": crio_time(node, c["created"]),
                               "io.kubernetes.cri-o.Image": iid, "io.kubernetes.cri-o.ImageName": img["ref"],
                               "io.kubernetes.cri-o.ImageRef": iid, "io.kubernetes.cri-o.LogPath": st["logPath"],
                               "io.kubernetes.cri-o.MountPoint": c["merged"],
                               "io.kubernetes.cri-o.Name": f"k8s_{c['name']}_{pod['name']}_{pod['ns']}_{pod['nuid']}_{c['attempt']}",
                               "io.kubernetes.cri-o.SandboxID": pod["sbid"],
                               "io.kubernetes.cri-o.SandboxName": f"k8s_{pod['name']}_{pod['ns']}_{pod['nuid']}_0",
                               "io.kubernetes.cri-o.TTY": "false", "io.kubernetes.pod.name": pod["name"],
                               "io.kubernetes.pod.namespace": pod["ns"], "io.kubernetes.pod.uid": pod["nuid"]}
        spec["linux"] = {"cgroupsPath": f"{pod['slice']}:crio:{c['id']}", "namespaces": namespaces(node, pod, pause_pid(pod))}
        if node.get("selinux") and node["selinux"](pod):
            spec["linux"]["mountLabel"] = node["selinux"](pod)
        info = {"sandboxID": pod["sbid"], "pid": c.get("pid", 0), "runtimeSpec": spec, "privileged": bool(c.get("privileged"))}
        for k in node.get("inspect_drop", ()):     # keep the sample small: fields nothing reads
            st.pop(k, None)
            st["image"].pop(k, None)
    return {"status": st, "info": info}


def inspectp(node, pod):
    rt = node["runtime"]
    sb = pod["sandbox"]
    st = {"id": pod["sbid"], "metadata": {"attempt": 0, "name": pod["name"], "namespace": pod["ns"], "uid": pod["nuid"]},
          "state": "SANDBOX_READY" if pod["ready"] else "SANDBOX_NOTREADY",
          "createdAt": t_or_zero(node, pod["created"]),
          "network": {"additionalIps": [], "ip": "" if pod["hostnet"] and rt == "cri-o" else pod["ip"]},
          "linux": {"namespaces": {"options": {"ipc": "POD", "network": "NODE" if pod["hostnet"] else "POD",
                                               "pid": "NODE" if pod.get("hostpid") else "CONTAINER", "targetId": "",
                                               "userNsOptions": None}}},
          "labels": sb_labels(node, pod), "annotations": sb_annotations(node, pod), "runtimeHandler": ""}
    pimg = node["images"][node["pause_image"]]
    spec = {"ociVersion": "1.1.0" if rt == "containerd" else "1.0.2-dev",
            "process": {"user": {"uid": node["pause_uid"], "gid": node["pause_uid"]}, "args": [node["pause_args"]], "cwd": "/"},
            "root": {"path": "rootfs" if rt == "containerd" else sb["merged"], "readonly": True}}
    if rt == "containerd":
        spec["annotations"] = {"io.kubernetes.cri.container-type": "sandbox", "io.kubernetes.cri.sandbox-id": pod["sbid"],
                               "io.kubernetes.cri.sandbox-name": pod["name"], "io.kubernetes.cri.sandbox-namespace": pod["ns"],
                               "io.kubernetes.cri.sandbox-uid": pod["nuid"],
                               "io.kubernetes.cri.sandbox-log-directory": f"/var/log/pods/{pod['ns']}_{pod['name']}_{pod['nuid']}"}
        spec["linux"] = {"cgroupsPath": f"{pod['slice']}:cri-containerd:{pod['sbid']}",
                         "namespaces": namespaces(node, pod, "self")}
        info = {"pid": sb.get("pid", 0), "processStatus": "running" if pod["ready"] else "deleted",
                "netNamespaceClosed": not pod["ready"], "image": pimg["ref"], "snapshotKey": pod["sbid"],
                "snapshotter": "overlayfs", "runtimeHandler": "", "runtimeType": "io.containerd.runc.v2",
                "runtimeOptions": {"systemd_cgroup": True},
                "config": {"metadata": {"name": pod["name"], "uid": pod["nuid"], "namespace": pod["ns"]},
                           "log_directory": f"/var/log/pods/{pod['ns']}_{pod['name']}_{pod['nuid']}",
                           "labels": sb_labels(node, pod), "annotations": sb_annotations(node, pod),
                           "linux": {"cgroup_parent": f"/kubepods.slice/{pod['slicepath'].split('/')[-2] + '/' if pod['qos'] != 'Guaranteed' else ''}{pod['slice']}",
                                     "security_context": {"namespace_options": {"network": 2 if pod["hostnet"] else 0, "pid": 1}}}},
                "runtimeSpec": spec}
    else:
        spec["annotations"] = {"io.kubernetes.cri-o.ContainerType": "sandbox", "io.kubernetes.cri-o.SandboxID": pod["sbid"],
                               "io.kubernetes.cri-o.ContainerID": pod["sbid"],
                               "io.kubernetes.cri-o.ContainerName": f"k8s_POD_{pod['name']}_{pod['ns']}_{pod['nuid']}_0",
                               "io.kubernetes.cri-o.MountPoint": sb["merged"], "io.kubernetes.cri-o.CgroupParent": pod["slice"],
                               "io.kubernetes.cri-o.HostNetwork": str(pod["hostnet"]).lower(),
                               "io.kubernetes.cri-o.KubeName": pod["name"], "io.kubernetes.cri-o.Namespace": pod["ns"],
                               "io.kubernetes.cri-o.LogPath": f"/var/log/pods/{pod['ns']}_{pod['name']}_{pod['nuid']}/{pod['sbid']}.log",
                               "io.kubernetes.cri-o.Name": f"k8s_{pod['name']}_{pod['ns']}_{pod['nuid']}_0",
                               "io.kubernetes.cri-o.Created": crio_time(node, pod["created"]), "io.kubernetes.cri-o.PrivilegedRuntime": "true" if pod.get("privileged") else "false",
                               "io.kubernetes.pod.name": pod["name"], "io.kubernetes.pod.namespace": pod["ns"],
                               "io.kubernetes.pod.uid": pod["nuid"], "io.kubernetes.container.name": "POD"}
        spec["hostname"] = node["host"] if pod["hostnet"] else pod["name"]
        spec["linux"] = {"cgroupsPath": f"{pod['slice']}:crio:{pod['sbid']}", "namespaces": namespaces(node, pod, "self")}
        info = {"image": pimg["ref"], "pid": sb.get("pid", 0), "runtimeSpec": spec}
    return {"status": st, "info": info}


def images_json(node):
    out = []
    for key in sorted(node["images"], key=lambda k: node["images"][k]["id"]):
        img = node["images"][key]
        out.append({"id": img["id"], "repoTags": [img["ref"]] if "@" not in img["ref"] else [],
                    "repoDigests": [img["digest_ref"]], "size": str(img["size"]),
                    "uid": {"value": str(img["uid"])} if img.get("uid") is not None else None,
                    "username": img.get("username", ""), "spec": None, "pinned": key == node["pause_image"]})
    return {"images": out}


def kstatus(node, pod, c, scheme):
    img = node["images"][c["img"]]
    s = {"containerID": f"{scheme}://{c['id']}", "image": img["ref"], "imageID": img["digest_ref"],
         "lastState": {}, "name": c["name"], "ready": c["state"] == "running", "restartCount": c["attempt"],
         "started": c["state"] == "running"}
    if c["state"] == "running":
        s["state"] = {"running": {"startedAt": iso(c["started"])}}
    elif c["state"] == "created":
        s["state"] = {"waiting": {"reason": "ContainerCreating"}}
    else:
        s["state"] = {"terminated": {"containerID": f"{scheme}://{c['id']}", "exitCode": c.get("exit", 0),
                                     "finishedAt": iso(c["finished"]), "reason": c.get("reason", "Completed"),
                                     "startedAt": iso(c["started"])}}
    if c.get("kube"):
        s.update(c["kube"])
    return {k: v for k, v in s.items() if v is not None}


def kube_pods(node):
    scheme = "containerd" if node["runtime"] == "containerd" else "cri-o"
    items = []
    for pod in sorted(node["pods"] + node.get("foreign_pods", []), key=lambda p: (p["ns"], p["name"])):
        latest = {}
        for c in pod.get("containers", []):
            if c.get("kube_hidden"):
                continue
            if c["name"] not in latest or c["attempt"] > latest[c["name"]]["attempt"]:
                latest[c["name"]] = c
        byk = {"init": [], "main": [], "eph": []}
        for c in latest.values():
            byk[c["kind"]].append(c)
        for v in byk.values():
            v.sort(key=lambda c: c.get("order", 0))
        md = {"creationTimestamp": iso(pod["api_created"]), "labels": pod.get("labels", {}), "name": pod["name"],
              "namespace": pod["ns"], "resourceVersion": str(100000 + int(h(pod["name"], 5), 16) % 800000), "uid": pod["uid"]}
        ann = dict(pod.get("annotations", {}))
        if pod.get("static"):
            ann.update({"kubernetes.io/config.hash": pod["nuid"], "kubernetes.io/config.mirror": pod["nuid"],
                        "kubernetes.io/config.seen": iso(pod["created"] - 2) .replace("Z", ".%09dZ" % (int(h(pod['name'], 6), 16) % 10**9)),
                        "kubernetes.io/config.source": "file"})
        if ann:
            md["annotations"] = ann
        if pod.get("generateName"):
            md["generateName"] = pod["generateName"]
        kind, oname = pod["owner"]
        md["ownerReferences"] = [{"apiVersion": "v1" if kind == "Node" else ("batch/v1" if kind == "Job" else "apps/v1"),
                                  "blockOwnerDeletion": True, "controller": True, "kind": kind, "name": oname,
                                  "uid": uuid(node["host"] + "/owner/" + oname)}]
        if kind == "Node":
            del md["ownerReferences"][0]["blockOwnerDeletion"]
        spec = {"containers": [{"image": node["images"][c["img"]]["ref"], "imagePullPolicy": "IfNotPresent", "name": c["name"],
                                "resources": c.get("resources", {}), "terminationMessagePath": "/dev/termination-log",
                                "terminationMessagePolicy": "File", **({"securityContext": c["sc"]} if c.get("sc") else {})}
                               for c in byk["main"]],
                "dnsPolicy": "ClusterFirstWithHostNet" if pod["hostnet"] else "ClusterFirst", "enableServiceLinks": True,
                "nodeName": pod.get("node", node["host"]), "preemptionPolicy": "PreemptLowerPriority",
                "priority": pod.get("priority", 0), "restartPolicy": "Never" if kind == "Job" else "Always",
                "schedulerName": "default-scheduler", "securityContext": pod.get("podsc", {}),
                "serviceAccountName": pod.get("sa", "default"), "terminationGracePeriodSeconds": pod.get("grace", 30)}
        if pod.get("priority"):
            spec["priorityClassName"] = "system-node-critical" if pod["priority"] >= 2000001000 else "system-cluster-critical"
        if pod["hostnet"]:
            spec["hostNetwork"] = True
        if pod.get("hostpid"):
            spec["hostPID"] = True
        if byk["init"]:
            spec["initContainers"] = [{"image": node["images"][c["img"]]["ref"], "name": c["name"], "resources": {},
                                       **({"securityContext": c["sc"]} if c.get("sc") else {})} for c in byk["init"]]
        if byk["eph"]:
            spec["ephemeralContainers"] = [{"image": node["images"][c["img"]]["ref"], "name": c["name"], "resources": {},
                                            "stdin": True, "targetContainerName": c.get("target"), "tty": True} for c in byk["eph"]]
        phase = pod.get("phase", "Running")
        ready = phase == "Running" and all(c["state"] == "running" for c in byk["main"])
        t0 = pod["created"]
        conds = [{"lastProbeTime": None, "lastTransitionTime": iso(t0 + 1), "status": "True", "type": "PodReadyToStartContainers"},
                 {"lastProbeTime": None, "lastTransitionTime": iso(t0 + 2), "status": "True", "type": "Initialized"},
                 {"lastProbeTime": None, "lastTransitionTime": iso(pod.get("ready_at", t0 + 5)), "status": "True" if ready else "False", "type": "Ready"},
                 {"lastProbeTime": None, "lastTransitionTime": iso(pod.get("ready_at", t0 + 5)), "status": "True" if ready else "False", "type": "ContainersReady"},
                 {"lastProbeTime": None, "lastTransitionTime": iso(pod["api_created"]), "status": "True", "type": "PodScheduled"}]
        if phase == "Succeeded":
            conds[0]["status"] = "False"
        for cd in conds:
            if cd["status"] == "False" and cd["type"] in ("Ready", "ContainersReady"):
                cd["reason"] = "PodCompleted" if phase == "Succeeded" else "ContainersNotReady"
                if phase != "Succeeded":
                    cd["message"] = "containers with unready status: [%s]" % " ".join(c["name"] for c in byk["main"] if c["state"] != "running")
        hostip = pod.get("hostip", node["host_ip"])
        status = {"conditions": conds, "containerStatuses": [kstatus(node, pod, c, scheme) for c in byk["main"]],
                  "hostIP": hostip, "hostIPs": [{"ip": hostip}], "phase": phase,
                  "podIP": pod["ip"], "podIPs": [{"ip": pod["ip"]}], "qosClass": pod["qos"], "startTime": iso(pod["api_created"] + 1)}
        if byk["init"]:
            status["initContainerStatuses"] = [kstatus(node, pod, c, scheme) for c in byk["init"]]
        if byk["eph"]:
            status["ephemeralContainerStatuses"] = [kstatus(node, pod, c, scheme) for c in byk["eph"]]
            for s in status["ephemeralContainerStatuses"]:
                del s["restartCount"]
                s["restartCount"] = 0
        items.append({"apiVersion": "v1", "kind": "Pod", "metadata": md, "spec": spec, "status": status})
    return {"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}}


def pods_wide(node):
    kp = kube_pods(node)
    now = node["now"]
    rows = [["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"]]
    for it in kp["items"]:
        cs = it["status"]["containerStatuses"]
        ready = sum(1 for s in cs if s["ready"])
        status = it["status"]["phase"]
        if status == "Succeeded":
            status = "Completed"
        for s in cs:
            w = s["state"].get("waiting")
            if w:
                status = w["reason"]
        restarts = sum(s["restartCount"] for s in cs)
        rs = str(restarts)
        last = [s["lastState"]["terminated"]["finishedAt"] for s in cs if s.get("lastState", {}).get("terminated")]
        if restarts and last:
            t = dt.datetime.strptime(max(last), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc).timestamp()
            rs = f"{restarts} ({human(now - t)} ago)"
        created = dt.datetime.strptime(it["metadata"]["creationTimestamp"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc).timestamp()
        rows.append([it["metadata"]["namespace"], it["metadata"]["name"], f"{ready}/{len(cs)}", status, rs,
                     human(now - created), it["status"]["podIP"], it["spec"]["nodeName"], "<none>", "<none>"])
    widths = [max(6, max(len(r[i]) for r in rows) + 3) for i in range(len(rows[0]))]
    return "".join("".join(r[i].ljust(widths[i]) for i in range(len(r) - 1)) + r[-1] + "\n" for r in rows)
