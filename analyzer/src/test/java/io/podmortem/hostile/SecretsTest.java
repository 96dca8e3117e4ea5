package io.podmortem.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets in command lines, environment pairs (docker inspect {@code Config.Env}) and URLs: by default no output
 * holds a secret value, and each shows as a {@code «redacted:…»} token; {@code --no-redact} shows them.
 */
class SecretsTest {
  /** Each secret value, as it must never appear in an output by default. */
  static final List<String> VALUES = List.of("hunter2-pw-7f3a", "tok-abc-91c2", "cs-5e6f-secretvalue",
      "dbpass-0a1b2c", "bearer-tok-77aa88", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbSJ9.c2lnbmF0dXJlLXZhbHVl",
      "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "ghp_1234567890abcdefghijABCDEFGHIJ123456",
      "glpat-AbCdEfGhIjKlMnOpQrSt", "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx",
      "b3BlbnNzaC1rZXktdjEAAAAAPRIVATEKEYBODY", "urlpass-5566");

  /** A command line that carries every kind of secret. */
  static final String COMMAND = "sleep 1000000 --password=hunter2-pw-7f3a --token tok-abc-91c2"
      + " --client-secret=cs-5e6f-secretvalue DB_PASSWORD=dbpass-0a1b2c"
      + " -H 'Authorization: Bearer bearer-tok-77aa88'"
      + " --jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbSJ9.c2lnbmF0dXJlLXZhbHVl"
      + " AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
      + " ghp_1234567890abcdefghijABCDEFGHIJ123456 glpat-AbCdEfGhIjKlMnOpQrSt"
      + " xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx"
      + " --key='-----BEGIN OPENSSH PRIVATE KEY-----b3BlbnNzaC1rZXktdjEAAAAAPRIVATEKEYBODY"
      + "-----END OPENSSH PRIVATE KEY-----'"
      + " --registry https://admin:urlpass-5566@registry.example.com/v2/";

  /** docker inspect {@code Config.Env}, with the same secrets as NAME=value pairs. */
  static final String ENV = "[\"DB_PASSWORD=dbpass-0a1b2c\", \"API_TOKEN=tok-abc-91c2\","
      + " \"CLIENT_SECRET=cs-5e6f-secretvalue\", \"AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\","
      + " \"GITHUB_TOKEN=ghp_1234567890abcdefghijABCDEFGHIJ123456\", \"PATH=/usr/bin\"]";

  @TempDir
  Path dir;

  private final Map<String, String> entries = new LinkedHashMap<>();

  @BeforeEach
  void sampleWithSecrets() throws IOException {
    entries.putAll(HostileBundles.readTarGz(Samples.dir().resolve("docker-node.tar.gz")));
    entries.replaceAll((name, text) -> name.endsWith(".json") || name.endsWith(".jsonl")
        ? text.replace("sleep 1000000", InjectionTest.jsonEscaped(COMMAND)).replace("\"Env\": null", "\"Env\": " + ENV)
        : text.replace("sleep 1000000", COMMAND));
  }

  private Reports.Run run(String... extra) throws IOException {
    Path bundle = dir.resolve("secrets.tar.gz");
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      for (var e : entries.entrySet()) {
        b.file(e.getKey(), e.getValue());
      }
    }
    return Reports.analyze(bundle, Files.createDirectories(dir.resolve("out")), extra);
  }

  @Test
  void theBundleCarriesTheSecrets() {
    assertThat(entries.get("ps/table.txt")).contains("--password=hunter2-pw-7f3a");
    assertThat(entries.get("docker/inspect.json")).contains("DB_PASSWORD=dbpass-0a1b2c");
  }

  @Test
  void byDefault_noSecretValueInAnyOutput_eachShowsAsARedactedToken() throws IOException {
    Reports.Run r = run();
    Reports.assertInert(r);
    for (String out : r.outputs()) {
      for (String v : VALUES) {
        assertThat(out).as("secret %s", v).doesNotContain(v);
      }
    }
    for (String report : List.of(r.html(), r.md(), r.json())) {
      assertThat(report).contains("--password=«redacted:").contains("--token «redacted:")
          .contains("--client-secret=«redacted:").contains("DB_PASSWORD=«redacted:")
          .contains("Bearer «redacted:").contains("https://admin:«redacted:");
    }
  }

  @Test
  void withNoRedact_theValuesAreShown() throws IOException {
    Reports.Run r = run("--no-redact");
    assertThat(r.exitCode()).isZero();
    assertThat(r.json()).contains("--password=hunter2-pw-7f3a").doesNotContain("«redacted:");
  }
}
