package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drift: what a container's upper dir listing (rootfs/upper/<id>.txt) shows it wrote. */
class DriftRuleTest {
  private static final DriftRule RULE = new DriftRule();
  private static final String LEDGER_UPPER =
      "rootfs/upper/a2f5cd6829c5d0effd35c98919fc613860ea4bd4a9e663f06585e91d0261b7e5.txt";

  @Test
  void evaluate_changedConfigUnderEtc_raisesMedium() {
    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.sample("containerd-cgv2")))).contains(new Finding("drift",
        Severity.MEDIUM, "a2f5cd6829c5", "Container nginx of pod payments/ledger-6d8f9b7c54-p2cp8 changed a file "
        + "/etc/nginx/conf.d/default.conf (mode 644, uid 0, 1118 bytes) since it started.",
        List.of(ref(LEDGER_UPPER, 4))));
  }

  @Test
  void evaluate_setuidFileAddedInTmp_raisesHigh(@TempDir Path dir) {
    Path bundle = RuleInputs.copyEditing("containerd-cgv2", dir, LEDGER_UPPER,
        listing -> listing + "f 4755 0 0 18744 1794727100.0000000000\ttmp/.x/su-helper\t\n");
    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.analyze(bundle)))).contains(new Finding("drift",
        Severity.HIGH, "a2f5cd6829c5", "Container nginx of pod payments/ledger-6d8f9b7c54-p2cp8 added a "
        + "setuid/setgid file /tmp/.x/su-helper (mode 4755, uid 0, 18744 bytes) since it started.",
        List.of(ref(LEDGER_UPPER, 17))));
  }

  @Test
  void evaluate_manyMediumChanges_oneFindingNamesTheFirstAndCountsTheRest(@TempDir Path dir) {
    StringBuilder added = new StringBuilder();
    for (int i = 0; i < DriftRule.MAX_NAMED + 3; i++) {
      added.append("f 600 0 0 ").append(i).append(" 1794727100.0000000000\ttmp/t-").append(i).append(".tmp\t\n");
    }
    Path bundle = RuleInputs.copyEditing("containerd-cgv2", dir, LEDGER_UPPER, listing -> listing + added);
    List<Finding> medium = RULE.evaluate(RuleInputs.context(RuleInputs.analyze(bundle))).stream()
        .filter(f -> f.subject().equals("a2f5cd6829c5") && f.severity() == Severity.MEDIUM).toList();
    // The edited config and the eleven temp files: one finding, which names eight and cites the eight it names.
    assertThat(medium).hasSize(1);
    Finding f = medium.get(0);
    assertThat(f.message()).startsWith("Container nginx of pod payments/ledger-6d8f9b7c54-p2cp8 made 12 notable "
        + "changes since it started: ").contains("changed a file /etc/nginx/conf.d/default.conf (mode 644, uid 0, "
        + "1118 bytes); ").endsWith("; and 4 more in its drift table.");
    assertThat(f.message().split("; ")).hasSize(DriftRule.MAX_NAMED + 1);
    assertThat(f.evidence()).hasSize(DriftRule.MAX_NAMED).allSatisfy(r -> assertThat(r.entry()).isEqualTo(LEDGER_UPPER));
  }

  @Test
  void evaluate_moreNotableChangesThanKept_saysHowManyInAll(@TempDir Path dir) {
    StringBuilder added = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      added.append("f 600 0 0 1 1794727100.0000000000\ttmp/t-").append(i).append(".tmp\t\n");
    }
    Path bundle = RuleInputs.copyEditing("containerd-cgv2", dir, LEDGER_UPPER, listing -> listing + added);
    Finding f = RULE.evaluate(RuleInputs.context(RuleInputs.analyze(bundle))).stream()
        .filter(x -> x.subject().equals("a2f5cd6829c5") && x.severity() == Severity.MEDIUM).findFirst().orElseThrow();
    // The config under /etc and 150 temp files: 151 notable changes, of which the builder keeps 100.
    assertThat(f.message()).contains(" made 100 notable changes since it started: ")
        .endsWith("; and 92 more in its drift table. The upper dir holds 151 notable changes in all; the report "
            + "lists the first 100.");
  }

  @Test
  void evaluate_foldersAndAPidFile_raiseNothing() {
    // crio's storefront upper holds the tmp folder and the hidden folder .npm: folders alone are not notable.
    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.sample("crio-cgv2"))))
        .extracting(Finding::message)
        .containsExactly("Container web of pod shop/storefront-hsm8r6x7sk-fqqkq added a file "
            + "/tmp/storefront-cache.json (mode 644, uid 1000650000, 40960 bytes) since it started.");
  }
}
