package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Finding;
import io.podmortem.model.Process;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** A zombie (state Z): the process exited and its parent never reaped it; a shim left behind looks like this. */
public final class ZombieProcessRule implements Rule {
  @Override
  public String id() {
    return "zombie-process";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Process p : ctx.node().processes()) {
      if (p.state() != null && p.state().startsWith("Z")) {
        out.add(new Finding(id(), Severity.LOW, Processes.subject(p), "Process " + Processes.describe(p) + " "
            + Processes.where(p) + " is a zombie: it exited and its parent has not reaped it.",
            p.evidence().of("state")));
      }
    }
    return out;
  }
}
