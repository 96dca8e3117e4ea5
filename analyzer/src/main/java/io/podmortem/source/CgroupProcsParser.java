package io.podmortem.source;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a copied {@code cgroup.procs} or {@code tasks} file: one PID a line, of the processes (or, in
 * {@code tasks}, the threads) in the cgroup the file's own path names. sos's cgroups plugin copies
 * {@code /sys/fs/cgroup}, so in a sosreport these files are the live cgroup tree: each places its processes as
 * {@code /proc/<pid>/cgroup} would. A thread's ID is no other process's PID, so {@code tasks} places no process
 * wrongly; it places only the threads' own process, under the same cgroup.
 *
 * <pre>
 * sys/fs/cgroup/memory/kubepods/burstable/pod3f1c2a9e-…/fa78527b4126…/cgroup.procs:
 * 4074
 * 4139
 * </pre>
 */
final class CgroupProcsParser {
  /** Example match: {@code 4074}. */
  private static final Pattern PID = Pattern.compile("^\\d{1,10}$");

  private CgroupProcsParser() {}

  /** The evidence: the entry's path names a copied cgroup's file, and its lines are PIDs. */
  static String evidence(TextBlock t) {
    String cgroup = SosLayout.cgroupOf(t.entry());
    if (cgroup == null) {
      return null;
    }
    for (String l : t.lines()) {
      if (!l.isBlank() && !PID.matcher(l.trim()).matches()) {
        return null;
      }
    }
    return "its path is that of cgroup " + cgroup + "'s " + t.entry().substring(t.entry().lastIndexOf('/') + 1)
        + " under sys/fs/cgroup/, and its lines are PIDs";
  }

  static ProcCgroups parse(TextBlock t, ParseIssues issues) {
    String cgroup = SosLayout.cgroupOf(t.entry());
    Map<Integer, ProcCgroups.Located> placed = new HashMap<>();
    if (cgroup == null) {
      issues.add(t, 0, 0, "not a copied cgroup's cgroup.procs or tasks: its path names no cgroup");
      return new ProcCgroups(t.entry(), placed);
    }
    for (int i = 0; i < t.size(); i++) {
      String l = t.lines().get(i).trim();
      if (l.isEmpty()) {
        continue;
      }
      try {
        placed.putIfAbsent(Integer.parseInt(l), new ProcCgroups.Located(cgroup, t.ref(i)));
      } catch (NumberFormatException e) {
        issues.add(t, i, 1, "not a PID: " + ParseIssues.quote(l));
      }
    }
    return new ProcCgroups(t.entry(), placed);
  }
}
