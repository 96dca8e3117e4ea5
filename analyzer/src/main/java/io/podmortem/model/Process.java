package io.podmortem.model;

import java.util.Objects;

/**
 * One process of the node, as a row of the process forest.
 *
 * @param index position in {@link Node#processes()}, which is forest order
 * @param parent index of the parent row, or null for a root of the forest
 * @param pid the PID where any source shows it, else null
 * @param user the user column as given: a name, or a numeric uid under {@code ps n}
 * @param containerId full ID of the container the process runs in, or null
 * @param startedAt when it started, ISO 8601 (with {@code Z} where the source is known to be UTC), or null
 * @param cgroup its cgroup path from {@code /proc/<pid>/cgroup}, or null
 */
public record Process(
    int index,
    Integer parent,
    Integer pid,
    String user,
    String state,
    String command,
    ProcessKind kind,
    String containerId,
    String cgroup,
    String startedAt,
    Evidence evidence) {

  public Process {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(evidence, "evidence");
  }

  /** True when the user column says root: the name {@code root} or uid 0. */
  public boolean runsAsRoot() {
    return "0".equals(user) || "root".equals(user);
  }
}
