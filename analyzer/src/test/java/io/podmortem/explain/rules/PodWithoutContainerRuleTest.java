package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pod-without-container: a pod kubectl lists that no container of the node belongs to. */
class PodWithoutContainerRuleTest {
  private static final PodWithoutContainerRule RULE = new PodWithoutContainerRule();

  @Test
  void evaluate_runningPodWithNoContainerOnTheNode_raisesMedium() {
    var bundle = java.nio.file.Path.of("src/test/resources/nodes/containerd-three-nodes");
    var analysis = new io.podmortem.cli.Analyzer(io.podmortem.bundle.Limits.defaults()).analyze(bundle);
    assertThat(RULE.evaluate(RuleInputs.context(analysis))).containsExactly(new Finding("pod-without-container",
        Severity.MEDIUM, "default/cache-0", "Pod default/cache-0 is ContainerCreating according to kubectl, on this "
        + "node (worker-2), but the node has no container for it.", List.of(ref("kubectl-wide.txt", 3))));
  }

  /** A kubectl table alone does not show what the node holds: no pod is blamed for lacking a container. */
  @Test
  void evaluate_kubectlTableWithoutAnyRuntimeListing_raisesNothing() {
    assertThat(RuleInputs.evaluate(RULE, "kubectl-only")).isEmpty();
  }

  @Test
  void evaluate_completedJobPod_raisesInfoNotMedium() {
    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.sample("udon")))).contains(new Finding(
        "pod-without-container", Severity.INFO, "ingress-nginx/ingress-nginx-admission-create-8jgkt", "Pod "
        + "ingress-nginx/ingress-nginx-admission-create-8jgkt is Completed and has no running container: it ran to "
        + "its end, as a Job's pod does, and its containers were removed or not listed (docker ps shows only running "
        + "ones).", List.of(ref("kubectl-get-pods.txt", 4))));
  }

  @Test
  void evaluate_podsWhoseContainersTheNodeHolds_raiseNothing() {
    // The same kubectl table beside udon's docker ps: only the two finished admission pods are left.
    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.sample("udon")))).extracting(Finding::severity,
        Finding::subject).containsExactly(
            org.assertj.core.groups.Tuple.tuple(Severity.INFO, "ingress-nginx/ingress-nginx-admission-create-8jgkt"),
            org.assertj.core.groups.Tuple.tuple(Severity.INFO, "ingress-nginx/ingress-nginx-admission-patch-jdq4t"));
  }
}
