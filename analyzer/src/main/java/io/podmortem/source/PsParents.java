package io.podmortem.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Links {@code ps} rows that have no forest art by their PPID, and derives depths without recursion. */
final class PsParents {
  private PsParents() {}

  /** A PID as printed, or null when the text is not one. */
  static Integer parsePid(String s) {
    if (s.isEmpty() || s.length() > 10) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return null;
      }
    }
    long v = Long.parseLong(s);
    return v > Integer.MAX_VALUE ? null : (int) v;
  }

  /**
   * Sets each row's parent to the row whose PID is its PPID (PPID 0 and unknown PIDs make roots),
   * then its depth by walking up with an explicit path; a PPID loop is cut and recorded.
   */
  static void linkByPpid(TextBlock t, List<PsForestParser.Parsed> rows, ParseIssues issues) {
    Map<Integer, Integer> byPid = new HashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      if (rows.get(r).pid != null) {
        byPid.putIfAbsent(rows.get(r).pid, r);
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      PsForestParser.Parsed p = rows.get(r);
      Integer parent = p.ppid == null ? null : byPid.get(p.ppid);
      p.parent = parent == null || parent == r ? null : parent;
    }
    int[] depth = new int[rows.size()];
    Arrays.fill(depth, -1);
    boolean[] onPath = new boolean[rows.size()];
    List<Integer> path = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      int cur = r;
      while (depth[cur] < 0 && !onPath[cur] && rows.get(cur).parent != null) {
        onPath[cur] = true;
        path.add(cur);
        cur = rows.get(cur).parent;
      }
      if (depth[cur] < 0) {
        if (onPath[cur]) {
          PsForestParser.Parsed loop = rows.get(cur);
          issues.add(t, loop.index, 0, "PPID " + loop.ppid + " loops back to PID " + loop.pid
              + " in " + ParseIssues.quote(t.lines().get(loop.index)));
          loop.parent = null;
          onPath[cur] = false;
          path.remove(Integer.valueOf(cur));
        }
        depth[cur] = 0;
      }
      for (int k = path.size() - 1; k >= 0; k--) {
        int node = path.get(k);
        depth[node] = depth[rows.get(node).parent == null ? node : rows.get(node).parent] + 1;
        if (rows.get(node).parent == null) {
          depth[node] = 0;
        }
        onPath[node] = false;
      }
      path.clear();
    }
    for (int r = 0; r < rows.size(); r++) {
      rows.get(r).depth = depth[r];
    }
  }
}
