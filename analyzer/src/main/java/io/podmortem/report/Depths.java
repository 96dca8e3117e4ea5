package io.podmortem.report;

import io.podmortem.model.Node;
import java.util.ArrayDeque;
import java.util.Deque;

/** The depth of every process in the forest, in one pass and without recursion: a forest may be 20,000 deep. */
final class Depths {
  private Depths() {}

  static int[] of(Node n) {
    int size = n.processes().size();
    int[] depth = new int[size];
    boolean[] known = new boolean[size];
    boolean[] onPath = new boolean[size];
    Deque<Integer> path = new ArrayDeque<>();
    for (int i = 0; i < size; i++) {
      int at = i;
      // Climb to a process whose depth is known, or past a root; a parent loop (broken input) stops the climb.
      while (at >= 0 && !known[at] && !onPath[at]) {
        onPath[at] = true;
        path.push(at);
        Integer parent = n.process(at).parent();
        at = parent == null || parent < 0 || parent >= size ? -1 : parent;
      }
      int d = at >= 0 && known[at] ? depth[at] + 1 : 0;
      while (!path.isEmpty()) {
        int k = path.pop();
        depth[k] = d++;
        known[k] = true;
        onPath[k] = false;
      }
    }
    return depth;
  }
}
