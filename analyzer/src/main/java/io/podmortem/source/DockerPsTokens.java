package io.podmortem.source;

import java.util.List;

/**
 * Reads a {@code docker ps} row token by token, for rows whose cells overflow the header's offsets:
 * ID and IMAGE have no spaces, COMMAND is Go-quoted (and may hold runs of spaces), and the rest is
 * split on gaps of 2+ spaces, where single spaces stay inside {@code 3 days ago} or {@code Up 3 days}.
 */
final class DockerPsTokens {
  private DockerPsTokens() {}

  /** The 7 cells of a row, ports "" when absent, or null when the row has another shape. */
  static String[] split(String line) {
    int p = skip(line, 0);
    int idEnd = tokenEnd(line, p);
    String id = line.substring(p, idEnd);
    p = skip(line, idEnd);
    int imageEnd = tokenEnd(line, p);
    String image = line.substring(p, imageEnd);
    p = skip(line, imageEnd);
    if (p >= line.length()) {
      return null;
    }
    int commandEnd = line.charAt(p) == '"' ? quotedEnd(line, p) : tokenEnd(line, p);
    if (commandEnd < 0) {
      return null;
    }
    String command = line.substring(p, commandEnd);
    List<String> rest = TableHeader.splitOnGaps(line.substring(commandEnd), 2);
    if (rest.size() == 4) {
      return new String[] {id, image, command, rest.get(0), rest.get(1), rest.get(2), rest.get(3)};
    }
    if (rest.size() == 3) {
      return new String[] {id, image, command, rest.get(0), rest.get(1), "", rest.get(2)};
    }
    return null;
  }

  /** Undoes Go {@code strconv.Quote} for the escapes a command line can hold. */
  static String unquote(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch != '\\' || i + 1 >= s.length()) {
        out.append(ch);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case '"', '\\', '\'' -> out.append(e);
        default -> out.append('\\').append(e);
      }
    }
    return out.toString();
  }

  private static int skip(String line, int p) {
    while (p < line.length() && line.charAt(p) == ' ') {
      p++;
    }
    return p;
  }

  private static int tokenEnd(String line, int p) {
    while (p < line.length() && line.charAt(p) != ' ') {
      p++;
    }
    return p;
  }

  /** End (exclusive) of the Go-quoted string opening at {@code p}, or -1 if it never closes. */
  private static int quotedEnd(String line, int p) {
    for (int i = p + 1; i < line.length(); i++) {
      if (line.charAt(i) == '\\') {
        i++;
      } else if (line.charAt(i) == '"') {
        return i + 1;
      }
    }
    return -1;
  }
}
