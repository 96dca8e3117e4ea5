package io.podmortem.explain;

import io.podmortem.model.Finding;
import java.util.List;

/** One check over the model. Rules read the model; they never parse text. */
public interface Rule {
  /** The stable id findings carry, such as {@code container-restarted}. */
  String id();

  List<Finding> evaluate(RuleContext context);
}
