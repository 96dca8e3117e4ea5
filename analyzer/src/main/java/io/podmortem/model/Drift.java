package io.podmortem.model;

import java.util.List;
import java.util.Map;

/**
 * What a container changed on disk since it started, from its upper dir.
 *
 * @param perTopDir counts of changes per top-level folder ({@code /etc}, {@code /tmp}, …), sorted
 * @param notable the changes worth a look (executables, setuid, temp and hidden paths, /etc and /bin), bounded
 * @param notableCount how many notable changes the upper dir holds: more than {@code notable} lists where it is cut
 * @param all every change where there are few; empty when the upper dir is large (see {@link #perTopDir})
 */
public record Drift(int added, int changed, int deleted, Map<String, Integer> perTopDir, List<DriftEntry> notable,
    int notableCount, List<DriftEntry> all, boolean truncated) {
  public Drift {
    perTopDir = Map.copyOf(perTopDir);
    notable = List.copyOf(notable);
    all = List.copyOf(all);
  }

  public int total() {
    return added + changed + deleted;
  }
}
