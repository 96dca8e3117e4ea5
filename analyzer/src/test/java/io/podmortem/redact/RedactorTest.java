package io.podmortem.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each kind of secret the issue names, and the look-alikes that must stay. */
class RedactorTest {
  private final Redactor r = new Redactor("test".getBytes(StandardCharsets.UTF_8));

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "app --password=hunter2 --port 80 | hunter2 | command-line flag",
      "app --token abc123def --v=2 | abc123def | command-line flag",
      "app --client-secret=s3cr3t-value | s3cr3t-value | command-line flag",
      "DB_PASSWORD=correct-horse env | correct-horse | environment variable",
      "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY | wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY | "
          + "AWS secret key",
      "curl -H 'Authorization: Bearer abcdef123456' x | abcdef123456 | authorization header",
      "key AKIAIOSFODNN7EXAMPLE here | AKIAIOSFODNN7EXAMPLE | AWS access key",
      "git clone https://ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789@github.com | "
          + "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 | GitHub token",
      "GITLAB=glpat-abcdefghij0123456789 | glpat-abcdefghij0123456789 | GitLab token",
      "slack xoxb-1234567890-abcdefghij | xoxb-1234567890-abcdefghij | Slack token",
      "postgres://admin:pa55word@db:5432/x | pa55word | URL password",
      "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl end | "
          + "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl | JWT",
  })
  void redact_secret_isReplacedByAStableToken(String text, String secret, String kind) {
    String out = r.redact(text, "t");
    assertThat(out).doesNotContain(secret).contains("«redacted:");
    assertThat(r.counts()).containsKey(kind);
    assertThat(r.redact(text, "t")).isEqualTo(out);
  }

  /** The secrets the second hostile corpus found leaking (issue 17): the text, and what must not be left of it. */
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> leaks() {
    return java.util.stream.Stream.of(
        args("-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF1cZ2wBCADhSsZ\n=abcd\n-----END PGP PRIVATE KEY BLOCK-----",
            "lQOYBF1cZ2wBCADhSsZ"),
        args("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
            "b3BlbnNzaC1rZXktdjEAAAAA"),
        // The body of a key whose BEGIN line is in another value.
        args("MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV1ffQp3bk4",
            "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV1ffQp3bk4"),
        args("app --password=\"correct horse battery\" --v=2", "horse"),
        args("app --password 'correct horse battery' --v=2", "horse"),
        args("PASSWORD='correct horse' ./run.sh", "horse"),
        args("[\"PATH=/usr/bin\", \"DB_PASSWORD=correct horse battery\", \"HOME=/root\"]", "horse"),
        args("DB_PASSWORD=correct horse battery", "battery"),
        args("redis://:s3cretpass@redis:6379/0", "s3cretpass"),
        args("amqp://guest:guestpass@rabbit:5672/", "guestpass"),
        args("app --client_secret=abcdef123", "abcdef123"),
        args("curl -H 'x-api-key: k3y-value-1' https://x", "k3y-value-1"),
        args("client_secret: abcdef123", "abcdef123"),
        args("\"api-key\": \"abcdef123\"", "abcdef123"),
        args("app token=abcdef123", "abcdef123"),
        args("app --password=123456", "123456"),
        args("SIM_PIN=4711 modem", "4711"),
        args("aws configure set aws_secret_access_key wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI"),
        args("mysql -u root -pS3cr3tPw mydb", "S3cr3tPw"),
        args("sshpass -p S3cr3tPw ssh node", "S3cr3tPw"),
        args("curl -u admin:S3cr3tPw https://x", "S3cr3tPw"),
        args("redis-cli -h r -a S3cr3tPw ping", "S3cr3tPw"));
  }

  private static org.junit.jupiter.params.provider.Arguments args(String text, String leak) {
    return org.junit.jupiter.params.provider.Arguments.of(text, leak);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("leaks")
  void redact_theSecondCorpusLeaks_areRedacted(String text, String leak) {
    String out = r.redact(text, "t");
    assertThat(out).doesNotContain(leak).contains("«redacted:");
  }

  @Test
  void redact_privateKeyBlock_acrossLines() {
    String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nabc\n-----END RSA PRIVATE KEY-----";
    String out = r.redact("x\n" + key + "\ny", "t");
    assertThat(out).doesNotContain("MIIEowIBAAKCAQEA").startsWith("x\n«redacted:").endsWith("»\ny");
  }

  @Test
  void redact_sameValue_sameToken_differentValue_differentToken() {
    String a = r.redact("--password=one", "t");
    String b = r.redact("DB_PASSWORD=one", "t");
    String c = r.redact("--password=two", "t");
    assertThat(a.substring(a.indexOf('«'))).isEqualTo(b.substring(b.indexOf('«')));
    assertThat(a).isNotEqualTo(c);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "kube-apiserver --tls-private-key-file=/etc/kubernetes/pki/apiserver.key",
      "kube-apiserver --enable-bootstrap-token-auth=true --secure-port=6443",
      "kube-controller-manager --use-service-account-credentials=true",
      "kube-apiserver --service-account-key-file=/etc/kubernetes/pki/sa.pub",
      "nginx: master process nginx -g daemon off;",
      "TOKEN_TTL=3600",
      "/var/lib/docker/overlay2/5a2d76012476349e6b58eb6a279bac400968cefae8537082ea873b2e791ff3c6/merged",
      "/opt/java/openjdk/lib/modules/jdk.internal.vm.compiler/org/graalvm/Compiler1Options",
      "sha256:1b6816ad0fed04d301c22fb7c343d293b5784dbe027977ea38abd9eddb6fa8b9",
      "volumes: secretName: default-token-x8k2z",
      "spinner --pinned=3",
  })
  void redact_configurationThatOnlyLooksSecret_isKept(String text) {
    assertThat(r.redact(text, "t")).isEqualTo(text);
    assertThat(r.total()).isZero();
  }

  @Test
  void visible_controlCharacters_showAsHex() {
    assertThat(TreeSanitizer.visible("a\u001b[31mred\u0007\tok\n")).isEqualTo("a\\x1b[31mred\\x07\tok\n");
  }
}
