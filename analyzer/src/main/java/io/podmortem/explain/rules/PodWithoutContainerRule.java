package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Finding;
import io.podmortem.model.Pod;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A pod of this node that kubectl lists but that has no container on the node. A finished pod (a Job's) is
 * expected to have none; a pod kubectl calls Running is not. A pod the API schedules on another node, or on none
 * yet, is no concern of this node's and raises nothing. Nor does a bundle that shows no container at all (a pasted
 * kubectl table alone): it does not say what the node holds, so the absence proves nothing.
 */
public final class PodWithoutContainerRule implements Rule {
  @Override
  public String id() {
    return "pod-without-container";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    if (ctx.node().containers().isEmpty()) {
      return out;
    }
    for (Pod p : ctx.node().pods()) {
      if (!p.containerIds().isEmpty() || p.status() == null || !p.isHere()) {
        continue;
      }
      boolean finished = "Succeeded".equals(p.phase()) || "Failed".equals(p.phase());
      String message = finished
          ? "Pod " + p.key() + " is " + p.status() + " and has no running container: it ran to its end, as a Job's "
              + "pod does, and its containers were removed or not listed (docker ps shows only running ones)."
          : "Pod " + p.key() + " is " + p.status() + " according to kubectl" + (p.nodeName() == null ? ""
              : ", on this node (" + p.nodeName() + ")") + ", but the node has no container for it.";
      out.add(new Finding(id(), finished ? Severity.INFO : Severity.MEDIUM, p.key(), message,
          p.evidence().of("status")));
    }
    return out;
  }
}
