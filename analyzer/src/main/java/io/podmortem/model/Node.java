package io.podmortem.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the bundle shows about one node: the assembled, immutable model.
 *
 * @param snapshotTime the node's clock when the bundle was collected (UTC, ISO 8601), where a source shows it
 * @param identity which node of the cluster this is, and how that was decided
 * @param evidence where the node-level facts ({@code hostname}, {@code snapshotTime}) come from
 * @param collection the collector's manifest, or null for hand-captured outputs
 * @param warnings what cut the reading of the bundle short
 * @param runtimeEvents what the runtime recorded as it happened ({@code docker events}), in the order read
 */
public record Node(
    String hostname,
    NodeIdentity identity,
    String snapshotTime,
    Evidence evidence,
    List<Process> processes,
    List<Pod> pods,
    List<Container> containers,
    List<Conflict> conflicts,
    List<SourceInfo> sources,
    List<String> missing,
    Collection collection,
    List<String> warnings,
    List<RuntimeEvent> runtimeEvents) {

  public Node {
    runtimeEvents = List.copyOf(runtimeEvents);
    processes = List.copyOf(processes);
    pods = List.copyOf(pods);
    containers = List.copyOf(containers);
    conflicts = List.copyOf(conflicts);
    sources = List.copyOf(sources);
    missing = List.copyOf(missing);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(identity, "identity");
  }

  public long count(ProcessKind kind) {
    return processes.stream().filter(p -> p.kind() == kind).count();
  }

  public Process process(int index) {
    return processes.get(index);
  }

  public List<Process> processesOf(Container c) {
    List<Process> out = new ArrayList<>(c.processes().size());
    c.processes().forEach(i -> out.add(processes.get(i)));
    return out;
  }

  /** Depth of a process in the forest, counted without recursion (forests can be deep). */
  public int depth(Process p) {
    int d = 0;
    Integer at = p.parent();
    while (at != null && d <= processes.size()) {
      d++;
      at = processes.get(at).parent();
    }
    return d;
  }
}
