package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parser over every fixture of every format: none may throw. And the sniffer, which sees only content,
 * recognises each fixture as the format of the folder it sits in.
 */
class EveryParserTest {
  /** Fixture folder, to the format the sniffer must see in it; folders not listed hold mixed inputs. */
  private static final Map<String, Format> FOLDERS = Map.of(
      "cgls", Format.SYSTEMD_CGLS,
      "docker-ps", Format.DOCKER_PS,
      "kubectl-get-pods", Format.KUBECTL_PODS,
      "ps", Format.PS_FOREST,
      "transcript", Format.TRANSCRIPT,
      "file", Format.FILE_OUTPUT,
      "crictl-pods", Format.CRI_PODS,
      "crictl-ps", Format.CRI_CONTAINERS,
      "kubectl-pods-json", Format.KUBECTL_PODS_JSON,
      "docker-stats", Format.DOCKER_STATS);

  static Stream<TextBlock> fixtures() {
    return Fixtures.all().stream();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyParser_onEveryFixture_neverThrows(TextBlock t) {
    ParseIssues issues = ParseIssues.bounded(10);
    assertThatCode(() -> {
      new PsForestParser().parse(t, issues);
      new DockerPsParser().parse(t, issues);
      new KubectlPodsParser().parse(t, issues);
      CglsParser.parse(t, issues);
      TranscriptParser.parse(t, issues);
      OsReleaseParser.parse(t, issues);
      FileDescriptionParser.parse(t, issues);
      FindListingParser.parse(t, issues);
      CountParser.parse(t, issues);
      MountinfoParser.parse(t, issues);
      CriPodsParser.parse(t, issues);
      CriContainersParser.parse(t, issues);
      CriTablesParser.parsePods(t, issues);
      CriTablesParser.parseContainers(t, issues);
      KubePodsJsonParser.parse(t, issues);
      new Sniffer().sniff(t, true);
    }).as(t.entry()).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void sniffer_recognisesEachFixtureByContent(TextBlock t) {
    String folder = t.entry().substring(0, t.entry().indexOf('/'));
    Format expected = FOLDERS.get(folder);
    if (expected != null) {
      TextBlock renamed = new TextBlock("input.txt", t.firstLine(), t.lines(), null);
      assertThat(new Sniffer().sniff(renamed, true)).as(t.entry()).isEqualTo(expected);
    }
  }

  /**
   * A lone number is a count only where the command says wc -l printed it; by its content alone it is a value, as
   * a sosreport's thousands of one-number sysfs and procfs files are.
   */
  @ParameterizedTest
  @MethodSource("fixtures")
  void aCount_isACountByItsCommand_andAValueWithout(TextBlock t) {
    if (t.entry().startsWith("count/")) {
      assertThat(new Sniffer().sniff(new TextBlock("input.txt", t.firstLine(), t.lines(), "find . | wc -l"), true))
          .as(t.entry()).isEqualTo(Format.COUNT);
      assertThat(new Sniffer().sniff(new TextBlock("input.txt", t.firstLine(), t.lines(), null), true))
          .as(t.entry()).isEqualTo(Format.VALUE);
    }
  }
}
