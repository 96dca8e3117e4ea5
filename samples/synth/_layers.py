"""Small, plausible layer contents (find listings), shared by both samples."""

DEBIAN12 = '''PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
'''
ALPINE319 = '''NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.19.1
PRETTY_NAME="Alpine Linux v3.19"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
'''
DISTROLESS = '''PRETTY_NAME="Distroless"
NAME="Debian GNU/Linux"
ID="debian"
VERSION_ID="12"
VERSION="Debian GNU/Linux 12 (bookworm)"
HOME_URL="https://github.com/GoogleContainerTools/distroless"
'''
UBI9 = '''NAME="Red Hat Enterprise Linux"
VERSION="9.4 (Plow)"
ID="rhel"
ID_LIKE="fedora"
VERSION_ID="9.4"
PLATFORM_ID="platform:el9"
PRETTY_NAME="Red Hat Enterprise Linux 9.4 (Plow)"
ANSI_COLOR="0;31"
LOGO="fedora-logo-icon"
CPE_NAME="cpe:/o:redhat:enterprise_linux:9::baseos"
HOME_URL="https://www.redhat.com/"
DOCUMENTATION_URL="https://access.redhat.com/documentation/en-us/red_hat_enterprise_linux/9"
BUG_REPORT_URL="https://bugzilla.redhat.com/"

REDHAT_BUGZILLA_PRODUCT="Red Hat Enterprise Linux 9"
REDHAT_BUGZILLA_PRODUCT_VERSION=9.4
REDHAT_SUPPORT_PRODUCT="Red Hat Enterprise Linux"
REDHAT_SUPPORT_PRODUCT_VERSION="9.4"
'''


def d(p, m=755, u=0, g=0):
    return ("d", m, u, g, 4096, p, "")


def f(p, s, m=644, u=0, g=0):
    return ("f", m, u, g, s, p, "")


def l(p, t):
    return ("l", 777, 0, 0, len(t), p, t)


def pause():
    return [f("pause", 514464, 755), d("etc"), f("etc/passwd", 27), f("etc/group", 17)]


def distroless():
    return [d("bin"), d("boot"), d("dev"), d("etc"), f("etc/debian_version", 5), f("etc/group", 143), d("etc/default"),
            f("etc/host.conf", 9), f("etc/nsswitch.conf", 286), f("etc/os-release", len(DISTROLESS.encode())),
            f("etc/passwd", 229), d("etc/ssl"), d("etc/ssl/certs"), f("etc/ssl/certs/ca-certificates.crt", 213777),
            d("home"), d("home/nonroot", 700, 65532, 65532), d("lib"), d("proc"), d("root", 700), d("run"), d("sbin"),
            d("sys"), d("tmp", 1777), d("usr"), d("usr/lib"), f("usr/lib/os-release", len(DEBIAN12.encode())),
            d("usr/share"), d("usr/share/zoneinfo"), f("usr/share/zoneinfo/UTC", 114), d("var"),
            d("var/lib"), d("var/lib/dpkg"), d("var/lib/dpkg/status.d"), f("var/lib/dpkg/status.d/base-files", 1312),
            f("var/lib/dpkg/status.d/netbase", 741), f("var/lib/dpkg/status.d/tzdata", 1502)]


def binlayer(dirpath, bins):
    out, seen = [], set()
    parts = dirpath.split("/")
    for i in range(1, len(parts) + 1):
        p = "/".join(parts[:i])
        if p not in seen:
            out.append(d(p))
            seen.add(p)
    for name, size in bins:
        out.append(f(f"{dirpath}/{name}", size, 755))
    return out


def debian12():
    return [l("bin", "usr/bin"), d("boot"), d("dev"), d("etc"), f("etc/debian_version", 5), f("etc/group", 446),
            f("etc/hostname", 0), f("etc/hosts", 0), f("etc/ld.so.cache", 8734), f("etc/passwd", 922),
            l("etc/os-release", "../usr/lib/os-release"), f("etc/shadow", 501, 640, 0, 42), d("etc/apt"),
            f("etc/apt/sources.list.d/debian.sources", 270), d("home"), l("lib", "usr/lib"), l("lib64", "usr/lib64"),
            d("proc"), d("root", 700), d("run"), l("sbin", "usr/sbin"), d("sys"), d("tmp", 1777), d("usr"),
            d("usr/bin"), f("usr/bin/bash", 1265648, 755), l("usr/bin/sh", "dash"), f("usr/bin/dash", 125640, 755),
            f("usr/bin/ls", 151344, 755), f("usr/bin/cat", 44016, 755), d("usr/lib"),
            f("usr/lib/os-release", len(DEBIAN12.encode())), d("usr/lib/x86_64-linux-gnu"),
            f("usr/lib/x86_64-linux-gnu/libc.so.6", 1922136, 755), d("usr/lib64"),
            l("usr/lib64/ld-linux-x86-64.so.2", "../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"), d("usr/sbin"),
            d("var"), d("var/lib"), d("var/lib/dpkg"), f("var/lib/dpkg/status", 61432), d("var/log")]


def alpine319():
    return [d("bin"), f("bin/busybox", 808712, 755), l("bin/sh", "/bin/busybox"), l("bin/ls", "/bin/busybox"),
            l("bin/cat", "/bin/busybox"), d("dev"), d("etc"), f("etc/alpine-release", 7), f("etc/group", 697),
            f("etc/hostname", 10), f("etc/passwd", 1172), l("etc/os-release", "../usr/lib/os-release"),
            f("etc/shadow", 448, 640, 0, 42), d("etc/apk"), f("etc/apk/repositories", 104), d("home"), d("lib"),
            f("lib/ld-musl-x86_64.so.1", 662816, 755), l("lib/libc.musl-x86_64.so.1", "ld-musl-x86_64.so.1"),
            d("proc"), d("root", 700), d("run"), d("sbin"), d("sys"), d("tmp", 1777), d("usr"), d("usr/bin"),
            d("usr/lib"), f("usr/lib/os-release", len(ALPINE319.encode())), d("var"), d("var/cache")]


def busybox():
    out = [d("bin"), f("bin/busybox", 1156912, 755)]
    for a in ["[", "[[", "ash", "cat", "ls", "nslookup", "ps", "sh", "top", "wget"]:
        out.append(f(f"bin/{a}", 1156912, 755))   # hard links: find prints them as files
    return out + [d("dev"), d("etc"), f("etc/group", 251), f("etc/passwd", 340), d("home"), d("root", 700),
                  d("tmp", 1777), d("usr"), d("usr/sbin"), d("var"), d("var/spool"), d("var/www")]


def ubi9():
    return [l("bin", "usr/bin"), d("boot"), d("dev"), d("etc"), f("etc/group", 480), f("etc/passwd", 1054),
            l("etc/os-release", "../usr/lib/os-release"), f("etc/redhat-release", 45),
            f("etc/shadow", 612, 0), d("etc/pki"), d("etc/pki/ca-trust"), d("home"), l("lib", "usr/lib"),
            l("lib64", "usr/lib64"), d("proc"), d("root", 550), d("run"), l("sbin", "usr/sbin"), d("sys"),
            d("tmp", 1777), d("usr"), d("usr/bin"), f("usr/bin/bash", 1389064, 755), l("usr/bin/sh", "bash"),
            f("usr/bin/microdnf", 96672, 755), d("usr/lib"), f("usr/lib/os-release", len(UBI9.encode())),
            d("usr/lib64"), f("usr/lib64/libc.so.6", 2592224, 755), d("usr/sbin"), d("var"), d("var/lib"),
            d("var/lib/rpm"), f("var/lib/rpm/rpmdb.sqlite", 2912256)]
