#!/usr/bin/env python3
"""Keeps a bundle collected on a shared CI machine to the container node it shows, for samples/.

    python3 .ci/scrub-sample.py IN.tar.gz OUT.tar.gz

The CI machine runs its own agents beside Docker (PID 1 and its helpers, with long command lines and
environments). They are not part of the node, and they must not go into the repository. This drops, and only
drops, whole lines: processes that are neither kernel threads nor Docker's (dockerd, containerd and the shims
with everything below them), and mounts outside the system, Docker and cgroup folders. Every other entry is
copied byte for byte. The manifest's sha256 of each edited entry is recomputed, so the bundle stays valid.
"""
import gzip
import hashlib
import io
import re
import sys
import tarfile

DOCKER = re.compile(r"^(dockerd|containerd|/usr/bin/containerd|/usr/bin/dockerd|\[containerd-shim\])")
KEEP_MOUNTS = ("/", "/proc", "/sys", "/dev", "/var/lib/docker", "/run/docker", "/var/run/docker")


def kept_pids(table):
    """PIDs of kernel threads and of Docker's process trees, from ps/table.txt."""
    rows = {}
    for line in table.splitlines()[1:]:
        # PID PPID UID USER STAT, then lstart's five words (Thu Nov 26 22:25:45 2026), RSS VSZ and the args.
        f = line.split(None, 12)
        if len(f) < 13:
            continue
        rows[int(f[0])] = (int(f[1]), f[12])
    keep = set()
    for pid in rows:
        p, seen = pid, set()
        while p in rows and p not in seen:
            seen.add(p)
            ppid, args = rows[p]
            if args.startswith("[") and ppid in (0, 2) or DOCKER.match(args):
                keep.add(pid)
                break
            p = ppid
    return keep


def scrub_table(text, keep):
    lines = text.splitlines(keepends=True)
    return "".join(lines[:1] + [l for l in lines[1:] if int(l.split()[0]) in keep])


def scrub_forest(text):
    """ps faxno user,stat,cmd: keep top-level trees rooted at a kernel thread or a Docker process."""
    lines = text.splitlines(keepends=True)
    out, keeping = lines[:1], False
    for line in lines[1:]:
        m = re.match(r"^\s*\d+\s+\S+\s(.*)$", line.rstrip("\n"))
        cmd = m.group(1) if m else ""
        if not cmd.lstrip().startswith("\\_"):
            root = cmd.strip()
            keeping = root.startswith("[") or bool(DOCKER.match(root))
        if keeping:
            out.append(line)
    return "".join(out)


def scrub_proc_cgroup(text, keep):
    return "".join(l for l in text.splitlines(keepends=True) if int(l.split(" ", 1)[0]) in keep)


def scrub_cgls(text, keep):
    out = []
    for line in text.splitlines(keepends=True):
        m = re.match(r"^[\s│├└─]*?(\d+) ", line)
        if m and re.match(r"^[\s│├└]*─\s*\d+ ", line) and int(m.group(1)) not in keep:
            continue
        out.append(line)
    return "".join(out)


def scrub_mountinfo(text):
    def kept(line):
        point = line.split()[4]
        return any(point == k or point.startswith(k + "/") for k in KEEP_MOUNTS[1:]) or point == "/"
    return "".join(l for l in text.splitlines(keepends=True) if kept(l))


def main(src, dst):
    with tarfile.open(src, "r:gz") as tin:
        members = [(m, tin.extractfile(m).read() if m.isfile() else None) for m in tin.getmembers()]
    data = {m.name: b for m, b in members}
    keep = kept_pids(data["ps/table.txt"].decode())
    edits = {
        "ps/table.txt": lambda t: scrub_table(t, keep),
        "ps/forest.txt": scrub_forest,
        "proc/cgroup.txt": lambda t: scrub_proc_cgroup(t, keep),
        "cgroup/cgls.txt": lambda t: scrub_cgls(t, keep),
        "mounts/mountinfo.txt": scrub_mountinfo,
    }
    manifest = data["manifest.json"].decode()
    for name, edit in edits.items():
        if name in data:
            old = data[name]
            new = edit(old.decode()).encode()
            manifest = manifest.replace(hashlib.sha256(old).hexdigest(), hashlib.sha256(new).hexdigest())
            data[name] = new
            print(f"{name}: {len(old.splitlines())} -> {len(new.splitlines())} lines", file=sys.stderr)
    data["manifest.json"] = manifest.encode()
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tout:
        for m, _ in members:
            b = data[m.name]
            if b is not None:
                m.size = len(b)
            tout.addfile(m, io.BytesIO(b) if b is not None else None)
    with open(dst, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
