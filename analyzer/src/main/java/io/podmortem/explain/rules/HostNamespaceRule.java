package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Security;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A container that shares a namespace with the node: the host PID namespace shows (and lets root signal) every
 * process of the node; the host network exposes the node's interfaces and loopback services; host IPC its shared
 * memory.
 */
public final class HostNamespaceRule implements Rule {
  @Override
  public String id() {
    return "host-namespace";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Container c : ctx.node().containers()) {
      Security s = c.security();
      if (s == null) {
        continue;
      }
      List<String> shared = new ArrayList<>();
      if (Boolean.TRUE.equals(s.hostPid())) {
        shared.add("PID");
      }
      if (Boolean.TRUE.equals(s.hostNetwork())) {
        shared.add("network");
      }
      if (Boolean.TRUE.equals(s.hostIpc())) {
        shared.add("IPC");
      }
      if (!shared.isEmpty()) {
        Severity sev = shared.contains("PID") ? Severity.HIGH : Severity.MEDIUM;
        String list = shared.size() == 1 ? shared.get(0)
            : String.join(", ", shared.subList(0, shared.size() - 1)) + " and " + shared.get(shared.size() - 1);
        out.add(new Finding(id(), sev, c.shortId(), Names.of(c) + " shares the node's " + list + " namespace"
            + (shared.size() > 1 ? "s" : "") + ".", c.evidence().of("security")));
      }
    }
    return out;
  }
}
