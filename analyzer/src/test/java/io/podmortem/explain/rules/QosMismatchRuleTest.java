package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** qos-mismatch: the pod's QoS cgroup against status.qosClass of kubectl's JSON. */
class QosMismatchRuleTest {
  private static final QosMismatchRule RULE = new QosMismatchRule();

  @Test
  void evaluate_apiSaysBurstableForAPodInGuaranteedCgroups_raisesMedium(@TempDir Path dir) {
    // As after an in-place resize: the ledger pod stays in the node's Guaranteed cgroups.
    Path bundle = RuleInputs.copyEditing("containerd-cgv2", dir, "kube/pods.json",
        json -> RuleInputs.replaceOnce(json, "\"qosClass\": \"Guaranteed\"", "\"qosClass\": \"Burstable\""));
    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.analyze(bundle)))).containsExactly(new Finding(
        "qos-mismatch", Severity.MEDIUM, "payments/ledger-6d8f9b7c54-p2cp8", "Pod payments/ledger-6d8f9b7c54-p2cp8 "
        + "sits in the Guaranteed cgroups of the node, but the API reports QoS class Burstable. The node evicts and "
        + "OOM-kills by its cgroups.", List.of(ref("cgroup/cgls.txt", 62))));
  }

  @Test
  void evaluate_cgroupsAndApiAgree_raisesNothing() {
    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.sample("containerd-cgv2")))).isEmpty();
  }
}
