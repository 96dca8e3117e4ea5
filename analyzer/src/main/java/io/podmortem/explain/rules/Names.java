package io.podmortem.explain.rules;

import io.podmortem.model.Container;

/** How findings name a container. */
final class Names {
  private Names() {}

  /** {@code Container web of pod shop/web-7d4b9c6f5-x2k4q}, or the runtime's name or short ID. */
  static String of(Container c) {
    String who = c.containerName() != null ? c.containerName() : c.name() != null ? c.name() : c.shortId();
    String pod = c.pod() != null && c.pod().name() != null
        ? " of pod " + (c.pod().namespace() == null ? "" : c.pod().namespace() + "/") + c.pod().name() : "";
    return "Container " + who + pod;
  }
}
