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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every sample's reports, byte for byte. After a deliberate change, regenerate with
 * {@code mvn -pl analyzer test -Dtest=SampleReportGoldenTest -Dpodmortem.updateGolden=true} and review the diff.
 */
class SampleReportGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  private static String render(String sample, String format) {
    var model = ReportModel.build(new Analyzer(Limits.defaults()).analyze(Samples.dir().resolve(sample)));
    Renderer r = new Renderer();
    return switch (format) {
      case "md" -> r.markdown(model, Map.of());
      case "json" -> r.json(model);
      default -> r.html(model, Map.of());
    };
  }

  private static String name(String sample) {
    return sample.replace(".tar.gz", "");
  }

  private static void assertGolden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("podmortem.updateGolden")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"udon", "docker-node.tar.gz", "containerd-cgv2", "crio-cgv2"})
  void markdown_matchesGolden(String sample) throws IOException {
    assertGolden(name(sample) + ".md", render(sample, "md"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"udon", "docker-node.tar.gz", "containerd-cgv2", "crio-cgv2"})
  void json_matchesGolden(String sample) throws IOException {
    assertGolden(name(sample) + ".json", render(sample, "json"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"udon", "docker-node.tar.gz", "containerd-cgv2", "crio-cgv2"})
  void twoRuns_giveIdenticalBytes_inEveryFormat(String sample) {
    for (String f : new String[] {"md", "json", "html"}) {
      assertThat(render(sample, f)).as(f).isEqualTo(render(sample, f));
    }
  }
}
