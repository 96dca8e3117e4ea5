package io.podmortem.explain.rules;

import io.podmortem.explain.ExecSessions;
import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Process;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** Someone ran a command inside a container ({@code docker exec}, {@code kubectl exec}, {@code crictl exec}). */
public final class ExecSessionRule implements Rule {
  @Override
  public String id() {
    return "exec-session";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Container c : ctx.node().containers()) {
      for (Process p : ExecSessions.of(ctx.node(), c)) {
        out.add(new Finding(id(), Severity.MEDIUM, c.shortId(), "Someone ran a command inside " + Names.of(c)
            .substring(0, 1).toLowerCase(java.util.Locale.ROOT) + Names.of(c).substring(1) + ": "
            + Processes.describe(p) + (p.startedAt() == null ? "" : ", started " + p.startedAt()) + ", runs beside "
            + "its init as a child of the runtime's shim, the way docker exec, kubectl exec and crictl exec start "
            + "them.", p.evidence().of("command")));
      }
    }
    return out;
  }
}
