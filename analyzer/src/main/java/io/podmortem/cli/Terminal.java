package io.podmortem.cli;

/** Makes bundle text safe to print on a terminal: control characters, such as ANSI escapes, become visible. */
final class Terminal {
  private Terminal() {}

  static String safe(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        out.append(String.format("\\x%02x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
