package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.explain.Analysis;
import io.podmortem.model.Finding;
import io.podmortem.model.Role;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** runs-as-root: uid 0 in the ps table for a process of an app or plain container, from the docker-node sample. */
class RootProcessRuleTest {
  private static final RootProcessRule RULE = new RootProcessRule();
  private static Analysis dockerNode;

  @BeforeAll
  static void analyze() {
    dockerNode = RuleInputs.sample("docker-node.tar.gz");
  }

  @Test
  void evaluate_appContainerRunningAsUid0_raisesLowCitingTheUserColumn() {
    assertThat(RULE.evaluate(RuleInputs.context(dockerNode))).contains(new Finding("runs-as-root", Severity.LOW,
        "e4d9a0d9758e", "Container sidecar of pod web-7d4b9c6f5-x2k4q runs 2 of its 2 processes as root (uid 0), "
        + "starting with 'sh -c while :; do sleep 1000000; done'.",
        List.of(ref("ps/table.txt", 71), ref("ps/table.txt", 72))));
  }

  @Test
  void evaluate_pauseAsRootInSandbox_raisesNothing() {
    var sandbox = dockerNode.node().containers().stream().filter(c -> c.shortId().equals("a82680b83a74"))
        .findFirst().orElseThrow();
    assertThat(sandbox.role()).isEqualTo(Role.SANDBOX);
    assertThat(dockerNode.node().processesOf(sandbox)).allSatisfy(p -> assertThat(p.runsAsRoot()).isTrue());
    assertThat(RULE.evaluate(RuleInputs.context(dockerNode))).noneMatch(f -> f.subject().equals("a82680b83a74"));
  }

  @Test
  void evaluate_appContainerRunningAsUid1000_raisesNothing() {
    assertThat(RULE.evaluate(RuleInputs.context(dockerNode))).noneMatch(f -> f.subject().equals("e90017368161"));
  }
}
