package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.podmortem.model.ParseIssue;
import io.podmortem.model.SourceRef;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OsReleaseParserTest {
  private final ParseIssues issues = ParseIssues.bounded(100);

  @Test
  void parse_ubuntuExcerpt_readsUnquotedIdAndRecordsTheElisionLine() {
    String e = "os-release/formats-ubuntu.txt";
    OsRelease os = OsReleaseParser.parse(Fixtures.load(e), issues);

    assertThat(os.fields()).containsOnly(entry("NAME", "Ubuntu"), entry("VERSION", "20.04 LTS (Focal Fossa)"),
        entry("ID", "ubuntu"), entry("ID_LIKE", "debian"), entry("PRETTY_NAME", "Ubuntu 20.04 LTS"),
        entry("VERSION_ID", "20.04"), entry("VERSION_CODENAME", "focal"), entry("UBUNTU_CODENAME", "focal"));
    assertThat(os.ref("VERSION_CODENAME")).isEqualTo(new SourceRef(e, 8));
    assertThat(issues.list()).containsExactly(new ParseIssue(e, 7, 1, "expected KEY=value, got '...'"));
  }

  @Test
  void parse_debianExcerpt_readsAllFields() {
    OsRelease os = OsReleaseParser.parse(Fixtures.load("os-release/formats-debian.txt"), issues);

    assertThat(os.fields()).containsOnly(entry("PRETTY_NAME", "Debian GNU/Linux 11 (bullseye)"),
        entry("NAME", "Debian GNU/Linux"), entry("VERSION_ID", "11"), entry("VERSION", "11 (bullseye)"),
        entry("VERSION_CODENAME", "bullseye"), entry("ID", "debian"));
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void parse_alpineExcerpt_hasNoVersionAndUnquotedVersionId() {
    OsRelease os = OsReleaseParser.parse(Fixtures.load("os-release/formats-alpine.txt"), issues);

    assertThat(os.get("VERSION")).isNull();
    assertThat(os.get("VERSION_ID")).isEqualTo("3.19.1");
    assertThat(os.get("ID")).isEqualTo("alpine");
    assertThat(os.get("BUG_REPORT_URL")).isEqualTo("https://gitlab.alpinelinux.org/alpine/aports/-/issues");
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void parse_distrolessExcerpt_unquotesQuotedId() {
    OsRelease os = OsReleaseParser.parse(Fixtures.load("os-release/formats-distroless.txt"), issues);

    assertThat(os.get("PRETTY_NAME")).isEqualTo("Distroless");
    assertThat(os.get("ID")).isEqualTo("debian");
    assertThat(os.get("VERSION")).isEqualTo("Debian GNU/Linux 12 (bookworm)");
    assertThat(os.fields()).hasSize(6);
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void parse_rhelExcerpt_skipsTheBlankLineAndReadsThePartAfterIt() {
    String e = "os-release/formats-rhel.txt";
    OsRelease os = OsReleaseParser.parse(Fixtures.load(e), issues);

    assertThat(os.get("CPE_NAME")).isEqualTo("cpe:/o:redhat:enterprise_linux:8::baseos");
    assertThat(os.get("REDHAT_BUGZILLA_PRODUCT_VERSION")).isEqualTo("8.9");
    assertThat(os.ref("REDHAT_BUGZILLA_PRODUCT_VERSION")).isEqualTo(new SourceRef(e, 12));
    assertThat(os.get("ID_LIKE")).isEqualTo("fedora");
    assertThat(issues.list()).containsExactly(new ParseIssue(e, 8, 1, "expected KEY=value, got '...'"),
        new ParseIssue(e, 10, 1, "expected KEY=value, got '...'"));
  }

  @Test
  void parse_tumbleweedWithCommentLines_ignoresCommentedAssignments() {
    OsRelease os = OsReleaseParser.parse(Fixtures.load("os-release/opensuse-tumbleweed-with-comments.txt"), issues);

    assertThat(os.get("VERSION")).isNull();
    assertThat(os.get("VERSION_ID")).isEqualTo("20250527");
    assertThat(os.get("CPE_NAME")).isEqualTo("cpe:2.3:o:opensuse:tumbleweed:20250527:*:*:*:*:*:*:*");
    assertThat(os.fields()).hasSize(12);
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void parse_udonGreps_readPrettyNameAlone() {
    String ubuntu = "os-release/udon-grep-pretty-ubuntu.txt";
    String alpine = "os-release/udon-docker-exec-grep-pretty-alpine.txt";

    OsRelease host = OsReleaseParser.parse(Fixtures.load(ubuntu), issues);
    OsRelease container = OsReleaseParser.parse(Fixtures.load(alpine), issues);

    assertThat(host.fields()).containsOnly(entry("PRETTY_NAME", "Ubuntu 16.04.2 LTS"));
    assertThat(host.ref("PRETTY_NAME")).isEqualTo(new SourceRef(ubuntu, 1));
    assertThat(container.fields()).containsOnly(entry("PRETTY_NAME", "Alpine Linux v3.13"));
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void parse_grepWithFileNamePrefix_dropsThePrefix() {
    TextBlock t = Fixtures.of("grep.txt", "etc/os-release:PRETTY_NAME=\"Ubuntu 16.04.2 LTS\"");

    assertThat(OsReleaseParser.looksLike(t)).isTrue();
    assertThat(OsReleaseParser.parse(t, issues).fields()).containsOnly(entry("PRETTY_NAME", "Ubuntu 16.04.2 LTS"));
  }

  @Test
  void parse_quotingForms_unquoteLikeAShell() {
    TextBlock t = Fixtures.of("q.txt", "NAME='Single \\ quoted'\nPRETTY_NAME=\"say \\\"hi\\\" \\$HOME \\\\ \\n\"\n"
        + "ID=plain  \nVERSION=\n");

    OsRelease os = OsReleaseParser.parse(t, issues);

    assertThat(os.fields()).containsOnly(entry("NAME", "Single \\ quoted"),
        entry("PRETTY_NAME", "say \"hi\" $HOME \\ \\n"), entry("ID", "plain"), entry("VERSION", ""));
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void parse_badQuoting_recordsIssuesWithColumns() {
    TextBlock t = Fixtures.of("bad.txt", "NAME=\"open\nID=\"x\"y\nlower=case");

    OsRelease os = OsReleaseParser.parse(t, issues);

    assertThat(os.fields()).containsOnly(entry("NAME", "open"), entry("ID", "x"));
    assertThat(issues.list()).extracting(ParseIssue::toString).containsExactly(
        "bad.txt:1:6: missing closing \" in '\"open'",
        "bad.txt:2:7: unexpected text after closing \": 'y'",
        "bad.txt:3:1: expected KEY=value, got 'lower=case'");
  }

  @Test
  void looksLike_acceptsOsReleaseFilesButNotTheDocExcerptsWithElisions() {
    // The Ubuntu and RHEL excerpts in FORMATS.md elide lines with "...", which no real file has.
    Set<String> elided = Set.of("os-release/formats-ubuntu.txt", "os-release/formats-rhel.txt");
    for (TextBlock t : Fixtures.all()) {
      boolean expected = t.entry().startsWith("os-release/") && !elided.contains(t.entry());
      assertThat(OsReleaseParser.looksLike(t)).as(t.entry()).isEqualTo(expected);
    }
  }

}
