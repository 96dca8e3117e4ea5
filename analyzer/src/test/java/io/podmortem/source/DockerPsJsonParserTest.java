package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Real {@code docker ps -a --no-trunc --format '{{json .}}'} lines of Docker 20.10. */
class DockerPsJsonParserTest {
  @Test
  void parse_realLines_fullIdsUnquotedCommands() {
    TextBlock t = Fixtures.load("docker-ps-json/engine-20.10.jsonl");
    ParseIssues issues = ParseIssues.bounded(10);
    DockerPsTable table = DockerPsJsonParser.parse(t, issues);
    assertThat(issues.list()).isEmpty();
    assertThat(table.rows()).hasSize(4);
    DockerPsRow plain = table.rows().get(0);
    assertThat(plain.id()).isEqualTo("b4d7231e2dae4a80d70c1f22141c11b7244936d3b860da11f7e7d8e6ee549e3b");
    assertThat(plain.names()).containsExactly("pm-plain");
    assertThat(plain.command()).isEqualTo("sleep 1000000");
    assertThat(plain.commandTruncated()).isFalse();
    assertThat(plain.status()).isEqualTo("Up About a minute");
  }

  @Test
  void parse_truncatedCommandAndBadLine() {
    TextBlock t = Fixtures.of("ps.jsonl", String.join("\n",
        "{\"Command\":\"\\\"docker-entrypoint.s…\\\"\",\"ID\":\"d77045edba3a\",\"Image\":\"mongo\",\"Names\":\"mongo\"}",
        "{not json"));
    ParseIssues issues = ParseIssues.bounded(10);
    DockerPsTable table = DockerPsJsonParser.parse(t, issues);
    assertThat(table.rows().get(0).command()).isEqualTo("docker-entrypoint.s");
    assertThat(table.rows().get(0).commandTruncated()).isTrue();
    assertThat(issues.list()).extracting(Object::toString)
        .containsExactly("ps.jsonl:2: expected a JSON object, got '{not json'");
  }
}
