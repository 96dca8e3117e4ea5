package io.podmortem.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one {@code ps} line into its columns with a small cursor; a malformed line becomes an issue. */
final class PsLineReader {
  /**
   * A process state as procps prints it: a state letter then modifiers, or {@code -} for a process
   * row of {@code ps m} (threads shown below it).
   *
   * <p>Example matches: {@code S}, {@code Ss+}, {@code I<}, {@code Ssl}, {@code Z}, {@code -}
   */
  static final Pattern STAT = Pattern.compile("(?<state>[DIRSTtWXZP])(?<flags>[<NLsl+W]*)|-");

  /**
   * A STARTED or START cell that spans several tokens: {@code lstart} ({@code %a %b %e %H:%M:%S %Y},
   * a double space when the day is below 10) or procps {@code start} for a process older than a day
   * ({@code "  %6.6s"} of ctime, so {@code Mar 09}).
   *
   * <p>Example matches: {@code Thu Mar  9 10:23:45 2023}, {@code Mar 09}
   */
  private static final Pattern MULTI_TOKEN_START = Pattern.compile(
      "(?<lstart>[A-Z][a-z]{2} [A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2} \\d{4})"
          + "|(?<monthDay>[A-Z][a-z]{2} +\\d{1,2})(?=\\s|$)");

  /** The width procps gives STAT; the command column starts one space after it. */
  private static final int STAT_WIDTH = 4;

  /**
   * The cells of one ps line. The command column (with the forest art) starts at {@code aligned}
   * when the header lines up with the rows, and at least one space after the last cell
   * ({@code afterSeparator}) in any case.
   */
  record Cells(String[] values, int[] starts, int afterSeparator, int aligned) {
    /** True when the command text starts left of the aligned offset: the header is misaligned. */
    boolean contradictsAlignment(String line) {
      int p = Math.min(afterSeparator, line.length());
      while (p < line.length() && line.charAt(p) == ' ') {
        p++;
      }
      return p < aligned && p < line.length() && line.charAt(p) != '\\' && line.charAt(p) != '|';
    }
  }

  private final PsLayout layout;

  PsLineReader(PsLayout layout) {
    this.layout = layout;
  }

  /** Reads line {@code index} of {@code text}, or records why it cannot and returns null. */
  Cells read(TextBlock text, int index, ParseIssues issues) {
    String line = text.lines().get(index);
    int n = layout.columns().size();
    String[] values = new String[n];
    int[] starts = new int[n];
    int pos = 0;
    for (int c = 0; c < n; c++) {
      String name = layout.columns().get(c);
      while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) {
        pos++;
      }
      if (pos >= line.length()) {
        issues.add(text, index, pos + 1, "expected a " + name + " column, got end of line in "
            + ParseIssues.quote(line));
        return null;
      }
      int end = name.startsWith("START") ? startEnd(line, pos) : tokenEnd(line, pos);
      values[c] = line.substring(pos, end);
      starts[c] = pos;
      pos = end;
      if ((name.equals("STAT") || name.equals("S")) && !STAT.matcher(values[c]).matches()) {
        issues.add(text, index, starts[c] + 1, "expected a " + name + " column, got "
            + ParseIssues.quote(values[c]) + " in " + ParseIssues.quote(line));
        return null;
      }
    }
    return new Cells(values, starts, pos + 1, alignedStart(values, starts, pos));
  }

  /**
   * Where the command column would start if the header is aligned with the rows. procps separates
   * columns with one space, but a left-aligned column before the command (STAT, width 4) is padded,
   * so the command starts at the header's CMD offset; a column that overflowed pushes it right.
   * Without a header, procps's STAT width gives the same offset.
   */
  private int alignedStart(String[] values, int[] starts, int lastEnd) {
    int aligned;
    if (layout.hasHeader()) {
      aligned = layout.commandOffset();
    } else {
      int stat = layout.indexOf("STAT");
      // STAT is left-aligned and padded to 4 when it is the last column before the command.
      aligned = stat == values.length - 1 ? starts[stat] + Math.max(STAT_WIDTH, values[stat].length()) + 1
          : lastEnd + 1;
    }
    return Math.max(aligned, lastEnd + 1);
  }

  private static int tokenEnd(String line, int pos) {
    int end = pos;
    while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
      end++;
    }
    return end;
  }

  private static int startEnd(String line, int pos) {
    Matcher m = MULTI_TOKEN_START.matcher(line);
    m.region(pos, line.length());
    return m.lookingAt() ? m.end() : tokenEnd(line, pos);
  }
}
