package io.podmortem.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A container's process tree as the HTML shows it. Like {@code pstree}, sibling processes that run the same command as
 * the same user in the same state, and have no children, share one row: "17 × /bin/worker", with every PID and
 * every line of the process listing they come from ({@code refs}, and {@code pidRefs} where a PID was read
 * elsewhere). A pool of workers then takes one line, not a screen.
 */
final class ProcessRows {
  private ProcessRows() {}

  static List<Map<String, Object>> of(List<?> processes) {
    List<Map<String, Object>> out = new ArrayList<>();
    int i = 0;
    while (i < processes.size()) {
      Map<?, ?> p = (Map<?, ?>) processes.get(i);
      int j = i + 1;
      if (leaf(processes, i) && p.get("pid") != null && !Boolean.TRUE.equals(p.get("exec"))) {
        while (j < processes.size() && leaf(processes, j) && same(p, (Map<?, ?>) processes.get(j))) {
          j++;
        }
      }
      out.add(row(processes.subList(i, j)));
      i = j;
    }
    return out;
  }

  /** True when the process at {@code i} has no children: the one after it is not deeper. */
  private static boolean leaf(List<?> processes, int i) {
    return i + 1 >= processes.size() || depth(processes.get(i + 1)) <= depth(processes.get(i));
  }

  private static boolean same(Map<?, ?> a, Map<?, ?> b) {
    return depth(a) == depth(b) && b.get("pid") != null && !Boolean.TRUE.equals(b.get("exec"))
        && Objects.equals(a.get("user"), b.get("user")) && Objects.equals(a.get("state"), b.get("state"))
        && Objects.equals(a.get("command"), b.get("command"));
  }

  private static int depth(Object p) {
    return p instanceof Map<?, ?> m && m.get("depth") instanceof Number n ? n.intValue() : 0;
  }

  private static Map<String, Object> row(List<?> group) {
    Map<?, ?> first = (Map<?, ?>) group.get(0);
    Map<String, Object> r = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : first.entrySet()) {
      r.put(String.valueOf(e.getKey()), e.getValue());
    }
    r.put("count", group.size());
    StringBuilder pids = new StringBuilder();
    List<Object> refs = new ArrayList<>();
    List<Object> pidRefs = new ArrayList<>();
    String from = null;
    String to = null;
    for (Object o : group) {
      Map<?, ?> p = (Map<?, ?>) o;
      pids.append(pids.length() == 0 ? "" : ", ").append(p.get("pid"));
      if (p.get("evidence") instanceof Map<?, ?> ev && ev.get("command") instanceof List<?> l) {
        refs.addAll(l);
        // Where the PID was read apart from the command (a cgroup tree beside ps), that citation too.
        if (ev.get("pid") instanceof List<?> pl && !pl.isEmpty() && !l.isEmpty() && !pl.get(0).equals(l.get(0))) {
          pidRefs.addAll(pl);
        }
      }
      if (p.get("startedAt") instanceof String s) {
        from = from == null || s.compareTo(from) < 0 ? s : from;
        to = to == null || s.compareTo(to) > 0 ? s : to;
      }
    }
    r.put("pids", pids.toString());
    r.put("refs", refs);
    r.put("pidRefs", pidRefs);
    r.put("startedAt", from);
    r.put("startedTo", Objects.equals(from, to) ? null : to);
    return r;
  }
}
