package io.podmortem.explain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.explain.Analysis;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Process;
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

  /** The sample's container of that name; IDs change each time the sample is collected again. */
  private static Container named(String name) {
    return dockerNode.node().containers().stream().filter(c -> c.name().startsWith(name)).findFirst()
        .orElseThrow();
  }

  @Test
  void evaluate_appContainerRunningAsUid0_raisesLowCitingTheUserColumn() {
    Container sidecar = named("k8s_sidecar_");
    List<Process> ps = dockerNode.node().processesOf(sidecar);
    assertThat(RULE.evaluate(RuleInputs.context(dockerNode))).contains(new Finding("runs-as-root", Severity.LOW,
        sidecar.shortId(), "Container sidecar of pod shop/web-7d4b9c6f5-x2k4q runs 2 of its 2 processes as root "
        + "(uid 0), starting with 'sh -c while :; do sleep 1000000; done'.",
        List.of(ps.get(0).evidence().of("user").get(0), ps.get(1).evidence().of("user").get(0))));
    assertThat(ps.get(0).evidence().of("user").get(0).entry()).isEqualTo("ps/table.txt");
  }

  @Test
  void evaluate_pauseAsRootInSandbox_raisesNothing() {
    Container sandbox = named("k8s_POD_web-");
    assertThat(sandbox.role()).isEqualTo(Role.SANDBOX);
    assertThat(dockerNode.node().processesOf(sandbox)).allSatisfy(p -> assertThat(p.runsAsRoot()).isTrue());
    assertThat(RULE.evaluate(RuleInputs.context(dockerNode))).noneMatch(f -> f.subject().equals(sandbox.shortId()));
  }

  @Test
  void evaluate_appContainerRunningAsUid1000_raisesNothing() {
    Container api = named("k8s_api_");
    assertThat(dockerNode.node().processesOf(api)).allSatisfy(p -> assertThat(p.user()).isEqualTo("1000"));
    assertThat(RULE.evaluate(RuleInputs.context(dockerNode))).noneMatch(f -> f.subject().equals(api.shortId()));
  }
}
