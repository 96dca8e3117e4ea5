package io.podmortem.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podmortem.Samples;
import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the HTML report makes of a real sample's model: short citations, folded processes, one table of sources. */
class RendererHtmlTest {
  private static ObjectNode model() {
    return ReportModel.build(new Analyzer(Limits.defaults()).analyze(Samples.dir().resolve("containerd-cgv2")));
  }

  @Test
  void html_citesAContainersEntriesByGlob_andListsTheirFullNamesOnce() {
    ObjectNode model = model();
    String html = new Renderer().html(model, Map.of());

    Matcher m = Pattern.compile("cri/inspect/([0-9a-f]{12})\\*\\.json:1").matcher(html);
    assertThat(m.find()).as("a short citation").isTrue();
    String full = "cri/inspect/" + fullId(model, m.group(1)) + ".json";
    // Named in full once: its row among the sources.
    assertThat(count(html, full + "<")).isEqualTo(1);
    assertThat(html).contains("<tr><td>" + full + "<td>");
  }

  @Test
  void html_citesWholeNames_whenTheBundleWasReadOnlyInPart() {
    Limits d = Limits.defaults();
    // The reader stops after 60 of the sample's entries; those it never saw could match a glob.
    ObjectNode model = ReportModel.build(new Analyzer(new Limits(d.maxEntryBytes(), d.maxTotalBytes(), 60,
        d.maxLineChars())).analyze(Samples.dir().resolve("containerd-cgv2")));
    assertThat(model.get("warnings").toString()).contains("stopped after 60 entries");

    String html = new Renderer().html(model, Map.of());

    assertThat(html).doesNotContainPattern("[0-9a-f]{12}\\*\\.")
        .containsPattern("\\[[^\\]]*cri/inspect/[0-9a-f]{64}\\.json:1");
  }

  @Test
  void html_foldsAWorkerPool_andNamesADriftListingOnce() {
    String html = new Renderer().html(model(), Map.of());

    assertThat(html).contains("2 × [uid").containsPattern("PIDs 1773, 1796, started [^<]+</span>"
        + "<span class=\"ev\">\\[ps/table\\.txt:79,80\\]");
    assertThat(html).containsPattern("From <span class=\"mono\">rootfs/upper/[0-9a-f]{12}\\*\\.txt</span>");
  }

  private static String fullId(ObjectNode model, String shortId) {
    for (var c : model.get("containers")) {
      if (c.get("id").asText().startsWith(shortId)) {
        return c.get("id").asText();
      }
    }
    throw new AssertionError("no container " + shortId);
  }

  private static int count(String s, String sub) {
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
      n++;
    }
    return n;
  }
}
