package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.explain.Analysis;
import io.podmortem.explain.EolTable;
import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** base-os-end-of-life: the container's os-release against eol.json on the snapshot date. */
class EndOfLifeOsRuleTest {
  private static final EndOfLifeOsRule RULE = new EndOfLifeOsRule(EolTable.load());
  private static Analysis udon;

  @BeforeAll
  static void analyze() {
    udon = RuleInputs.sample("udon");
  }

  private static final Finding UBUNTU_UNDATED = new Finding("base-os-end-of-life", Severity.LOW, "7cbb177bee18",
      "Base OS Ubuntu 16.04.2 LTS: Ubuntu 16.04 reached its end of life on 2021-04-30 (ESM to 2026-04) (eol.json, "
      + "from endoflife.date). The bundle holds no collection date, so whether it was already past then cannot be "
      + "told; on any day after 2021-04-30 it is.", List.of(ref("rootfs-transcript.txt", 26)));

  @Test
  void evaluate_noSnapshotDate_raisesLowSayingItCannotTell() {
    assertThat(RULE.evaluate(RuleInputs.context(udon))).contains(UBUNTU_UNDATED);
  }

  @Test
  void evaluate_snapshotAfterEndOfLife_raisesMedium() {
    assertThat(RULE.evaluate(RuleInputs.context(udon, LocalDate.of(2023, 1, 15)))).containsExactly(
        new Finding("base-os-end-of-life", Severity.MEDIUM, "7cbb177bee18", "Base OS Ubuntu 16.04.2 LTS: Ubuntu "
            + "16.04 reached its end of life on 2021-04-30 (ESM to 2026-04) (eol.json, from endoflife.date). The "
            + "snapshot was taken on 2023-01-15, after that: the image gets no security fixes.",
            List.of(ref("rootfs-transcript.txt", 26))),
        new Finding("base-os-end-of-life", Severity.MEDIUM, "d5fa78fa31f1", "Base OS Alpine Linux v3.13: Alpine "
            + "Linux 3.13 reached its end of life on 2022-11-01 (eol.json, from endoflife.date). The snapshot was "
            + "taken on 2023-01-15, after that: the image gets no security fixes.",
            List.of(ref("rootfs-transcript.txt", 28))));
  }

  @Test
  void evaluate_snapshotBeforeEndOfLife_raisesNothing() {
    assertThat(RULE.evaluate(RuleInputs.context(udon, LocalDate.of(2020, 6, 1)))).isEmpty();
  }
}
