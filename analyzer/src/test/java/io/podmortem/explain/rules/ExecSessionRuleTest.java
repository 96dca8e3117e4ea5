package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * exec-session: a second child of a container's shim, beside its init (FORMATS.md §12). In the scenario, shim
 * 31915 has the init httpd and an exec'd sh; shim 32020 has one child whose own child is a sleep; shim 384 has one
 * child.
 */
class ExecSessionRuleTest {
  private static final ExecSessionRule RULE = new ExecSessionRule();

  @Test
  void evaluate_twoShimChildren_raisesMediumForTheOneThatIsNotTheInit() {
    assertThat(RuleInputs.evaluate(RULE, "exec-zombie-dstate")).containsExactly(new Finding("exec-session",
        Severity.MEDIUM, "f456eb3e8233", "Someone ran a command inside container f456eb3e8233: 33012 'sh', started "
        + "2026-11-26T22:53:40, runs beside its init as a child of the runtime's shim, the way docker exec, kubectl "
        + "exec and crictl exec start them.", List.of(ref("ps/table.txt", 16))));
  }

  @Test
  void evaluate_oneShimChildOrChildOfTheInit_raisesNothing() {
    // shim-mismatch holds shims 332, 384 and 31915 with one child each.
    assertThat(RuleInputs.evaluate(RULE, "shim-mismatch")).isEmpty();
    // In exec-zombie-dstate, the sleep below 'sh -c while …' (container e4d9a0d9758e) is a child of the init.
    assertThat(RuleInputs.evaluate(RULE, "exec-zombie-dstate")).noneMatch(f -> f.subject().equals("e4d9a0d9758e")
        || f.subject().equals("f4d60b802f16"));
  }
}
