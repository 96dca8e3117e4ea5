package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A container the runtime calls running but that no shim holds in the process listing: the listing and the
 * runtime disagree, or the shim was killed and the runtime has not noticed. Docker and CRI-O run one shim (or
 * conmon) per container; containerd's CRI runs one per pod, under the sandbox's ID, so there only sandboxes count.
 */
public final class ContainerWithoutShimRule implements Rule {
  @Override
  public String id() {
    return "container-without-shim";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    boolean shimsSeen = ctx.node().containers().stream().anyMatch(c -> c.shimProcess() != null);
    if (!shimsSeen) {
      return out;
    }
    java.util.Set<String> heldSandboxes = new java.util.HashSet<>();
    ctx.node().containers().stream().filter(c -> c.shimProcess() != null).forEach(c -> heldSandboxes.add(
        c.shortId()));
    for (Container c : ctx.node().containers()) {
      boolean running = c.state() != null ? c.state().running() : c.status() != null && c.status().startsWith("Up");
      // containerd's CRI runs one shim per pod, named after the sandbox: it holds every container of the pod.
      boolean podShim = c.sandboxId() != null && c.sandboxId().length() >= 12
          && heldSandboxes.contains(c.sandboxId().substring(0, 12));
      boolean ownShim = !podShim
          && (!"containerd".equals(c.runtime()) || c.role() == io.podmortem.model.Role.SANDBOX);
      if (running && ownShim && c.shimProcess() == null) {
        out.add(new Finding(id(), Severity.MEDIUM, c.shortId(), Names.of(c) + " is running according to the "
            + "runtime, but no shim in the process listing holds it.", c.evidence().of("status")));
      }
    }
    return out;
  }
}
