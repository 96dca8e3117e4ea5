package io.podmortem.model;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One container of the node.
 *
 * @param id full 64-hex ID, or null where only the short ID is known
 * @param shortId the 12-char ID
 * @param name the runtime's name (dockershim: {@code k8s_<ctr>_<pod>_<ns>_<uid>_<attempt>})
 * @param restarts the restart count the API server reports for this container (kubectl), or null
 * @param containerName the Kubernetes container name ({@code POD} for a sandbox)
 * @param state what the runtime's inspect output says of its life, or null without one
 * @param security how it is confined, from inspect output; null without one
 * @param imageId the image's content ID ({@code sha256:…}) where a source gives it, or null
 * @param sandboxId the ID of the pod sandbox the container runs in, where the runtime says, or null
 * @param processes indexes into {@link Node#processes()} of the processes inside it
 * @param inferred for each fact that no source states but the analysis inferred ({@code role},
 *     {@code qosClass}, {@code os}), how it was inferred and from what
 * @param usage what it used when collected ({@code docker stats}); null where no source measured it
 */
public record Container(
    String id,
    String shortId,
    String name,
    String runtime,
    Role role,
    String containerName,
    Integer attempt,
    Integer restarts,
    String image,
    String imageId,
    String sandboxId,
    PodRef pod,
    QosClass qosClass,
    String cgroup,
    String command,
    String status,
    RuntimeState state,
    Security security,
    List<Integer> processes,
    Integer shimProcess,
    RootFs rootfs,
    Evidence evidence,
    SortedMap<String, String> inferred,
    ResourceUsage usage) {

  public Container {
    Objects.requireNonNull(shortId, "shortId");
    Objects.requireNonNull(role, "role");
    processes = List.copyOf(processes);
    Objects.requireNonNull(rootfs, "rootfs");
    Objects.requireNonNull(evidence, "evidence");
    inferred = Collections.unmodifiableSortedMap(new TreeMap<>(inferred));
  }

  /** A stable anchor for reports and tickets. */
  public String anchor() {
    return "c-" + shortId;
  }
}
