package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.explain.Texts;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Process;
import io.podmortem.model.Role;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * An app container whose processes run as root: a breakout or a writable host mount then gives root on the node.
 * Sandboxes are left out: the pause process only sleeps.
 */
public final class RootProcessRule implements Rule {
  @Override
  public String id() {
    return "runs-as-root";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Container c : ctx.node().containers()) {
      if (c.role() == Role.SANDBOX) {
        continue;
      }
      List<Process> root = ctx.node().processesOf(c).stream().filter(Process::runsAsRoot).toList();
      if (root.isEmpty()) {
        continue;
      }
      out.add(new Finding(id(), Severity.LOW, c.shortId(), Names.of(c) + " runs " + root.size() + " of its "
          + c.processes().size() + " processes as root (uid 0), starting with '"
          + Texts.abbreviate(root.get(0).command(), 60)
          + "'.",
          root.stream().flatMap(p -> p.evidence().of("user").stream()).toList()));
    }
    return out;
  }
}
