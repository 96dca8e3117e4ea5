package io.podmortem.report;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short forms of bundle entry names for the HTML's citations. A container's files carry its 64-digit ID
 * ({@code cri/inspect/3108683eff53…970a.json}); a node of a thousand containers cites them a hundred thousand times.
 * Cited, such a name keeps the ID's first 12 digits, as {@code docker ps} shows them, and a {@code *}:
 * {@code cri/inspect/3108683eff53*.json}. That is a shell glob which matches, among the bundle's entries, this one
 * and no other, so it still names one file and can be pasted into {@code ls} in the unpacked bundle. A name whose
 * glob would match two entries, or which holds characters a shell would read, stays whole. The report's list of
 * sources gives every name in full.
 */
final class ShortEntries {
  private static final Pattern ID = Pattern.compile("(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])");
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._/+=@,:-]+");
  static final int KEEP = 12;

  private ShortEntries() {}

  /** Each entry that has a short form, mapped to it. */
  static Map<String, String> of(Collection<String> entries) {
    TreeSet<String> sorted = new TreeSet<>(entries);
    Map<String, String> out = new HashMap<>();
    for (String e : sorted) {
      Matcher m = ID.matcher(e);
      if (!PLAIN.matcher(e).matches() || !m.find()) {
        continue;
      }
      int at = m.start();
      if (m.find()) {
        continue;
      }
      String prefix = e.substring(0, at + KEEP);
      String suffix = e.substring(at + 64);
      if (matches(sorted, prefix, suffix) == 1) {
        out.put(e, prefix + "*" + suffix);
      }
    }
    return out;
  }

  /** How many entries the glob {@code prefix*suffix} matches; {@code *} spans no {@code /}, as in a shell. */
  private static int matches(TreeSet<String> sorted, String prefix, String suffix) {
    int n = 0;
    for (String e : sorted.tailSet(prefix, true)) {
      if (!e.startsWith(prefix)) {
        break;
      }
      if (e.length() >= prefix.length() + suffix.length() && e.endsWith(suffix)
          && e.substring(prefix.length(), e.length() - suffix.length()).indexOf('/') < 0) {
        n++;
      }
    }
    return n;
  }
}
