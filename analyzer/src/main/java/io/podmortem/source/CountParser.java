package io.podmortem.source;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the single number of {@code wc -l} (or {@code find . | wc -l}) output into a {@link Count}.
 *
 * <p>A real sample (udon, {@code find . | wc -l} in a container's merged rootfs):
 * <pre>
 * 3358
 * </pre>
 */
public final class CountParser {
  /**
   * The count, right-aligned by some wc builds, then the file name when wc was given one (one word: a line of
   * several numbers, such as mountinfo's, is no count).
   *
   * <p>Example matches: {@code 3358}, {@code   42 /etc/passwd}
   */
  private static final Pattern COUNT = Pattern.compile("^\\s*(?<value>\\d+)(?:\\s+(?<file>[^\\s\\d]\\S*|-))?$");

  private CountParser() {}

  /** True when the block holds exactly one non-blank line, and it is a count. */
  public static boolean looksLike(TextBlock t) {
    int first = t.firstNonBlank();
    if (first < 0 || !COUNT.matcher(t.lines().get(first)).matches()) {
      return false;
    }
    for (int i = first + 1; i < t.size(); i++) {
      if (!t.lines().get(i).isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** The count on the first non-blank line; empty, with an issue, when there is none. */
  public static Optional<Count> parse(TextBlock t, ParseIssues issues) {
    int first = t.firstNonBlank();
    if (first < 0) {
      return Optional.empty();
    }
    String line = t.lines().get(first);
    Matcher m = COUNT.matcher(line);
    if (!m.matches()) {
      issues.add(t, first, 1, "expected a count such as '3358', got " + ParseIssues.quote(line));
      return Optional.empty();
    }
    String digits = m.group("value");
    if (digits.length() > 18) {
      issues.add(t, first, m.start("value") + 1, "count out of range: " + ParseIssues.quote(digits));
      return Optional.empty();
    }
    for (int i = first + 1; i < t.size(); i++) {
      if (!t.lines().get(i).isBlank()) {
        issues.add(t, i, 1, "expected one count line, got more: " + ParseIssues.quote(t.lines().get(i)));
        break;
      }
    }
    return Optional.of(new Count(t.ref(first), Long.parseLong(digits)));
  }
}
