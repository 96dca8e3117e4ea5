package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** container-restarted: the attempt of a pod's container is above 0 (dockershim name, crictl metadata). */
class ContainerRestartedRuleTest {
  private static final ContainerRestartedRule RULE = new ContainerRestartedRule();

  @Test
  void evaluate_attempt1InDockerPsName_raisesLow() {
    assertThat(RuleInputs.evaluate(RULE, "docker-ps-only")).containsExactly(new Finding("container-restarted",
        Severity.LOW, "400df228875f", "Container worker of pod worker-5f6d8b7c9-abcde has restarted: the node holds "
        + "attempt 1, so an earlier instance exited (crashed, was OOM-killed or failed a probe).",
        List.of(ref("docker/ps.txt", 9))));
  }

  @Test
  void evaluate_podInCrashLoopBackOff_raisesMediumOnceForTheLatestAttempt() {
    assertThat(RuleInputs.findings(RuleInputs.sample("containerd-cgv2"), "container-restarted"))
        .containsExactly(new Finding("container-restarted", Severity.MEDIUM, "9051b33dde12", "Container worker of pod "
            + "orders-worker-5f7d9c8b6d-c5ffb has restarted: the node holds attempt 8; the pod is in CrashLoopBackOff, "
            + "so it keeps failing.", List.of(
                ref("cri/inspect/9051b33dde129ab75a60a4316e8938f9d1aa4b79774e167f2a2acb6a972f31db.json", 1),
                ref("cri/ps.json", 3), ref("kube/pods-wide.txt", 3), ref("kube/pods.json", 126))));
  }

  @Test
  void evaluate_attempt0_raisesNothing() {
    // udon's weave pod: weave is attempt 1, weave-npc beside it attempt 0.
    List<Finding> found = RULE.evaluate(RuleInputs.context(RuleInputs.sample("udon")));
    assertThat(found).extracting(Finding::subject).containsExactly("36b418e69ae7");
  }
}
