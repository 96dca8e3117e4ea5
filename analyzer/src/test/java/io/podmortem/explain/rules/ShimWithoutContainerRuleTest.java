package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** shim-without-container: a shim in ps whose -id the runtime's docker ps does not list. */
class ShimWithoutContainerRuleTest {
  private static final ShimWithoutContainerRule RULE = new ShimWithoutContainerRule();

  @Test
  void evaluate_shimOfAContainerDockerPsDropped_raisesMediumCitingTheShimRow() {
    assertThat(RuleInputs.evaluate(RULE, "shim-mismatch")).containsExactly(new Finding("shim-without-container",
        Severity.MEDIUM, "e90017368161", "A runtime shim (pid 332) holds container e90017368161, which the runtime "
        + "does not list: a leftover of a killed container, or one started behind the runtime's back.",
        List.of(ref("ps/table.txt", 4))));
  }

  @Test
  void evaluate_shimsWithoutAnyRuntimeListing_raisesNothing() {
    // Without docker ps or inspect there is nothing to hold the shims against.
    assertThat(RuleInputs.evaluate(RULE, "exec-zombie-dstate")).isEmpty();
  }
}
