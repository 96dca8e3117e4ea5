package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** image-mutable-tag: Config.Image of docker inspect with no tag, or latest, and no digest. */
class MutableImageTagRuleTest {
  private static final MutableImageTagRule RULE = new MutableImageTagRule();

  @Test
  void evaluate_bareImageName_raisesLowNoTag() {
    assertThat(RuleInputs.evaluate(RULE, "docker-host-escape")).containsExactly(new Finding("image-mutable-tag",
        Severity.LOW, "b4d7231e2dae", "Container pm-plain runs image nginx, named by no tag (so latest) and no "
        + "digest: the name can point to another build at any time.", List.of(ref("docker/inspect.json", 391))));
  }

  @Test
  void evaluate_registryPortButNoTag_raisesLowNoTag() {
    // The colon of registry.local:5000 is a port, not a tag.
    assertThat(RuleInputs.evaluate(RULE, "docker-oom-killed")).containsExactly(new Finding("image-mutable-tag",
        Severity.LOW, "6d8cd5383c88", "Container worker of pod batch/worker-5f6d8b7c9-abcde runs image "
        + "registry.local:5000/batch/worker, named by no tag (so latest) and no digest: the name can point to "
        + "another build at any time.", List.of(ref("docker/inspect.json", 201))));
  }

  @Test
  void evaluate_latestPinnedByDigest_raisesNothing() {
    assertThat(RuleInputs.evaluate(RULE, "docker-near-misses")).isEmpty();
  }

  @Test
  void evaluate_bareNameInDockerPsTableOnly_raisesNothing() {
    // docker ps strips the digest from the image it shows, so a table's bare "nginx" may be pinned.
    var ctx = RuleInputs.context("docker-ps-only");
    assertThat(ctx.node().containers()).anySatisfy(c -> assertThat(c.image()).isEqualTo("nginx"));
    assertThat(RULE.evaluate(ctx)).isEmpty();
  }
}
