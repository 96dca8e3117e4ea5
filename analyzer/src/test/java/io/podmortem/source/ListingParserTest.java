package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Listing lines in the collector's format, with the FORMATS.md §12 upper dir (two writes and a whiteout). */
class ListingParserTest {
  private static final TextBlock UPPER = Fixtures.of("rootfs/upper/x.txt", String.join("\n",
      "d 755 0 0 4096 1795470780.0000000000\tetc\t",
      "f 644 0 0 6 1795470780.4381234560\tetc/os-release.bak\t",
      "f 755 0 0 10 1795470780.4381234560\ttmp/dropper.sh\t",
      "c 0 0 0 0 1795470780.0000000000\tbin/nc\t",
      "l 777 0 0 7 1795470780.0000000000\tbin/sh\tbusybox",
      "f 4755 0 0 1 1795470780.0000000000\tusr/bin/su\t",
      "f 644 0 0 0 1795470780.0000000000\tvar/.wh.cache\t"));

  @Test
  void parse_typesModesTargetsAndWhiteouts() {
    ParseIssues issues = ParseIssues.bounded(10);
    Listing l = ListingParser.parse(UPPER, issues);
    assertThat(issues.list()).isEmpty();
    assertThat(l.entries()).hasSize(7);
    assertThat(l.truncated()).isFalse();
    ListingEntry nc = l.entries().get(3);
    assertThat(nc.isWhiteout()).isTrue();
    assertThat(nc.whitedOut()).isEqualTo("bin/nc");
    assertThat(l.entries().get(4).target()).isEqualTo("busybox");
    assertThat(l.entries().get(5).mode()).isEqualTo(04755);
    assertThat(l.entries().get(6).whitedOut()).isEqualTo("var/cache");
    assertThat(l.entries().get(1).mtime()).isEqualTo(1795470780L);
  }

  @Test
  void parse_truncationMarker_andMalformedLine() {
    TextBlock t = Fixtures.of("l.txt", String.join("\n",
        "f 644 0 0 6 1795470780.0\ta",
        "f 644 0 0 6 1795470780.0\ta\tb\tc",
        "#truncated 1 of 512345"));
    ParseIssues issues = ParseIssues.bounded(10);
    Listing l = ListingParser.parse(t, issues);
    assertThat(l.entries()).isEmpty();
    assertThat(l.total()).isEqualTo(512345);
    assertThat(issues.list()).hasSize(2);
    assertThat(issues.list().get(0).toString()).startsWith("l.txt:1:1: expected '<type> <mode>");
  }
}
