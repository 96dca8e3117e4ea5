package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** A privileged container has every capability and every device of the node: root in it is root on the node. */
public final class PrivilegedContainerRule implements Rule {
  @Override
  public String id() {
    return "privileged-container";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Container c : ctx.node().containers()) {
      if (c.security() != null && Boolean.TRUE.equals(c.security().privileged())) {
        out.add(new Finding(id(), Severity.HIGH, c.shortId(), Names.of(c) + " runs privileged: it has every "
            + "capability and the node's devices, so root inside it is root on the node.",
            c.evidence().of("security")));
      }
    }
    return out;
  }
}
