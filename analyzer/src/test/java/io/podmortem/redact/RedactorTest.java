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
