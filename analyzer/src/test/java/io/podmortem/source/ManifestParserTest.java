package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Collection;
import org.junit.jupiter.api.Test;

class ManifestParserTest {
  private static final TextBlock MANIFEST = Fixtures.of("manifest.json", String.join("\n",
      "{",
      "  \"schemaVersion\": 1, \"collector\": \"podmortem-collect\", \"version\": \"0.1.0\", \"host\": \"node-1\",",
      "  \"startedAt\": \"2026-11-26T21:53:02Z\", \"finishedAt\": \"2026-11-26T21:53:07Z\",",
      "  \"user\": {\"uid\": 0, \"name\": \"root\"}, \"future\": true,",
      "  \"commands\": [",
      "    {\"name\": \"ps-forest\", \"argv\": [\"ps\", \"faxno\", \"user,stat,cmd\"], \"status\": \"ok\",",
      "     \"exitCode\": 0, \"durationMs\": 14, \"output\": \"ps/forest.txt\", \"sha256\": \"ab\", \"stderr\": null},",
      "    {\"name\": \"docker-ps-json\", \"argv\": [\"docker\", \"ps\", \"-a\", \"--format\", \"{{json .}}\"],",
      "     \"status\": \"timeout\", \"exitCode\": 124, \"output\": null}",
      "  ],",
      "  \"warnings\": [\"w\"]",
      "}"));

  @Test
  void parse_commandsAndFacts_unknownFieldsIgnored() {
    ParseIssues issues = ParseIssues.bounded(10);
    Collection c = ManifestParser.parse(MANIFEST, issues);
    assertThat(issues.list()).isEmpty();
    assertThat(c.host()).isEqualTo("node-1");
    assertThat(c.user()).isEqualTo("root (uid 0)");
    assertThat(c.commands()).hasSize(2);
    assertThat(c.commands().get(0).commandLine()).isEqualTo("ps faxno user,stat,cmd");
    assertThat(c.commands().get(1).commandLine()).isEqualTo("docker ps -a --format '{{json .}}'");
    assertThat(c.commands().get(1).status()).isEqualTo("timeout");
    assertThat(c.warnings()).containsExactly("w");
  }

  @Test
  void looksLike_onlyTheCollectorsManifest_andBadJsonIsAnIssue() {
    assertThat(ManifestParser.looksLike(MANIFEST)).isTrue();
    assertThat(ManifestParser.looksLike(Fixtures.of("x.json", "{\"collector\": \"other\"}"))).isFalse();
    ParseIssues issues = ParseIssues.bounded(10);
    assertThat(ManifestParser.parse(Fixtures.of("m.json", "{\"collector\": \"podmortem-collect\",,}"), issues))
        .isNull();
    assertThat(issues.list().get(0).toString()).isEqualTo("m.json:1:35: not a valid manifest: Unexpected character (',' (code 44)): was expecting double-quote to start field name");
  }
}
