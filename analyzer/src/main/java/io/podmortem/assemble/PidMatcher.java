package io.podmortem.assemble;

import io.podmortem.model.Conflict;
import io.podmortem.model.ProcessKind;
import io.podmortem.source.CgroupNode;
import io.podmortem.source.CgroupProcess;
import io.podmortem.source.CgroupTree;
import io.podmortem.source.ShellWords;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives PIDs to ps rows that have none ({@code ps faxno user,stat,cmd} prints no PID column) from the processes a
 * {@code systemd-cgls} tree lists, and moves each container process into the container whose scope holds it.
 * Within a container, processes are matched in order by command; where the two outputs disagree on a command,
 * the disagreement is recorded.
 */
final class PidMatcher {
  /** A user ps shows by number. Example match: {@code 1000}. */
  private static final Pattern NUMERIC = Pattern.compile("\\d+");

  /** A user slice. Example match: {@code user-1000.slice}. */
  private static final Pattern USER_SLICE = Pattern.compile("/user-(?<uid>\\d+)\\.slice");

  private final List<Conflict> conflicts = new ArrayList<>();
  /** Container processes by container, in ps order: a cgroup process is matched among its container's only. */
  private final java.util.Map<String, List<ProcessDraft>> byContainer = new java.util.HashMap<>();
  /** The processes a host cgroup process may be: neither kernel threads nor in a container. */
  private final List<ProcessDraft> hostSide = new ArrayList<>();

  List<Conflict> match(List<ProcessDraft> procs, CgroupTree tree) {
    if (tree == null) {
      return conflicts;
    }
    for (ProcessDraft d : procs) {
      if (d.kind == ProcessKind.CONTAINER) {
        byContainer.computeIfAbsent(d.containerId, k -> new ArrayList<>()).add(d);
      } else if (d.kind != ProcessKind.KERNEL_THREAD) {
        hostSide.add(d);
      }
    }
    List<CgroupPlacement> placements = new ArrayList<>();
    java.util.Map<String, java.util.Set<String>> podContainers = new java.util.HashMap<>();
    for (CgroupNode g : tree.groups()) {
      CgroupPlacement pl = CgroupPaths.parse(g.path());
      placements.add(pl);
      if (pl != null && pl.containerId() != null) {
        podContainers.computeIfAbsent(pl.podCgroup(), k -> new java.util.HashSet<>()).add(pl.containerId());
      }
    }
    for (CgroupProcess cp : tree.processes()) {
      CgroupNode group = tree.groups().get(cp.group());
      CgroupPlacement pl = placements.get(cp.group());
      if (pl != null && pl.containerId() != null) {
        matchInContainer(procs, cp, pl.containerId(), podContainers.getOrDefault(pl.podCgroup(), java.util.Set.of()));
      } else {
        matchOnHost(procs, cp, group.path());
      }
    }
    return conflicts;
  }

  /**
   * Under containerd's CRI one shim holds a whole pod, so a process below it may belong to any container of the
   * pod: the scope that lists it decides, and the process moves there.
   */
  private void matchInContainer(List<ProcessDraft> procs, CgroupProcess cp, String containerId,
      java.util.Set<String> samePod) {
    // Processes the shim already put in this container first; only then those of its pod's other scopes.
    if (!matchAmong(procs, cp, containerId, java.util.Set.of(containerId))) {
      matchAmong(procs, cp, containerId, samePod);
    }
  }

  private boolean matchAmong(List<ProcessDraft> procs, CgroupProcess cp, String containerId,
      java.util.Set<String> owners) {
    ProcessDraft byPrefix = null;
    ProcessDraft byBinary = null;
    List<ProcessDraft> candidates = new ArrayList<>();
    owners.forEach(o -> candidates.addAll(byContainer.getOrDefault(o, List.of())));
    if (owners.size() > 1) {
      candidates.sort(java.util.Comparator.comparingInt(d -> d.index));
    }
    for (ProcessDraft d : candidates) {
      if (d.matched || d.kind != ProcessKind.CONTAINER || !owners.contains(d.containerId)) {
        continue;
      }
      if (byPrefix == null && sameCommand(d.row.command(), cp)) {
        byPrefix = d;
      }
      if (byBinary == null && sameBinary(d.row.command(), cp.command())) {
        byBinary = d;
      }
    }
    if (byPrefix != null) {
      assign(byPrefix, cp);
      byPrefix.containerRef = cp.ref();
      move(byPrefix, containerId);
      return true;
    }
    if (byBinary != null) {
      assign(byBinary, cp);
      byBinary.containerRef = cp.ref();
      move(byBinary, containerId);
      conflicts.add(new Conflict(containerId.substring(0, 12), "command", byBinary.row.command(),
          byBinary.row.ref(), cp.command() + (cp.truncated() ? "…" : ""), cp.ref()));
      return true;
    }
    return false;
  }

  /** Moves a process to the container whose scope holds it, keeping each container's list in ps order. */
  private void move(ProcessDraft d, String containerId) {
    if (containerId.equals(d.containerId)) {
      return;
    }
    byContainer.getOrDefault(d.containerId, new ArrayList<>()).remove(d);
    List<ProcessDraft> to = byContainer.computeIfAbsent(containerId, k -> new ArrayList<>());
    int at = 0;
    while (at < to.size() && to.get(at).index < d.index) {
      at++;
    }
    to.add(at, d);
    d.containerId = containerId;
  }

  private void matchOnHost(List<ProcessDraft> procs, CgroupProcess cp, String groupPath) {
    ShimCommand shim = ShimCommand.parse(cp.command());
    Matcher user = USER_SLICE.matcher(groupPath);
    String uid = user.find() ? user.group("uid") : null;
    ProcessDraft only = null;
    int found = 0;
    for (ProcessDraft d : hostSide) {
      if (d.matched || d.kind == ProcessKind.KERNEL_THREAD || d.kind == ProcessKind.CONTAINER) {
        continue;
      }
      boolean candidate;
      if (shim != null) {
        candidate = d.shim != null && shim.id() != null && d.shim.id() != null && d.shim.id().startsWith(shim.id());
      } else {
        candidate = d.kind == ProcessKind.HOST && sameCommand(d.row.command(), cp)
            && (uid == null || d.row.user() == null || uid.equals(d.row.user())
                || !NUMERIC.matcher(d.row.user()).matches());
      }
      if (candidate) {
        only = d;
        found++;
      }
    }
    if (found == 1) {
      assign(only, cp);
    }
  }

  private static void assign(ProcessDraft d, CgroupProcess cp) {
    d.matched = true;
    if (d.pid == null) {
      d.pid = cp.pid();
      d.pidRef = cp.ref();
    }
  }

  private static boolean sameCommand(String ps, CgroupProcess cp) {
    return cp.truncated() ? ps.startsWith(cp.command()) : ps.equals(cp.command());
  }

  private static boolean sameBinary(String ps, String cgls) {
    List<String> a = ShellWords.words(ps);
    List<String> b = ShellWords.words(cgls);
    return !a.isEmpty() && !b.isEmpty() && a.get(0).equals(b.get(0));
  }
}
