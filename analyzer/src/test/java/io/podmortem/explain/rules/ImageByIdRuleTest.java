package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.explain.Analysis;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** image-by-id: docker ps shows only an image ID; the knowledge base may say what the command reveals. */
class ImageByIdRuleTest {
  private static final ImageByIdRule RULE = new ImageByIdRule();
  private static Analysis udon;

  @BeforeAll
  static void analyze() {
    udon = RuleInputs.sample("udon");
  }

  @Test
  void evaluate_imageIdWithKnownCommand_raisesInfoWithWhatTheCommandReveals() {
    assertThat(RULE.evaluate(RuleInputs.context(udon))).contains(new Finding("image-by-id", Severity.INFO,
        "4a30785f9187", "The image is shown only by its ID 296a6d5035e2, not by name: it was pulled by digest or its "
        + "tag has since moved. Its command '/coredns -conf /etc/coredns/Corefile' reveals CoreDNS.",
        List.of(ref("docker-ps.txt", 7))));
  }

  @Test
  void evaluate_withoutExplanations_raisesTheFindingWithoutTheReveal() {
    var found = RULE.evaluate(new RuleContext(udon.node(), null, Map.of()));
    assertThat(found).contains(new Finding("image-by-id", Severity.INFO, "4a30785f9187", "The image is shown only "
        + "by its ID 296a6d5035e2, not by name: it was pulled by digest or its tag has since moved.",
        List.of(ref("docker-ps.txt", 7))));
  }

  @Test
  void evaluate_imagesShownByName_raiseNothing() {
    // udon's sandboxes run k8s.gcr.io/pause:3.4.1, by name; only the eight app images are IDs.
    assertThat(RULE.evaluate(RuleInputs.context(udon))).hasSize(8)
        .noneMatch(f -> f.subject().equals("6669168db70d"));
  }
}
