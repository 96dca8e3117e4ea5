package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sources-disagree: ps and systemd-cgls show one process with different command lines. */
class SourcesDisagreeRuleTest {
  private static final SourcesDisagreeRule RULE = new SourcesDisagreeRule();

  @Test
  void evaluate_udonPsAndCglsDifferInAnAddress_raisesLowQuotingTheFirstDifferingWord() {
    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.sample("udon")))).contains(new Finding("sources-disagree",
        Severity.LOW, "89f35bf7a825", "The command differs: ps-faxno.txt:123 has '--advertise-address=192.168.53.147' "
        + "where systemd-cgls.txt:82 has '--advertise-address=192.168.33.147'. The outputs were taken at different "
        + "times, or one was edited by hand.", List.of(ref("ps-faxno.txt", 123), ref("systemd-cgls.txt", 82))));
  }

  @Test
  void evaluate_psAndCglsOfOneCollection_raiseNothing() {
    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.sample("docker-node.tar.gz")))).isEmpty();
  }
}
