package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sensitive-host-mount: HostConfig.Binds of docker inspect that hand the node to the container. */
class SensitiveMountRuleTest {
  private static final SensitiveMountRule RULE = new SensitiveMountRule();

  @Test
  void evaluate_dockerSocketAndReadOnlyEtc_socketIsHighAndReadOnlyEtcMedium() {
    assertThat(RuleInputs.evaluate(RULE, "docker-host-escape")).containsExactly(
        new Finding("sensitive-host-mount", Severity.HIGH, "b4d7231e2dae", "Container pm-plain mounts the node's "
            + "/var/run/docker.sock (/var/run/docker.sock:/var/run/docker.sock): through the runtime's socket it can "
            + "start a privileged container and so own the node.", List.of(ref("docker/inspect.json", 391))),
        new Finding("sensitive-host-mount", Severity.MEDIUM, "b4d7231e2dae", "Container pm-plain mounts the node's "
            + "/etc read-only (/etc:/host/etc:ro).", List.of(ref("docker/inspect.json", 391))));
  }

  @Test
  void evaluate_subfoldersOfSensitivePaths_raiseNothing() {
    // /etc/ssl/certs and /var/log/app are below /etc and /var, not /etc or /var/run themselves.
    assertThat(RuleInputs.evaluate(RULE, "docker-near-misses")).isEmpty();
  }

  @Test
  void evaluate_readOnlySocket_staysHigh() {
    assertThat(RuleInputs.evaluate(RULE, "docker-mount-options")).contains(new Finding("sensitive-host-mount",
        Severity.HIGH, "b4d7231e2dae", "Container pm-plain mounts the node's /var/run/docker.sock read-only "
        + "(/var/run/docker.sock:/var/run/docker.sock:ro): through the runtime's socket it can start a privileged "
        + "container and so own the node.", List.of(ref("docker/inspect.json", 391))));
  }

  @Test
  void evaluate_readOnlyAfterPropagationOption_isMediumReadOnly() {
    assertThat(RuleInputs.evaluate(RULE, "docker-mount-options")).contains(new Finding("sensitive-host-mount",
        Severity.MEDIUM, "b4d7231e2dae", "Container pm-plain mounts the node's /etc read-only "
        + "(/etc:/host/etc:rslave,ro).", List.of(ref("docker/inspect.json", 391))));
  }

  @Test
  void hostPath_bindWithModeAndTrailingSlash_givesTheHostPathAlone() {
    assertThat(SensitiveMountRule.hostPath("/var/run/docker.sock:/var/run/docker.sock:ro"))
        .isEqualTo("/var/run/docker.sock");
    assertThat(SensitiveMountRule.hostPath("/etc/:/host/etc")).isEqualTo("/etc");
    assertThat(SensitiveMountRule.hostPath("/:/host:ro")).isEqualTo("/");
  }
}
