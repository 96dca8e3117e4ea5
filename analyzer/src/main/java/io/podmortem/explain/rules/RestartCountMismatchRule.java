package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * kubelet starts attempt N of a container after N restarts, so the runtime's attempt and the API's restartCount
 * agree. When they do not, one of the two views is stale, or the container was recreated outside kubelet.
 */
public final class RestartCountMismatchRule implements Rule {
  @Override
  public String id() {
    return "restart-count-mismatch";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Container c : ctx.node().containers()) {
      if (c.restarts() != null && c.attempt() != null && !c.restarts().equals(c.attempt())) {
        List<io.podmortem.model.SourceRef> refs = new ArrayList<>(c.evidence().of("restarts"));
        refs.addAll(c.evidence().of("name"));
        out.add(new Finding(id(), Severity.LOW, c.shortId(), "Container " + c.containerName() + " runs as attempt "
            + c.attempt() + " on the node, but the API counts " + c.restarts() + " restarts: one view is stale, or "
            + "the container was recreated outside kubelet.", refs));
      }
    }
    return out;
  }
}
