package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.ParseIssue;
import io.podmortem.model.SourceRef;
import org.junit.jupiter.api.Test;

class CountParserTest {
  private final ParseIssues issues = ParseIssues.bounded(100);

  @Test
  void parse_udonFindWcL_reads3358() {
    String e = "count/udon-find-wc-l.txt";

    assertThat(CountParser.parse(Fixtures.load(e), issues)).contains(new Count(new SourceRef(e, 1), 3358));
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void parse_transcriptWcSegment_keepsTheEntryLine() {
    String e = "transcript/udon-rootfs-transcript.txt";
    TextBlock wc = TranscriptParser.parse(Fixtures.load(e), issues).segments().get(6).output();

    assertThat(CountParser.looksLike(wc)).isTrue();
    assertThat(CountParser.parse(wc, issues)).contains(new Count(new SourceRef(e, 24), 3358));
  }

  @Test
  void parse_countWithFileName_readsTheNumber() {
    assertThat(CountParser.parse(Fixtures.of("c.txt", "  42 /etc/passwd"), issues))
        .contains(new Count(new SourceRef("c.txt", 1), 42));
  }

  @Test
  void parse_notANumber_recordsIssueAndReturnsEmpty() {
    assertThat(CountParser.parse(Fixtures.of("c.txt", "\nwc: x: No such file or directory"), issues)).isEmpty();
    assertThat(CountParser.parse(Fixtures.of("c.txt", "99999999999999999999"), issues)).isEmpty();
    assertThat(issues.list()).containsExactly(
        new ParseIssue("c.txt", 2, 1, "expected a count such as '3358', got 'wc: x: No such file or directory'"),
        new ParseIssue("c.txt", 1, 1, "count out of range: '99999999999999999999'"));
  }

  @Test
  void looksLike_acceptsCountFixturesOnly() {
    for (TextBlock t : Fixtures.all()) {
      assertThat(CountParser.looksLike(t)).as(t.entry()).isEqualTo(t.entry().startsWith("count/"));
    }
  }

}
