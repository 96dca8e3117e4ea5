package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Finding;
import io.podmortem.model.Pod;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's cgroups put a pod in another QoS class than the API reports: the pod's resources changed without a
 * restart (in-place resize), or kubelet and the API disagree. Eviction and OOM order follow the cgroups.
 */
public final class QosMismatchRule implements Rule {
  @Override
  public String id() {
    return "qos-mismatch";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Pod p : ctx.node().pods()) {
      if (p.apiQosClass() != null && p.qosClass() != null && p.qosClass() != p.apiQosClass()) {
        out.add(new Finding(id(), Severity.MEDIUM, p.key(), "Pod " + p.key() + " sits in the "
            + p.qosClass().label() + " cgroups of the node, but the API reports QoS class " + p.apiQosClass().label()
            + ". The node evicts and OOM-kills by its cgroups.", p.evidence().of("qosClass")));
      }
    }
    return out;
  }
}
