package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.explain.Texts;
import io.podmortem.model.Conflict;
import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Two sources of the bundle disagree about one fact: they were taken at different times, or one was edited by
 * hand. Both versions are shown.
 */
public final class SourcesDisagreeRule implements Rule {
  @Override
  public String id() {
    return "sources-disagree";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Conflict c : ctx.node().conflicts()) {
      List<String> diff = Texts.firstDifference(c.first(), c.second());
      out.add(new Finding(id(), Severity.LOW, c.subject(), "The " + c.fact() + " differs: " + c.firstRef()
          + " has '" + diff.get(0) + "' where " + c.secondRef() + " has '" + diff.get(1) + "'. The outputs were "
          + "taken at different times, or one was edited by hand.", List.of(c.firstRef(), c.secondRef())));
    }
    return out;
  }
}
