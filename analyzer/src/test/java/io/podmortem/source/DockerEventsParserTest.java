package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Real docker events (docker 20.10, listed by sos_extras on the CI's Docker node; see SOURCE-FIXTURES.md). */
class DockerEventsParserTest {
  private static final String FIXTURE = "docker-events/sos-extras-ci-node.txt";

  @Test
  void everyEvent_withItsObjectAndAttributes_andAnExecsScriptOverSeveralLines() {
    TextBlock t = Fixtures.load(FIXTURE);
    assertThat(new Sniffer().sniff(t, true)).isEqualTo(Format.DOCKER_EVENTS);
    ParseIssues issues = ParseIssues.bounded(10);
    List<DockerEvent> events = DockerEventsParser.parse(t, issues);
    assertThat(issues.list()).isEmpty();
    // 77 lines, of which 10 continue the script of an exec's create (line 63) and start (line 69) events.
    assertThat(events).hasSize(67);
    DockerEvent crashed = events.stream().filter(e -> e.action().equals("die")
        && e.id().startsWith("9d2c6a0e05a3")).findFirst().orElseThrow();
    assertThat(crashed.attributes()).containsEntry("exitCode", "3").containsEntry("image", "pm-busybox:1.35");
    assertThat(crashed.time()).isEqualTo("2026-12-02T04:29:49.966165511Z");
    DockerEvent script = events.stream().filter(e -> e.action().equals("exec_start") && e.command() != null
        && e.command().startsWith("sh -c")).findFirst().orElseThrow();
    assertThat(script.command()).contains("set -e").endsWith("rm /bin/nc");
    assertThat(script.id()).isEqualTo("023a4aaee792f56f8bdd1d313afc48378d8b7091ec701ac873a781514f169b9d");
    assertThat(script.ref().line()).isEqualTo(69);
    assertThat(events).filteredOn(e -> e.type().equals("image")).isNotEmpty();
  }

  /** What the report uses of them, and only the last of those past the bound, with an issue that says so. */
  @Test
  void theUsedEvents_theLastOnesPastTheBound() {
    TextBlock t = Fixtures.load(FIXTURE);
    List<DockerEvent> all = DockerEventsParser.parse(t, ParseIssues.bounded(10));
    List<DockerEvent> used = all.stream().filter(DockerEventsParser::used).toList();
    assertThat(used).isNotEmpty().allMatch(e -> e.type().equals("container"));
    ParseIssues issues = ParseIssues.bounded(10);
    List<DockerEvent> last = DockerEventsParser.parse(t, issues, DockerEventsParser::used, 3);
    assertThat(last).containsExactlyElementsOf(used.subList(used.size() - 3, used.size()));
    assertThat(issues.list()).singleElement().satisfies(i -> assertThat(i.message())
        .contains("kept the last 3 events").contains((used.size() - 3) + " before them"));
  }

  @Test
  void attributes_valueRunsToTheNextKey() {
    assertThat(DockerEventsParser.attributes("exitCode=137, image=sos-busybox:1, name=k8s_POD_a_b_c_0"))
        .containsExactly(java.util.Map.entry("exitCode", "137"), java.util.Map.entry("image", "sos-busybox:1"),
            java.util.Map.entry("name", "k8s_POD_a_b_c_0"));
  }
}
