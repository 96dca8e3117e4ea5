package io.podmortem.explain.rules;

import io.podmortem.explain.Texts;
import io.podmortem.model.Process;

/** How findings name a process. */
final class Processes {
  private Processes() {}

  static String subject(Process p) {
    return p.containerId() == null ? "node" : p.containerId().substring(0, Math.min(12, p.containerId().length()));
  }

  static String where(Process p) {
    return p.containerId() == null ? "on the host" : "in container " + subject(p);
  }

  static String describe(Process p) {
    return (p.pid() == null ? "" : p.pid() + " ") + "'" + Texts.abbreviate(p.command(), 60) + "'";
  }
}
