package io.podmortem.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import io.podmortem.synth.Synth;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report's size per container, on a small synthetic node: what keeps a 1,440-container node (synth scale
 * 4) under the 10 MB the scale issue asks for. A card, its share of the timeline, findings and sources must stay
 * under {@link #PER_CONTAINER} bytes, on top of {@link #FIXED} for the page itself; 1,440 such cards make 9.4 MB.
 * A change that writes something twice per container shows here, not only in the benchmark.
 */
class HtmlSizeTest {
  static final int FIXED = 30_000;
  static final int PER_CONTAINER = 6_500;

  @TempDir
  Path tmp;

  @Test
  void html_staysUnderItsBudgetPerContainer() throws Exception {
    Path bundle = tmp.resolve("node.tar.gz");
    Synth.generate(1, 0.05, bundle);
    ObjectNode model = ReportModel.build(new Analyzer(Limits.defaults()).analyze(bundle));
    int containers = model.get("containers").size();

    int bytes = new Renderer().html(model, Map.of()).getBytes(StandardCharsets.UTF_8).length;

    assertThat(containers).isGreaterThan(15);
    assertThat(bytes).as("HTML bytes for %d containers", containers)
        .isLessThanOrEqualTo(FIXED + PER_CONTAINER * containers);
  }
}
