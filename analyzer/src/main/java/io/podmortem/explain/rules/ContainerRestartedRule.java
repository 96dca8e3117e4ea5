package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Role;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** A container whose attempt is above 0 was started again after an earlier instance of it exited. */
public final class ContainerRestartedRule implements Rule {
  @Override
  public String id() {
    return "container-restarted";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Container c : ctx.node().containers()) {
      if (c.attempt() == null || c.attempt() == 0) {
        continue;
      }
      String what = c.role() == Role.SANDBOX
          ? "The sandbox of pod " + c.pod().name() + " was recreated: this is attempt " + c.attempt()
              + ", so the pod lost its network namespace at least once"
          : "Container " + c.containerName() + " of pod " + c.pod().name() + " has restarted: this is attempt "
              + c.attempt() + ", so an earlier instance exited (crashed, was OOM-killed or failed a probe)";
      out.add(new Finding(id(), Severity.LOW, c.shortId(), what + ".", c.evidence().of("name")));
    }
    return out;
  }
}
