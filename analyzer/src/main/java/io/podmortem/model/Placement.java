package io.podmortem.model;

/** Where a pod of the API runs, relative to the node the bundle is from. */
public enum Placement {
  /** The pod runs here: a container of it is on the node, or the API schedules it on this node. */
  THIS_NODE,
  /** The API schedules the pod on another node of the cluster: a fact about the cluster, not about this node. */
  OTHER_NODE,
  /** The pod has no node yet (Pending and unscheduled): it runs nowhere. */
  UNSCHEDULED,
  /** The sources do not say which node the pod is on, or which node the bundle is from. */
  UNKNOWN;

  public String label() {
    return switch (this) {
      case THIS_NODE -> "this-node";
      case OTHER_NODE -> "other-node";
      case UNSCHEDULED -> "unscheduled";
      case UNKNOWN -> "unknown";
    };
  }
}
