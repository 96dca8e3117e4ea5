package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** oom-killed: State.OOMKilled of docker inspect. */
class OomKilledRuleTest {
  private static final OomKilledRule RULE = new OomKilledRule();

  @Test
  void evaluate_exitedContainerOomKilled_raisesMediumWithFinishTime() {
    assertThat(RuleInputs.evaluate(RULE, "docker-oom-killed")).containsExactly(new Finding("oom-killed",
        Severity.MEDIUM, "6d8cd5383c88", "Container worker of pod batch/worker-5f6d8b7c9-abcde was OOM-killed at "
        + "2026-11-26T22:45:07.436723339Z: its memory limit is too low for it, or it leaks.",
        List.of(ref("docker/inspect.json", 201))));
  }

  @Test
  void evaluate_exitCode137WithoutOomKilled_raisesNothing() {
    // 137 is SIGKILL: kubelet, a user or the kernel outside a memory cgroup may have sent it.
    var ctx = RuleInputs.context("docker-near-misses");
    assertThat(ctx.node().containers()).anySatisfy(c -> assertThat(c.state().exitCode()).isEqualTo(137));
    assertThat(RULE.evaluate(ctx)).isEmpty();
  }
}
