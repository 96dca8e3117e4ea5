package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Pod;
import io.podmortem.model.Role;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime holds a pod sandbox that the API does not know: kubelet failed to clean it up after the pod was
 * deleted, or something outside kubelet created it. Judged only when the bundle has the API's view of pods.
 */
public final class OrphanSandboxRule implements Rule {
  @Override
  public String id() {
    return "orphan-sandbox";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    boolean apiSeen = ctx.node().pods().stream().anyMatch(p -> p.status() != null);
    if (!apiSeen) {
      return out;
    }
    for (Container c : ctx.node().containers()) {
      if (c.role() != Role.SANDBOX || c.pod() == null) {
        continue;
      }
      Pod pod = ctx.node().pods().stream().filter(p -> p.containerIds().contains(c.id() != null ? c.id()
          : c.shortId())).findFirst().orElse(null);
      if (pod != null && pod.status() == null) {
        out.add(new Finding(id(), Severity.MEDIUM, c.shortId(), "The runtime holds the sandbox of pod "
            + pod.key() + ", which the API does not list: kubelet did not clean it up after the pod was deleted, "
            + "or it was created outside kubelet.", c.evidence().of("name")));
      }
    }
    return out;
  }
}
