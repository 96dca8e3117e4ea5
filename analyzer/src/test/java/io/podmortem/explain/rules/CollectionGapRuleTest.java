package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** collection-gap: manifest commands with status timeout or failed; skipped ones are expected, not flagged. */
class CollectionGapRuleTest {
  private static final CollectionGapRule RULE = new CollectionGapRule();
  private static final String TIMEOUT = "{\"name\":\"cri-pods\",\"argv\":[\"crictl\",\"pods\",\"-o\",\"json\"],"
      + "\"status\":\"timeout\",\"exitCode\":124,\"durationMs\":30000,\"output\":\"cri/pods.json\",\"sha256\":null,"
      + "\"stderr\":null}";
  private static final String FAILED = "{\"name\":\"kube-pods\",\"argv\":[\"kubectl\",\"--kubeconfig\","
      + "\"/etc/kubernetes/admin.conf\",\"get\",\"pods\",\"-A\",\"-o\",\"json\"],\"status\":\"failed\",\"exitCode\":1,"
      + "\"durationMs\":420,\"output\":null,\"sha256\":null,\"stderr\":\"stderr/kube-pods.txt\"}";
  private static final String SKIPPED = "{\"name\":\"docker-ps\",\"argv\":[\"docker\",\"ps\",\"-a\",\"--no-trunc\"],"
      + "\"status\":\"skipped\",\"exitCode\":null,\"durationMs\":0,\"output\":null,\"sha256\":null,\"stderr\":null,"
      + "\"reason\":\"docker not found\"}";

  @Test
  void evaluate_timedOutCommand_raisesMediumSayingWhatTheReportMayLack(@TempDir Path dir) {
    CollectorBundles.write(dir, TIMEOUT);
    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.analyze(dir)))).containsExactly(new Finding(
        "collection-gap", Severity.MEDIUM, "cri-pods", "The collector's 'crictl pods -o json' timed out: the report "
        + "may lack the CRI runtime's view of pods and containers.", List.of(ref("manifest.json", 1))));
  }

  @Test
  void evaluate_failedCommandWithStderr_raisesLowWithExitCodeAndStderrEntry(@TempDir Path dir) throws IOException {
    CollectorBundles.write(dir, FAILED);
    CollectorBundles.put(dir, "stderr/kube-pods.txt",
        "error: You must be logged in to the server (Unauthorized)\n".getBytes(StandardCharsets.UTF_8));
    assertThat(RULE.evaluate(RuleInputs.context(RuleInputs.analyze(dir)))).containsExactly(new Finding(
        "collection-gap", Severity.LOW, "kube-pods", "The collector's 'kubectl --kubeconfig /etc/kubernetes/admin.conf "
        + "get pods -A -o json' failed with exit code 1. Its stderr is in stderr/kube-pods.txt.",
        List.of(ref("manifest.json", 1))));
  }

  @Test
  void evaluate_skippedCommand_raisesNothing(@TempDir Path dir) {
    CollectorBundles.write(dir, SKIPPED);
    var ctx = RuleInputs.context(RuleInputs.analyze(dir));
    assertThat(ctx.node().collection().commands()).anySatisfy(c -> assertThat(c.status()).isEqualTo("skipped"));
    assertThat(RULE.evaluate(ctx)).isEmpty();
  }
}
