package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docker stats tables as docker's own reference prints them (docker/cli, container_stats.md). */
class DockerStatsParserTest {
  @Test
  void theDefaultTable_eachContainersUsage() {
    TextBlock t = Fixtures.load("docker-stats/docker-cli-docs.txt");
    assertThat(new Sniffer().sniff(t, true)).isEqualTo(Format.DOCKER_STATS);
    ParseIssues issues = ParseIssues.bounded(10);
    var rows = DockerStatsParser.parse(t, issues);
    assertThat(issues.list()).isEmpty();
    assertThat(rows).hasSize(4);
    DockerStat first = rows.get(0);
    assertThat(first.id()).isEqualTo("b95a83497c91");
    assertThat(first.name()).isEqualTo("awesome_brattain");
    assertThat(first.usage().cpu()).isEqualTo("0.28%");
    assertThat(first.usage().memory()).isEqualTo("5.629MiB");
    assertThat(first.usage().memoryLimit()).isEqualTo("1.952GiB");
    assertThat(first.usage().memoryPercent()).isEqualTo("0.28%");
    assertThat(first.usage().pids()).isEqualTo(9);
    assertThat(first.usage().ref().line()).isEqualTo(2);
    assertThat(rows.get(2).name()).isEqualTo("test-1951.1.kay7x1lh1twk9c0oig50sd5tr");
  }

  /** A table format of the user's own, over stopped containers too: names or IDs, no PIDS or MEM % column. */
  @Test
  void aCustomTableByName_withStoppedContainers() {
    TextBlock t = Fixtures.load("docker-stats/docker-cli-docs-all-by-name.txt");
    assertThat(new Sniffer().sniff(t, true)).isEqualTo(Format.DOCKER_STATS);
    ParseIssues issues = ParseIssues.bounded(10);
    var rows = DockerStatsParser.parse(t, issues);
    assertThat(issues.list()).isEmpty();
    assertThat(rows).extracting(DockerStat::name).containsExactly("fervent_panini", null, "humble_visvesvaraya",
        "big_heisenberg");
    assertThat(rows.get(1).id()).isEqualTo("5acfcb1b4fd1");
    assertThat(rows.get(3).usage().memoryLimit()).isEqualTo("0B");
    assertThat(rows.get(0).usage().pids()).isNull();
    assertThat(rows.get(0).usage().memoryPercent()).isNull();
  }
}
