package io.podmortem.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {
  @Test
  void escape_tableBreakingCharacters_areInert() {
    assertThat(Markdown.escape("a|b`c*d[e](f)<script>")).isEqualTo("a\\|b\\`c\\*d\\[e\\](f)&lt;script&gt;");
  }

  @Test
  void escape_newlinesAndAnsi_stayOnOneVisibleLine() {
    assertThat(Markdown.escape("one\ntwo\u001b[31m")).isEqualTo("one ⏎ two\\\\x1b\\[31m");
  }

  @Test
  void escape_underscoreInsideAWord_staysReadable() {
    assertThat(Markdown.escape("k8s_POD_etcd _x_")).isEqualTo("k8s_POD_etcd \\_x\\_");
  }
}
