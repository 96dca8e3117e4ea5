package io.podmortem.report;

/** Escapes text for GitHub-flavoured Markdown, inline and inside table cells. */
public final class Markdown {
  private static final String SPECIAL = "\\`*[]#|~";

  private Markdown() {}

  /**
   * Backslash-escapes every character that could open emphasis, a code span, a link, a heading or a table cell
   * (an underscore inside a word cannot, in GFM, and stays as it is), writes HTML's characters as entities, turns line breaks into a visible {@code ⏎} so a
   * table row stays one row, and shows other control characters (such as ANSI escapes) as {@code \xNN}.
   */
  public static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        out.append(" ⏎ ");
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (c == '\t') {
        out.append(' ');
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        out.append(String.format("\\\\x%02x", (int) c));
      } else if (c == '<') {
        out.append("&lt;");
      } else if (c == '>') {
        out.append("&gt;");
      } else if (c == '&') {
        out.append("&amp;");
      } else if (c == '_') {
        boolean inWord = i > 0 && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i - 1))
            && Character.isLetterOrDigit(s.charAt(i + 1));
        out.append(inWord ? "_" : "\\_");
      } else if (SPECIAL.indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
