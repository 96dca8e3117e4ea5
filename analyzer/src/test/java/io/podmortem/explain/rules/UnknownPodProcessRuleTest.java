package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.explain.Analysis;
import io.podmortem.model.Finding;
import io.podmortem.model.ProcessKind;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** unknown-pod-process: a process whose /proc/<pid>/cgroup is a pod's but no listed container's. */
class UnknownPodProcessRuleTest {
  private static final UnknownPodProcessRule RULE = new UnknownPodProcessRule();

  @Test
  void evaluate_processInThePodCgroupItself_raisesHigh() {
    assertThat(RuleInputs.evaluate(RULE, "stray-in-pod-cgroup")).containsExactly(new Finding("unknown-pod-process",
        Severity.HIGH, "node", "Process 33100 'nc -l -p 4444 -e /bin/sh' sits in the pod cgroup "
        + "/kubepods/burstable/pod3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70 but belongs to no container the runtime "
        + "lists.", List.of(ref("proc/cgroup.txt", 60))));
  }

  @Test
  void evaluate_conmonInThePodSlice_raisesNothing() {
    Analysis crio = RuleInputs.sample("crio-cgv2");
    assertThat(crio.node().processes()).anySatisfy(p -> {
      assertThat(p.kind()).isEqualTo(ProcessKind.SHIM);
      assertThat(p.command()).startsWith("/usr/bin/conmon ");
      assertThat(p.cgroup()).contains("kubepods");
    });
    assertThat(RULE.evaluate(RuleInputs.context(crio))).isEmpty();
  }
}
