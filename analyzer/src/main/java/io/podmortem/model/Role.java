package io.podmortem.model;

/** Why a container exists. */
public enum Role {
  /** The pod sandbox: the pause container holding the pod's namespaces. */
  SANDBOX,
  /** An application container of a pod. */
  APP,
  /** An init container, which exits by design. */
  INIT,
  /** An ephemeral debug container added by {@code kubectl debug}. */
  EPHEMERAL,
  /** A container that Kubernetes does not manage. */
  PLAIN;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
