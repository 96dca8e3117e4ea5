package io.podmortem.model;

import java.util.List;
import java.util.Objects;

/**
 * A pod of the node, joined from kubectl, runtime names and cgroups.
 *
 * @param uid the pod UID as the node knows it (for a static pod, the config hash), or null
 * @param apiUid the UID the API server shows, where it differs from the node's (a static pod's mirror), or null
 * @param isStatic true for a static pod, false for an API pod, null when the input cannot tell
 * @param staticReason why we think so
 * @param qosClass the QoS class the node's cgroups show, or else the API's
 * @param qosReason where {@code qosClass} was read: the pod's cgroup, a container's cgroup, or the API
 * @param apiQosClass the QoS class the API server reports ({@code status.qosClass}), or null
 * @param cgroup the pod's cgroup (a slice with the systemd driver), or null
 * @param status STATUS as kubectl printed it, or null
 * @param phase the pod phase, where kubectl states it or its STATUS implies it
 * @param nodeName the node the API schedules the pod on ({@code spec.nodeName}, or kubectl's NODE column), or null
 * @param placement whether the pod runs on this node, on another, or on none yet
 */
public record Pod(
    String namespace,
    String name,
    String uid,
    String apiUid,
    Boolean isStatic,
    String staticReason,
    QosClass qosClass,
    QosClass apiQosClass,
    String qosReason,
    String cgroup,
    Owner owner,
    String ready,
    String status,
    String phase,
    Integer restarts,
    String nodeName,
    Placement placement,
    List<String> containerIds,
    Evidence evidence) {

  public Pod {
    containerIds = List.copyOf(containerIds);
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(evidence, "evidence");
  }

  /**
   * True for a pod of this node, and for a pod whose source names no node at all (a table without a NODE column,
   * as on a single-node cluster): the pods the report explains. A pod on a named node that cannot be matched to
   * this one is not taken for this node's.
   */
  public boolean isHere() {
    return placement == Placement.THIS_NODE || (placement == Placement.UNKNOWN && nodeName == null);
  }

  /** namespace/name, the way kubectl names a pod. */
  public String key() {
    return (namespace == null ? "" : namespace) + "/" + (name == null ? "pod" + uid : name);
  }
}
