package io.podmortem.synth;

import static io.podmortem.synth.BundleOut.argv;

import io.podmortem.synth.Model.Ctr;
import io.podmortem.synth.Model.Node;
import io.podmortem.synth.Model.Pod;
import io.podmortem.synth.Model.Proc;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Host facts, ps, /proc/PID/cgroup, systemd-cgls and mountinfo, from the one node model. */
final class Renderers {
  static final String FOREST_PS = "ps faxno user,stat,cmd";
  static final String TABLE_PS = "ps -eo pid,ppid,uid,user,stat,lstart,rss,vsz,args ww";
  private static final DateTimeFormatter LSTART = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
      Locale.ROOT).withZone(ZoneOffset.UTC);

  private Renderers() {}

  static String iso(double t) {
    return Instant.ofEpochSecond((long) Math.floor(t)).toString();
  }

  static void host(Node n, BundleOut b) throws IOException {
    b.ok("uname", argv("uname", "-a"), "host/uname.txt", 10,
        "Linux " + n.host + " 6.1.0-27-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01) x86_64 GNU/Linux\n");
    b.ok("hostname", argv("hostname"), "host/hostname.txt", 10, n.host + "\n");
    b.ok("date", argv("date", "-u", "+%Y-%m-%dT%H:%M:%SZ"), "host/date.txt", 0, iso(n.now) + "\n");
    b.ok("boot-time", argv("awk", "/^btime / { print $2 }", "/proc/stat"), "host/boot-time.txt", 10, n.boot + "\n");
    long up = n.now - n.boot;
    b.ok("uptime", argv("cat", "/proc/uptime"), "host/uptime.txt", 10, up + ".00 " + (up * 15) + ".00\n");
    b.ok("os-release", argv("cat", "/etc/os-release"), "host/os-release.txt", 10, NodeBuilder.DEBIAN);
    b.ok("id", argv("id"), "host/id.txt", 10, "uid=0(root) gid=0(root) groups=0(root)\n");
  }

  static List<Proc> all(Node n) {
    List<Proc> ps = new ArrayList<>(n.hostProcs);
    ps.addAll(n.containerProcs);
    ps.addAll(n.tailProcs);
    return ps;
  }

  private static void cols(StringBuilder sb, String[] cells, int[] widths, boolean[] right) {
    int over = 0;
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      String t = cells[i];
      int avail = widths[i] - over;
      if (t.length() <= avail) {
        int pad = avail - t.length();
        if (right[i]) {
          sb.append(" ".repeat(pad)).append(t);
        } else {
          sb.append(t).append(" ".repeat(pad));
        }
        over = 0;
      } else {
        sb.append(t);
        over = t.length() - avail;
      }
    }
  }

  static void ps(Node n, BundleOut b) throws IOException {
    List<Proc> procs = all(n);
    List<Proc> forest = procs.stream().filter(p -> !p.args.equals(TABLE_PS)).toList();
    List<Proc> table = procs.stream().filter(p -> !p.args.equals(FOREST_PS)).sorted(Comparator.comparingInt(p -> p.pid))
        .toList();
    b.ok("ps-forest", argv("ps", "faxno", "user,stat,cmd"), "ps/forest.txt", 30, w -> forest(forest, w));
    int[] wd = {7, 7, 5, 8, 4, 24, 5, 6};
    boolean[] rt = {true, true, true, false, false, true, true, true};
    b.ok("ps-table", argv("ps", "-eo", "pid,ppid,uid,user,stat,lstart,rss,vsz,args", "ww"), "ps/table.txt", 20, w -> {
      StringBuilder sb = new StringBuilder();
      cols(sb, new String[] {"PID", "PPID", "UID", "USER", "STAT", "STARTED", "RSS", "VSZ"}, wd, rt);
      w.append(sb).append(" COMMAND\n");
      for (Proc p : table) {
        sb.setLength(0);
        cols(sb, new String[] {Integer.toString(p.pid), Integer.toString(p.ppid), Integer.toString(p.uid), p.user,
            p.stat, LSTART.format(Instant.ofEpochSecond((long) p.start)), Long.toString(p.rss), Long.toString(p.vsz)},
            wd, rt);
        w.append(sb).append(' ').append(p.kthread ? "[" + p.args + "]" : p.args).append('\n');
      }
    });
  }

  static void forest(List<Proc> procs, Writer w) throws IOException {
    Map<Integer, Proc> by = new HashMap<>();
    procs.forEach(p -> by.put(p.pid, p));
    Map<Integer, List<Proc>> kids = new HashMap<>();
    for (Proc p : procs) {
      kids.computeIfAbsent(by.containsKey(p.ppid) ? p.ppid : 0, k -> new ArrayList<>()).add(p);
    }
    kids.values().forEach(v -> v.sort(Comparator.comparingInt(p -> p.pid)));
    List<Proc> roots = new ArrayList<>(kids.getOrDefault(0, List.of()));
    roots.sort(Comparator.comparing((Proc p) -> p.pid == 2 ? 0 : 1).thenComparingInt(p -> p.pid));
    w.write("    USER STAT CMD\n");
    for (Proc r : roots) {
      walk(r, "", 0, true, kids, w);
    }
  }

  private static void walk(Proc p, String prefix, int depth, boolean last, Map<Integer, List<Proc>> kids, Writer w)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    cols(sb, new String[] {Integer.toString(p.uid), p.stat}, new int[] {8, 4}, new boolean[] {true, false});
    w.append(sb).append(' ').append(depth == 0 ? "" : prefix + " \\_ ").append(p.kthread ? "[" + p.args + "]" : p.args)
        .append('\n');
    List<Proc> ch = kids.getOrDefault(p.pid, List.of());
    String np = depth == 0 ? "" : prefix + (last ? "    " : " |  ");
    for (int i = 0; i < ch.size(); i++) {
      walk(ch.get(i), np, depth + 1, i == ch.size() - 1, kids, w);
    }
  }

  static void cgroups(Node n, BundleOut b) throws IOException {
    List<Proc> cg = all(n).stream().filter(p -> !p.args.equals(FOREST_PS) && !p.args.equals(TABLE_PS))
        .sorted(Comparator.comparing(p -> Integer.toString(p.pid))).toList();
    b.ok("proc-cgroup", argv("sh", "-c", "grep -s \"\" /dev/null /proc/[0-9]*/cgroup | sed -n "
        + "\"s|^/proc/\\([0-9][0-9]*\\)/cgroup:|\\1 |p\"; exit 0", "sh"), "proc/cgroup.txt", 30, w -> {
          for (Proc p : cg) {
            w.append(Integer.toString(p.pid)).append(" 0::").append(p.cgroup).append('\n');
          }
        });
    b.ok("cgroup-version", argv("sh", "-c", "awk ... /proc/self/mountinfo"), "cgroup/version.txt", 10, "v2\n");
    b.ok("cgls", argv("systemd-cgls", "--no-pager", "--full"), "cgroup/cgls.txt", 60, w -> cgls(cg, w));
  }

  /** A cgroup in the systemd-cgls tree. */
  private static final class Group {
    final List<Proc> pids = new ArrayList<>();
    final TreeMap<String, Group> kids = new TreeMap<>();
  }

  private static void cgls(List<Proc> procs, Writer w) throws IOException {
    Group root = new Group();
    for (Proc p : procs) {
      if (p.kthread || "/".equals(p.cgroup)) {
        continue;
      }
      Group g = root;
      for (String part : p.cgroup.split("/")) {
        if (!part.isEmpty()) {
          g = g.kids.computeIfAbsent(part, k -> new Group());
        }
      }
      g.pids.add(p);
    }
    w.write("Control group /:\n-.slice\n");
    render(root, "", w);
  }

  static long kernfsHash(String name) {
    long x = 0;
    for (byte c : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int u = c & 0xff;
      x = (x + ((long) u << 4) + (u >> 4)) * 11;
    }
    x = (x * 0x61C8864680B583EBL) >>> 32;
    x &= 0x7FFFFFFFL;
    if (x < 2) {
      x += 2;
    }
    if (x >= 0x7FFFFFFFL) {
      x = 0x7FFFFFFFL - 1;
    }
    return x;
  }

  private static void render(Group g, String prefix, Writer w) throws IOException {
    List<Proc> pids = new ArrayList<>(g.pids);
    pids.sort(Comparator.comparingInt(p -> p.pid));
    int width = pids.stream().mapToInt(p -> Integer.toString(p.pid).length()).max().orElse(0);
    List<String> names = new ArrayList<>(g.kids.keySet());
    names.sort(Comparator.comparingLong(Renderers::kernfsHash).thenComparing(s -> s));
    int total = pids.size() + names.size();
    int i = 0;
    for (Proc p : pids) {
      boolean last = ++i == total;
      String id = Integer.toString(p.pid);
      w.append(prefix).append(last ? "└─" : "├─").append(" ".repeat(width - id.length())).append(id).append(' ')
          .append(p.args).append('\n');
    }
    for (String name : names) {
      boolean last = ++i == total;
      boolean deleg = name.startsWith("containerd.service") || name.startsWith("user@")
          || name.startsWith("cri-containerd-");
      w.append(prefix).append(last ? "└─" : "├─").append(name).append(deleg ? " …" : "").append('\n');
      render(g.kids.get(name), prefix + (last ? "  " : "│ "), w);
    }
  }

  private static final String BASE_MOUNTS = """
      22 28 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
      23 28 0:22 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
      24 28 0:5 / /dev rw,nosuid,relatime shared:2 - devtmpfs udev rw,size=8124812k,nr_inodes=2031203,mode=755,inode64
      25 24 0:23 / /dev/pts rw,nosuid,noexec,relatime shared:3 - devpts devpts rw,gid=5,mode=620,ptmxmode=000
      26 28 0:24 / /run rw,nosuid,nodev,noexec,relatime shared:5 - tmpfs tmpfs rw,size=1630316k,mode=755,inode64
      28 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,discard,errors=remount-ro
      30 24 0:25 / /dev/shm rw,nosuid,nodev shared:4 - tmpfs tmpfs rw,inode64
      32 22 0:27 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
      34 22 0:29 / /sys/fs/bpf rw,nosuid,nodev,noexec,relatime shared:11 - bpf bpf rw,mode=700
      """;

  static void mounts(Node n, BundleOut b) throws IOException {
    b.ok("mountinfo", argv("cat", "/proc/self/mountinfo"), "mounts/mountinfo.txt", 10, w -> {
      w.write(BASE_MOUNTS);
      int mid = 900;
      int dev = 60;
      List<Pod> pods = new ArrayList<>(n.pods);
      pods.sort(Comparator.comparingDouble(p -> p.created));
      for (Pod p : pods) {
        mid++;
        w.append(mid + " 26 0:4 net:[" + (4026532000L + mid) + "] /run/netns/cni-" + p.uid + " rw shared:" + (mid - 30)
            + " - nsfs nsfs rw\n");
        mid++;
        dev++;
        w.append(mid + " 26 0:" + dev + " / /run/containerd/io.containerd.grpc.v1.cri/sandboxes/" + p.sbid
            + "/shm rw,nosuid,nodev,noexec,relatime shared:" + (mid - 30) + " - tmpfs shm rw,size=65536k,inode64\n");
        List<Ctr> cs = new ArrayList<>();
        cs.add(p.sandbox);
        cs.addAll(p.containers);
        for (Ctr c : cs) {
          if (!c.running()) {
            continue;
          }
          mid++;
          dev++;
          w.append(mid + " 26 0:" + dev + " / " + c.merged + " rw,relatime shared:" + (mid - 30)
              + " - overlay overlay rw,lowerdir=" + Rootfs.lowerDirs(c) + ",upperdir=" + c.upper + ",workdir="
              + c.upper.substring(0, c.upper.length() - 2) + "work\n");
        }
      }
    });
  }
}
