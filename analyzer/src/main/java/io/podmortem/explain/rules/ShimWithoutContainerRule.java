package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.ProcessKind;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A runtime shim (or conmon) for a container the runtime does not list: a leftover of a crashed or killed
 * container, or a container started behind the runtime's back. Judged only when the bundle has the runtime's
 * own list of containers.
 */
public final class ShimWithoutContainerRule implements Rule {
  @Override
  public String id() {
    return "shim-without-container";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    if (ctx.node().containers().stream().noneMatch(c -> c.status() != null)) {
      return out;
    }
    for (Container c : ctx.node().containers()) {
      if (c.shimProcess() != null && c.status() == null) {
        var shim = ctx.node().process(c.shimProcess());
        if (shim.kind() == ProcessKind.SHIM) {
          out.add(new Finding(id(), Severity.MEDIUM, c.shortId(), "A runtime shim" + (shim.pid() == null ? ""
              : " (pid " + shim.pid() + ")") + " holds container " + c.shortId() + ", which the runtime does not "
              + "list: a leftover of a killed container, or one started behind the runtime's back.",
              shim.evidence().of("command")));
        }
      }
    }
    return out;
  }
}
