package io.podmortem.model;

/** Kubernetes quality-of-service class, spelled as the API spells it. */
public enum QosClass {
  GUARANTEED("Guaranteed"), BURSTABLE("Burstable"), BEST_EFFORT("BestEffort");

  private final String label;

  QosClass(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Parses a cgroup QoS level ({@code burstable}, {@code besteffort}) or an API name. Null when unknown. */
  public static QosClass parse(String s) {
    if (s == null) {
      return null;
    }
    return switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "guaranteed" -> GUARANTEED;
      case "burstable" -> BURSTABLE;
      case "besteffort" -> BEST_EFFORT;
      default -> null;
    };
  }
}
