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

  @Test
  void cut_keepsTheFirstLines_andNeverLeavesATableHeaderWithoutItsRule() {
    String md = "# t\n\nintro\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n";
    assertThat(Renderer.cut(md, 20)).isEqualTo(md);
    assertThat(Renderer.cut(md, 7)).isEqualTo("# t\n\nintro\n\n\n> Cut at 7 of 8 lines (--md-max-lines). The HTML "
        + "and JSON reports hold everything.\n");
    String longer = md + "| 5 | 6 |\n| 7 | 8 |\n";
    assertThat(Renderer.cut(longer, 9)).startsWith("# t\n\nintro\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> Cut at 9 of 10");
  }
}
