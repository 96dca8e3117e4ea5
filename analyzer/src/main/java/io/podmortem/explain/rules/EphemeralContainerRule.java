package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Role;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** An ephemeral container exists only because someone ran {@code kubectl debug} against the pod. */
public final class EphemeralContainerRule implements Rule {
  @Override
  public String id() {
    return "ephemeral-container";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Container c : ctx.node().containers()) {
      if (c.role() == Role.EPHEMERAL) {
        out.add(new Finding(id(), Severity.MEDIUM, c.shortId(), "Someone ran kubectl debug against pod "
            + (c.pod() == null ? "?" : c.pod().name()) + ": the ephemeral container " + c.containerName()
            + " (image " + c.image() + ") shares its namespaces and can see its processes.",
            c.evidence().of("role")));
      }
    }
    return out;
  }
}
