package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.ProcessKind;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** uninterruptible-process: STAT D of a user process; kernel threads in D are normal. */
class UninterruptibleProcessRuleTest {
  private static final UninterruptibleProcessRule RULE = new UninterruptibleProcessRule();

  @Test
  void evaluate_userProcessInD_raisesMediumAndKernelThreadInDIsLeftOut() {
    var ctx = RuleInputs.context("exec-zombie-dstate");
    assertThat(ctx.node().processes()).anySatisfy(p -> {
      assertThat(p.command()).isEqualTo("[jbd2/vda1-8]");
      assertThat(p.state()).isEqualTo("D");
      assertThat(p.kind()).isEqualTo(ProcessKind.KERNEL_THREAD);
    });
    assertThat(RULE.evaluate(ctx)).containsExactly(new Finding("uninterruptible-process", Severity.MEDIUM, "node",
        "Process 9120 'du -sh /mnt/nfs/backups' on the host is in uninterruptible sleep (D): it waits on I/O, often "
        + "a hung disk or network filesystem, and cannot be killed until that returns.",
        List.of(ref("ps/table.txt", 7))));
  }

  @Test
  void evaluate_noProcessInD_raisesNothing() {
    assertThat(RuleInputs.evaluate(RULE, "stray-in-pod-cgroup")).isEmpty();
  }
}
