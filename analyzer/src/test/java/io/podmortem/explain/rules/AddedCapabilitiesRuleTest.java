package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** added-capabilities: HostConfig.CapAdd of docker inspect. */
class AddedCapabilitiesRuleTest {
  private static final AddedCapabilitiesRule RULE = new AddedCapabilitiesRule();

  @Test
  void evaluate_sysAdminAmongAddedCapabilities_raisesHighWithCapabilitiesSorted() {
    assertThat(RuleInputs.evaluate(RULE, "docker-host-escape")).containsExactly(new Finding("added-capabilities",
        Severity.HIGH, "b4d7231e2dae", "Container pm-plain adds capabilities NET_ADMIN, SYS_ADMIN, some of which "
        + "reach beyond the container to the node.", List.of(ref("docker/inspect.json", 391))));
  }

  @Test
  void evaluate_onlyNetBindServiceWithCapPrefix_raisesMediumWithPrefixDropped() {
    assertThat(RuleInputs.evaluate(RULE, "docker-near-misses")).containsExactly(new Finding("added-capabilities",
        Severity.MEDIUM, "b4d7231e2dae", "Container pm-plain adds capabilities NET_BIND_SERVICE.",
        List.of(ref("docker/inspect.json", 391))));
  }

  @Test
  void evaluate_capAddNull_raisesNothing() {
    assertThat(RuleInputs.evaluate(RULE, "docker-oom-killed")).isEmpty();
  }
}
