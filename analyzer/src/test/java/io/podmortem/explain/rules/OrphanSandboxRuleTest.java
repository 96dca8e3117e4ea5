package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** orphan-sandbox: docker inspect holds a pod's sandbox; kubectl get pods does not list the pod. */
class OrphanSandboxRuleTest {
  private static final OrphanSandboxRule RULE = new OrphanSandboxRule();

  @Test
  void evaluate_sandboxOfAPodKubectlDoesNotList_raisesMedium() {
    assertThat(RuleInputs.evaluate(RULE, "orphan-sandbox")).containsExactly(new Finding("orphan-sandbox",
        Severity.MEDIUM, "3e7043cc2563", "The runtime holds the sandbox of pod shop/web-7d4b9c6f5-x2k4q, which the "
        + "API does not list: kubelet did not clean it up after the pod was deleted, or it was created outside "
        + "kubelet.", List.of(ref("docker/inspect.json", 2))));
  }

  @Test
  void evaluate_sandboxOfAListedPod_raisesNothing() {
    assertThat(RuleInputs.evaluate(RULE, "orphan-sandbox-known")).isEmpty();
  }

  @Test
  void evaluate_bundleWithoutKubectl_raisesNothing() {
    // The same docker inspect without any kubectl output: the API's view is unknown, not empty.
    assertThat(RuleInputs.evaluate(RULE, "docker-host-escape")).isEmpty();
  }
}
