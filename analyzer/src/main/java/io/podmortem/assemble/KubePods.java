package io.podmortem.assemble;

import io.podmortem.source.KubeContainerStatus;
import io.podmortem.source.KubePod;

/** Reads what kubectl's table would print from a pod's JSON: its STATUS and READY columns. */
final class KubePods {
  private KubePods() {}

  /**
   * The STATUS kubectl prints: a waiting or terminated container's reason where there is one (init containers
   * first, shown as {@code Init:<reason>}), else the phase; a Succeeded pod shows {@code Completed}.
   */
  static String status(KubePod p) {
    for (KubeContainerStatus s : p.initContainers()) {
      if ("waiting".equals(s.state()) && s.reason() != null) {
        return "Init:" + s.reason();
      }
    }
    for (KubeContainerStatus s : p.containers()) {
      if (("waiting".equals(s.state()) || "terminated".equals(s.state())) && s.reason() != null
          && !"Succeeded".equals(p.phase())) {
        return s.reason();
      }
    }
    if ("Succeeded".equals(p.phase())) {
      return "Completed";
    }
    return p.phase();
  }

  /** READY as kubectl prints it: ready containers over all containers. */
  static String ready(KubePod p) {
    long ready = p.containers().stream().filter(s -> Boolean.TRUE.equals(s.ready())).count();
    return ready + "/" + p.containers().size();
  }
}
