package io.podmortem.source;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code /proc/<pid>/cgroup} of every process, each line prefixed with its pid (collector/FORMAT.md), or
 * one process's file as pasted ({@code cat /proc/self/cgroup}), whose cgroup still names its container and pod.
 *
 * <pre>
 * 11414 9:name=systemd:/kubepods/pod3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70/bf0a6c72b878…
 * 11414 8:pids:/kubepods/pod3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70/bf0a6c72b878…
 * 2201 0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod7fda01c4_….slice/cri-containerd-e58a….scope
 * </pre>
 */
public final class ProcCgroupParser {
  /** Example match: {@code 11414 9:name=systemd:/kubepods/pod3f…/bf0a…}. */
  private static final Pattern LINE = Pattern.compile(
      "^(?<pid>\\d{1,10}) (?<hierarchy>\\d+):(?<controllers>[^:]*):(?<path>/.*)$");
  /** One line of /proc/<pid>/cgroup. Example match: {@code 3:cpu,cpuacct:/kubepods/pod3f…/bf0a…}. */
  private static final Pattern ENTRY = Pattern.compile("^(?<hierarchy>\\d{1,4}):(?<controllers>[^:]*):(?<path>/.*)$");
  /** A path segment that names a container. */
  private static final Pattern CONTAINER = Pattern.compile("[0-9a-f]{64}");

  private ProcCgroupParser() {}

  /**
   * True for the collector's tagged lines, or for one process's file as {@code cat /proc/self/cgroup} prints it
   * (no pid). A pid-less file needs a controller line or a v2 line with a path, so that a lone {@code 0::/} or a
   * time such as {@code 12:30:/x} is not taken for one.
   */
  public static boolean looksLike(TextBlock t) {
    int first = t.firstNonBlank();
    if (first < 0) {
      return false;
    }
    boolean tagged = LINE.matcher(t.lines().get(first)).matches();
    int seen = 0;
    for (int i = first; i < t.size() && seen < 5; i++) {
      String l = t.lines().get(i);
      if (l.isBlank()) {
        continue;
      }
      if (!(tagged ? LINE : ENTRY).matcher(l).matches()) {
        return false;
      }
      seen++;
    }
    return seen > 0 && (tagged || seen >= 2 || !t.lines().get(first).trim().equals("0::/"));
  }

  public static ProcCgroups parse(TextBlock t, ParseIssues issues) {
    Map<Integer, ProcCgroups.Located> best = new HashMap<>();
    Map<Integer, Integer> rank = new HashMap<>();
    for (int i = 0; i < t.size(); i++) {
      String l = t.lines().get(i);
      if (l.isBlank()) {
        continue;
      }
      Matcher m = LINE.matcher(l);
      boolean tagged = m.matches();
      if (!tagged) {
        m = ENTRY.matcher(l);
      }
      if (!m.matches()) {
        issues.add(t, i, 1, "expected '<pid> <id>:<controllers>:<path>' or '<id>:<controllers>:<path>', got "
            + ParseIssues.quote(l));
        continue;
      }
      int pid;
      try {
        // One process's own file names no pid: it is kept under -1, a pid no process has.
        pid = tagged ? Integer.parseInt(m.group("pid")) : -1;
      } catch (NumberFormatException e) {
        issues.add(t, i, 1, "pid out of range in " + ParseIssues.quote(l));
        continue;
      }
      String path = m.group("path");
      int r = rank(m.group("hierarchy"), m.group("controllers"), path);
      if (r > rank.getOrDefault(pid, -1)) {
        rank.put(pid, r);
        best.put(pid, new ProcCgroups.Located(path, t.ref(i)));
      }
    }
    return new ProcCgroups(t.entry(), best);
  }

  /**
   * The cgroups of each process of a ps table's CGROUP column ({@code ps -o cgroup}): the lines of
   * {@code /proc/<pid>/cgroup} joined by commas, {@code -} for a kernel thread. Example values:
   * {@code 12:pids:/kubepods/besteffort/pod3f…/bf0a…,11:memory:/…,3:cpu,cpuacct:/…} and {@code 0::/init.scope}.
   * Null when no row has one.
   */
  public static ProcCgroups fromPs(PsForest forest) {
    Map<Integer, ProcCgroups.Located> best = new HashMap<>();
    for (PsRow row : forest.rows()) {
      if (row.pid() == null || row.cgroup() == null) {
        continue;
      }
      int bestRank = -1;
      // A controller list holds commas too (cpu,cpuacct): an entry starts only where digits and a colon follow.
      for (String entry : row.cgroup().split(",(?=\\d{1,4}:)")) {
        Matcher m = ENTRY.matcher(entry);
        if (m.matches()) {
          int r = rank(m.group("hierarchy"), m.group("controllers"), m.group("path"));
          if (r > bestRank) {
            bestRank = r;
            best.put(row.pid(), new ProcCgroups.Located(m.group("path"), row.ref()));
          }
        }
      }
    }
    return best.isEmpty() ? null : new ProcCgroups(forest.entry(), best);
  }

  /** A path naming a container says most; then cgroup v2's unified line; then name=systemd; then any. */
  private static int rank(String hierarchy, String controllers, String path) {
    if (CONTAINER.matcher(path).find()) {
      return 3;
    }
    if (hierarchy.equals("0") && controllers.isEmpty() && !path.equals("/")) {
      return 2;
    }
    return controllers.equals("name=systemd") ? 1 : 0;
  }
}
