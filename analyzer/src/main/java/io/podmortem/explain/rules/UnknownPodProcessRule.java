package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Process;
import io.podmortem.model.ProcessKind;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A process in a pod's cgroup that belongs to no container the runtime knows: something placed it there by hand,
 * or it outlived its container.
 */
public final class UnknownPodProcessRule implements Rule {
  @Override
  public String id() {
    return "unknown-pod-process";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    Set<String> known = ctx.node().containers().stream().filter(c -> c.status() != null).map(Container::id)
        .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    if (known.isEmpty()) {
      return out;
    }
    for (Process p : ctx.node().processes()) {
      // conmon sits in the pod's slice by design (crio-conmon-<id>.scope); it is a shim, not a stray.
      if (p.cgroup() == null || !p.cgroup().contains("kubepods") || p.kind() == ProcessKind.SHIM) {
        continue;
      }
      if (p.containerId() == null || !known.contains(p.containerId())) {
        out.add(new Finding(id(), Severity.HIGH, Processes.subject(p), "Process " + Processes.describe(p)
            + " sits in the pod cgroup " + p.cgroup() + " but belongs to no container the runtime lists.",
            p.evidence().of("cgroup")));
      }
    }
    return out;
  }
}
