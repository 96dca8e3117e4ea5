package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** container-without-shim: docker ps says Up but no shim in ps holds the container. */
class ContainerWithoutShimRuleTest {
  private static final ContainerWithoutShimRule RULE = new ContainerWithoutShimRule();

  @Test
  void evaluate_upContainerWithoutShim_raisesMediumAndExitedOneIsLeftOut() {
    // e1309234e67c has no shim either, but docker ps shows it Exited (0).
    assertThat(RuleInputs.evaluate(RULE, "shim-mismatch")).containsExactly(new Finding("container-without-shim",
        Severity.MEDIUM, "dae6e2f7ef7b", "Container POD of pod shop/api-6c9f7d8b4-lm2np is running according to the "
        + "runtime, but no shim in the process listing holds it.", List.of(ref("docker/ps.txt", 3))));
  }

  @Test
  void evaluate_containerdAppContainersShareThePodShim_raiseNothing() {
    assertThat(RuleInputs.findings(RuleInputs.sample("containerd-cgv2"), "container-without-shim")).isEmpty();
  }

  @Test
  void evaluate_noShimInTheBundle_raisesNothing() {
    assertThat(RuleInputs.evaluate(RULE, "docker-ps-only")).isEmpty();
  }

  /**
   * A crictl list says only "cri" of the runtime; the pod's shim, named after the sandbox in systemd-cgls, holds the
   * app containers all the same.
   */
  @Test
  void evaluate_crictlListContainersUnderTheirPodsShim_raiseNothing() {
    var bundle = java.nio.file.Path.of("src/test/resources/nodes/containerd-three-nodes");
    var analysis = new io.podmortem.cli.Analyzer(io.podmortem.bundle.Limits.defaults()).analyze(bundle);

    assertThat(RULE.evaluate(RuleInputs.context(analysis))).isEmpty();
    assertThat(analysis.node().containers()).filteredOn(c -> c.shortId().equals("b094edff3d8d"))
        .singleElement().extracting(io.podmortem.model.Container::runtime).isEqualTo("containerd");
  }
}
