package io.podmortem.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.Samples;
import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The udon reports, byte for byte. After a deliberate change, regenerate with
 * {@code mvn -pl analyzer test -Dtest=UdonReportGoldenTest -Dpodmortem.updateGolden=true} and review the diff.
 */
class UdonReportGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  private static String render(String format) {
    var model = ReportModel.build(new Analyzer(Limits.defaults()).analyze(Samples.udon()));
    Renderer r = new Renderer();
    return switch (format) {
      case "md" -> r.markdown(model, Map.of());
      case "json" -> r.json(model);
      default -> r.html(model, Map.of());
    };
  }

  private static void assertGolden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("podmortem.updateGolden")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void markdown_matchesGolden() throws IOException {
    assertGolden("udon.md", render("md"));
  }

  @Test
  void json_matchesGolden() throws IOException {
    assertGolden("udon.json", render("json"));
  }

  @Test
  void twoRuns_giveIdenticalBytes_inEveryFormat() {
    for (String f : new String[] {"md", "json", "html"}) {
      assertThat(render(f)).as(f).isEqualTo(render(f));
    }
  }
}
