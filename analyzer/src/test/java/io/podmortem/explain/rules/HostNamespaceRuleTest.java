package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** host-namespace: PidMode, NetworkMode and IpcMode "host" in docker inspect; hostNetwork in crictl inspectp. */
class HostNamespaceRuleTest {
  private static final HostNamespaceRule RULE = new HostNamespaceRule();

  @Test
  void evaluate_hostPidAndHostNetwork_raisesOneHighFindingNamingBoth() {
    assertThat(RuleInputs.evaluate(RULE, "docker-host-escape")).containsExactly(new Finding("host-namespace",
        Severity.HIGH, "b4d7231e2dae", "Container pm-plain shares the node's PID and network namespaces.",
        List.of(ref("docker/inspect.json", 391))));
  }

  @Test
  void evaluate_hostIpcOnly_raisesMedium() {
    assertThat(RuleInputs.evaluate(RULE, "docker-near-misses")).containsExactly(new Finding("host-namespace",
        Severity.MEDIUM, "b4d7231e2dae", "Container pm-plain shares the node's IPC namespace.",
        List.of(ref("docker/inspect.json", 391))));
  }

  @Test
  void evaluate_networkAndIpcOfTheSandboxContainer_raisesNothing() {
    // The worker's NetworkMode and IpcMode are "container:<sandbox id>": shared with its pod, not with the node.
    assertThat(RuleInputs.evaluate(RULE, "docker-oom-killed")).isEmpty();
  }

  @Test
  void evaluate_crioSandboxWithHostNetwork_raisesMediumCitingInspectp() {
    assertThat(RuleInputs.findings(RuleInputs.sample("crio-cgv2"), "host-namespace"))
        .contains(new Finding("host-namespace", Severity.MEDIUM, "be0e9aa3fcae", "Container POD of pod "
            + "openshift-dns/node-resolver-s7km2 shares the node's network namespace.", List.of(ref("cri/inspectp/"
            + "be0e9aa3fcae1fffdacf07dafa5df0d997fcc015df8936155ef4c955329c9006.json", 1))));
  }
}
