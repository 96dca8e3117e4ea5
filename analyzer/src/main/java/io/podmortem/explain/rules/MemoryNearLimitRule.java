package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.ResourceUsage;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container whose memory, when collected, was near the limit it counts against ({@code docker stats}' MEM %):
 * at the limit the kernel's OOM killer ends it. Without a limit of its own the limit is the node's memory, which
 * is as bad.
 */
public final class MemoryNearLimitRule implements Rule {
  /** At or above this share of its limit, a container is near it. */
  static final double NEAR = 90.0;
  /** Example matches: {@code 95.31%}, {@code 100%}. */
  private static final Pattern PERCENT = Pattern.compile("^(\\d{1,4}(?:\\.\\d{1,4})?)%$");

  @Override
  public String id() {
    return "memory-near-limit";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Container c : ctx.node().containers()) {
      ResourceUsage u = c.usage();
      Matcher m = u == null || u.memoryPercent() == null ? null : PERCENT.matcher(u.memoryPercent());
      if (m == null || !m.matches() || Double.parseDouble(m.group(1)) < NEAR) {
        continue;
      }
      out.add(new Finding(id(), Severity.MEDIUM, c.shortId(), Names.of(c) + " used " + u.memoryPercent()
          + " of its memory limit when collected (" + u.memory() + " of " + u.memoryLimit() + "): at the limit the "
          + "kernel's OOM killer ends it.", List.of(u.ref())));
    }
    return out;
  }
}
