package io.podmortem.source;

import java.util.List;

/** A parsed {@code systemd-cgls} tree: groups in output order, and the processes they hold. */
public record CgroupTree(String entry, List<CgroupNode> groups, List<CgroupProcess> processes) {
  public CgroupTree {
    groups = List.copyOf(groups);
    processes = List.copyOf(processes);
  }
}
