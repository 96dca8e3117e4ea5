package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** zombie-process: STAT Z in the collector's ps table, like the lingering shim of FORMATS.md §12. */
class ZombieProcessRuleTest {
  private static final ZombieProcessRule RULE = new ZombieProcessRule();

  @Test
  void evaluate_defunctShimOnTheHost_raisesLowForItAlone() {
    // The table also holds S, Ss, Sl, Ssl and D rows; only the Z row is a zombie.
    assertThat(RuleInputs.evaluate(RULE, "exec-zombie-dstate")).containsExactly(new Finding("zombie-process",
        Severity.LOW, "node", "Process 32400 '[containerd-shim] <defunct>' on the host is a zombie: it exited and "
        + "its parent has not reaped it.", List.of(ref("ps/table.txt", 15))));
  }

  @Test
  void evaluate_listingWithoutZombies_raisesNothing() {
    assertThat(RuleInputs.evaluate(RULE, "shim-mismatch")).isEmpty();
  }
}
