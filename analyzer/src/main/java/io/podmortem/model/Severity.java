package io.podmortem.model;

/** How urgent a finding is, most severe first. */
public enum Severity {
  HIGH, MEDIUM, LOW, INFO;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
