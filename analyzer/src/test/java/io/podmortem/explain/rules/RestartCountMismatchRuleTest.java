package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** restart-count-mismatch: kubectl's restartCount against the runtime's attempt of the same container. */
class RestartCountMismatchRuleTest {
  private static final RestartCountMismatchRule RULE = new RestartCountMismatchRule();

  @Test
  void evaluate_apiCountsTwoRestartsOfAttempt0_raisesLow(@TempDir Path dir) {
    Path bundle = RuleInputs.copyEditing("containerd-cgv2", dir, "kube/pods.json", json -> RuleInputs.replaceAfter(
        json, "\"containerID\": \"containerd://a2f5cd6829c5", "\"restartCount\": 0", "\"restartCount\": 2"));
    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.analyze(bundle)))).containsExactly(new Finding(
        "restart-count-mismatch", Severity.LOW, "a2f5cd6829c5", "Container nginx runs as attempt 0 on the node, but "
        + "the API counts 2 restarts: one view is stale, or the container was recreated outside kubelet.",
        List.of(ref("cri/inspect/a2f5cd6829c5d0effd35c98919fc613860ea4bd4a9e663f06585e91d0261b7e5.json", 1),
        ref("cri/ps.json", 123), ref("kube/pods.json", 1415))));
  }

  @Test
  void evaluate_apiAndRuntimeAgree_raisesNothing() {
    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.sample("containerd-cgv2")))).isEmpty();
  }
}
