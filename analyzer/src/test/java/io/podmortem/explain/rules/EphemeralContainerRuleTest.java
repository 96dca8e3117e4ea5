package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ephemeral-container: a container kubectl's JSON lists under ephemeralContainerStatuses. */
class EphemeralContainerRuleTest {
  private static final EphemeralContainerRule RULE = new EphemeralContainerRule();

  @Test
  void evaluate_kubectlDebugContainer_raisesMediumCitingItsStatus() {
    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.sample("containerd-cgv2")))).containsExactly(new Finding(
        "ephemeral-container", Severity.MEDIUM, "31103d9f2133", "Someone ran kubectl debug against pod "
        + "coredns-7c65d6cfc9-rf9dk: the ephemeral container debugger-5s9hk (image docker.io/library/busybox:1.36) "
        + "shares its namespaces and can see its processes.", List.of(ref("kube/pods.json", 568))));
  }

  @Test
  void evaluate_appAndInitContainersOnly_raiseNothing() {
    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.sample("crio-cgv2")))).isEmpty();
  }
}
