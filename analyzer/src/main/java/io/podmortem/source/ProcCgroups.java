package io.podmortem.source;

import io.podmortem.model.SourceRef;
import java.util.Map;

/**
 * The cgroup of each process, from the collector's tagged copy of every {@code /proc/<pid>/cgroup}.
 *
 * @param paths for each pid, the path that says most: one naming a container, else the v2 or name=systemd one
 */
public record ProcCgroups(String entry, Map<Integer, Located> paths) {
  /** A cgroup path and the line it was read from. */
  public record Located(String path, SourceRef ref) {}

  public ProcCgroups {
    paths = Map.copyOf(paths);
  }
}
