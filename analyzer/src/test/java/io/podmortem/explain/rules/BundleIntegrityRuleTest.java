package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bundle-integrity: each output's bytes against the sha256 the collector's manifest recorded for it. */
class BundleIntegrityRuleTest {
  private static final BundleIntegrityRule RULE = new BundleIntegrityRule();

  @Test
  void evaluate_outputEditedAfterCollection_raisesHighWithBothDigests(@TempDir Path dir) throws IOException {
    CollectorBundles.write(dir);
    Path ps = dir.resolve("ps/table.txt");
    String expected = RuleInputs.sha256(Files.readAllBytes(ps));
    // One digit of the exec'd sh's PID changed after collection.
    Files.writeString(ps, Files.readString(ps).replace("33012 31915", "33013 31915"));
    String actual = RuleInputs.sha256(Files.readAllBytes(ps));

    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.analyze(dir)))).containsExactly(new Finding(
        "bundle-integrity", Severity.HIGH, "ps/table.txt", "ps/table.txt does not match the manifest: sha256 "
        + actual + " where the collector recorded " + expected + ". It was changed after collection; treat what it "
        + "shows as unverified.", List.of(ref("manifest.json", 1), ref("ps/table.txt", 0))));
  }

  @Test
  void evaluate_listedOutputMissing_raisesHighSayingItIsNotWhole(@TempDir Path dir) throws IOException {
    CollectorBundles.write(dir);
    Files.delete(dir.resolve("host/hostname.txt"));
    String expected = RuleInputs.sha256(CollectorBundles.HOSTNAME.getBytes(StandardCharsets.UTF_8));

    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.analyze(dir)))).containsExactly(new Finding(
        "bundle-integrity", Severity.HIGH, "host/hostname.txt", "The manifest lists host/hostname.txt with sha256 "
        + expected + ", but the bundle does not hold it whole: it was removed, cut by a limit, or the archive broke "
        + "off.", List.of(ref("host/hostname.txt", 0), ref("manifest.json", 1))));
  }

  @Test
  void evaluate_everyOutputMatches_raisesNothing(@TempDir Path dir) {
    CollectorBundles.write(dir);
    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.analyze(dir)))).isEmpty();
  }

  @Test
  void evaluate_handCapturedOutputsWithoutManifest_raisesNothing() {
    assertThat(RuleInputs.evaluate(RULE, "exec-zombie-dstate")).isEmpty();
  }
}
