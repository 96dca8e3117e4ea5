package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** privileged-container: a container started with --privileged, read from docker inspect and crictl inspect. */
class PrivilegedContainerRuleTest {
  private static final PrivilegedContainerRule RULE = new PrivilegedContainerRule();

  @Test
  void evaluate_dockerContainerWithPrivilegedTrue_raisesHighCitingItsInspectObject() {
    assertThat(RuleInputs.evaluate(RULE, "docker-host-escape")).containsExactly(new Finding("privileged-container",
        Severity.HIGH, "b4d7231e2dae", "Container pm-plain runs privileged: it has every capability and the node's "
        + "devices, so root inside it is root on the node.", List.of(ref("docker/inspect.json", 391))));
  }

  @Test
  void evaluate_crioContainerPrivilegedInCrictlInspect_namesContainerAndPod() {
    assertThat(RuleInputs.findings(RuleInputs.sample("crio-cgv2"), "privileged-container"))
        .hasSize(6)
        .contains(new Finding("privileged-container", Severity.HIGH, "7653a5b28945", "Container dns-node-resolver of "
            + "pod openshift-dns/node-resolver-s7km2 runs privileged: it has every capability and the node's devices, "
            + "so root inside it is root on the node.", List.of(ref("cri/inspect/"
            + "7653a5b289453787a744bae1b0f2355b61ea071785dbab7d1572968266cafb85.json", 1))));
  }

  @Test
  void evaluate_hostIpcAndAddedCapabilityButNotPrivileged_raisesNothing() {
    // The near-miss container shares the host's IPC and adds a capability: other rules flag it, this one must not.
    assertThat(RuleInputs.evaluate(RULE, "docker-near-misses")).isEmpty();
  }
}
