package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Capabilities added beyond the runtime's default set; some of them amount to root on the node. */
public final class AddedCapabilitiesRule implements Rule {
  private static final Set<String> NODE_LEVEL = Set.of("ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO",
      "DAC_READ_SEARCH", "BPF");

  @Override
  public String id() {
    return "added-capabilities";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Container c : ctx.node().containers()) {
      if (c.security() == null || c.security().capAdd().isEmpty()) {
        continue;
      }
      List<String> caps = c.security().capAdd().stream()
          .map(s -> s.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "")).sorted().toList();
      boolean strong = caps.stream().anyMatch(NODE_LEVEL::contains);
      out.add(new Finding(id(), strong ? Severity.HIGH : Severity.MEDIUM, c.shortId(), Names.of(c)
          + " adds capabilities " + String.join(", ", caps) + (strong ? ", some of which reach beyond the container "
          + "to the node." : "."), c.evidence().of("security")));
    }
    return out;
  }
}
