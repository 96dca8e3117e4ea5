package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** The kernel's OOM killer ended the container's last run: its memory limit is too low, or it leaks. */
public final class OomKilledRule implements Rule {
  @Override
  public String id() {
    return "oom-killed";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Container c : ctx.node().containers()) {
      if (c.state() != null && c.state().oomKilled()) {
        out.add(new Finding(id(), Severity.MEDIUM, c.shortId(), Names.of(c) + " was OOM-killed"
            + (c.state().finishedAt() == null ? "" : " at " + c.state().finishedAt()) + ": its memory limit is too "
            + "low for it, or it leaks.", c.evidence().of("status")));
      }
    }
    return out;
  }
}
