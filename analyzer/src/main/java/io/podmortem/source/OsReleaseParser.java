package io.podmortem.source;

import io.podmortem.model.SourceRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an os-release file, or a {@code grep} of one, into an {@link OsRelease}.
 *
 * <p>Produced by {@code cat /etc/os-release} or {@code grep PRETTY etc/os-release}; a real sample (Alpine):
 * <pre>
 * NAME="Alpine Linux"
 * ID=alpine
 * VERSION_ID=3.19.1
 * PRETTY_NAME="Alpine Linux v3.19"
 * </pre>
 * Values follow shell quoting (os-release(5)): double quotes with backslash escapes, single quotes, or none.
 * A later assignment of a key wins, as when a shell sources the file.
 */
public final class OsReleaseParser {
  /**
   * One assignment, optionally behind the file name {@code grep} prints when given several files or {@code -H}.
   *
   * <p>Example matches: {@code ID=alpine}, {@code PRETTY_NAME="Ubuntu 16.04.2 LTS"},
   * {@code etc/os-release:PRETTY_NAME="Ubuntu 16.04.2 LTS"}
   */
  private static final Pattern ASSIGNMENT =
      Pattern.compile("^(?:(?<file>\\S*os-release):)?(?<key>[A-Z_][A-Z0-9_]*)=(?<value>.*)$");

  private static final Set<String> KNOWN_KEYS = Set.of("NAME", "ID", "VERSION_ID", "PRETTY_NAME", "ID_LIKE", "VERSION");

  private OsReleaseParser() {}

  /** True when every line that is not blank or a comment is an assignment, and one sets a well-known key. */
  public static boolean looksLike(TextBlock t) {
    boolean known = false;
    for (String line : t.lines()) {
      if (ignorable(line)) {
        continue;
      }
      Matcher m = ASSIGNMENT.matcher(line);
      if (!m.matches()) {
        return false;
      }
      known |= KNOWN_KEYS.contains(m.group("key"));
    }
    return known;
  }

  /** Parses every assignment; other lines are recorded in {@code issues} and skipped. */
  public static OsRelease parse(TextBlock t, ParseIssues issues) {
    Map<String, String> fields = new HashMap<>();
    Map<String, SourceRef> refs = new HashMap<>();
    for (int i = 0; i < t.size(); i++) {
      String line = t.lines().get(i);
      if (ignorable(line)) {
        continue;
      }
      Matcher m = ASSIGNMENT.matcher(line);
      if (!m.matches()) {
        issues.add(t, i, 1, "expected KEY=value, got " + ParseIssues.quote(line));
        continue;
      }
      String value = unquote(m.group("value"), t, i, m.start("value") + 1, issues);
      fields.put(m.group("key"), value);
      refs.put(m.group("key"), t.ref(i));
    }
    return new OsRelease(fields, refs);
  }

  private static boolean ignorable(String line) {
    String s = line.strip();
    return s.isEmpty() || s.startsWith("#");
  }

  /** The value with its shell quoting removed; {@code column} is where the value starts, 1-based. */
  private static String unquote(String raw, TextBlock t, int index, int column, ParseIssues issues) {
    String v = raw.stripTrailing();
    if (v.isEmpty() || (v.charAt(0) != '"' && v.charAt(0) != '\'')) {
      return v;
    }
    char quote = v.charAt(0);
    StringBuilder out = new StringBuilder(v.length());
    int i = 1;
    while (i < v.length() && v.charAt(i) != quote) {
      char c = v.charAt(i);
      // Inside double quotes a backslash escapes ", \, $ and ` (os-release(5)); elsewhere it stays.
      if (quote == '"' && c == '\\' && i + 1 < v.length() && "\"\\$`".indexOf(v.charAt(i + 1)) >= 0) {
        c = v.charAt(++i);
      }
      out.append(c);
      i++;
    }
    if (i >= v.length()) {
      issues.add(t, index, column, "missing closing " + quote + " in " + ParseIssues.quote(raw));
    } else if (i + 1 < v.length()) {
      issues.add(t, index, column + i + 1, "unexpected text after closing " + quote + ": "
          + ParseIssues.quote(v.substring(i + 1)));
    }
    return out.toString();
  }
}
