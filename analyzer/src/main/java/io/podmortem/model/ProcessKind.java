package io.podmortem.model;

/** Where a process sits on the node. */
public enum ProcessKind {
  /** A kernel thread: an empty command line, shown as {@code [name]}. */
  KERNEL_THREAD,
  /** A process of the host, outside every container. */
  HOST,
  /** A container runtime shim or conmon: a host process that holds one container or pod. */
  SHIM,
  /** A process inside a container. */
  CONTAINER
}
