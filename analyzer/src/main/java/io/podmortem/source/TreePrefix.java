package io.podmortem.source;

/**
 * The drawing in front of a {@code systemd-cgls} line, measured with a cursor over 2-column cells.
 *
 * <p>Cells before the last are continuations ({@code "│ "}, {@code "| "}, two spaces); the last is a branch
 * ({@code "├─"}, {@code "└─"}, {@code "|-"}, {@code "`-"}). systemd draws them in {@code src/shared/cgroup-show.c}
 * with the glyphs of {@code glyph-util.c}: UTF-8 in UTF-8 locales, ASCII otherwise.
 *
 * @param width the columns the drawing takes, so the text starts at {@code width}; 0 when the line has no drawing
 * @param branch true when the drawing ends in a branch glyph; false for a line of continuations only
 * @param ascii true when the drawing uses the ASCII glyphs
 */
record TreePrefix(int width, boolean branch, boolean ascii) {

  /** Depth below the root: a branch glyph at columns 0-1 is depth 1. */
  int depth() {
    return width / 2;
  }

  static TreePrefix measure(String line) {
    int pos = 0;
    boolean ascii = false;
    while (pos + 1 < line.length()) {
      char a = line.charAt(pos);
      char b = line.charAt(pos + 1);
      if ((a == '├' || a == '└') && b == '─') {
        return new TreePrefix(pos + 2, true, ascii);
      }
      if ((a == '|' || a == '`') && b == '-') {
        return new TreePrefix(pos + 2, true, true);
      }
      boolean continuation = (a == '│' || a == '|' || a == ' ') && b == ' ';
      if (!continuation) {
        break;
      }
      ascii |= a == '|';
      pos += 2;
    }
    return new TreePrefix(pos, false, ascii);
  }
}
