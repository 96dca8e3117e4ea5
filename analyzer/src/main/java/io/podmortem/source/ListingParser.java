package io.podmortem.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a listing from {@code find DIR -mindepth 1 -printf '%y %m %U %G %s %T@\t%P\t%l\n'} (collector/FORMAT.md).
 *
 * <pre>
 * f 644 0 0 6 1795470780.4381234560	etc/os-release.bak
 * l 777 0 0 7 1795470780.0000000000	bin/sh	busybox
 * c 0 0 0 0 1795470780.0000000000	bin/nc
 * #truncated 200000 of 512345
 * </pre>
 */
public final class ListingParser {
  /** Example match: {@code f 644 0 0 6 1795470780.4381234560}. */
  private static final Pattern HEAD = Pattern.compile(
      "^(?<type>[fdlcbpsD]) (?<mode>[0-7]{1,5}) (?<uid>\\d{1,10}) (?<gid>\\d{1,10}) (?<size>\\d{1,18}) "
          + "(?<mtime>\\d{1,12})(?:\\.\\d+)?$");
  /** Example match: {@code #truncated 200000 of 512345}. */
  private static final Pattern TRUNCATED = Pattern.compile("^#truncated (?<kept>\\d+) of (?<total>\\d+)$");

  private ListingParser() {}

  public static boolean looksLike(TextBlock t) {
    int first = t.firstNonBlank();
    if (first < 0) {
      return false;
    }
    String l = t.lines().get(first);
    int tab = l.indexOf('\t');
    return tab > 0 && HEAD.matcher(l.substring(0, tab)).matches();
  }

  public static Listing parse(TextBlock t, ParseIssues issues) {
    List<ListingEntry> out = new ArrayList<>();
    Integer total = null;
    for (int i = 0; i < t.size(); i++) {
      String l = t.lines().get(i);
      if (l.isEmpty()) {
        continue;
      }
      Matcher cut = TRUNCATED.matcher(l);
      if (cut.matches()) {
        total = (int) Math.min(Long.parseLong(cut.group("total")), Integer.MAX_VALUE);
        continue;
      }
      String[] f = l.split("\t", -1);
      Matcher m = f.length == 3 ? HEAD.matcher(f[0]) : null;
      if (m == null || !m.matches() || f[1].isEmpty()) {
        issues.add(t, i, 1, "expected '<type> <mode> <uid> <gid> <size> <mtime>\\t<path>\\t<target>', got "
            + ParseIssues.quote(l));
        continue;
      }
      out.add(new ListingEntry(m.group("type").charAt(0), Integer.parseInt(m.group("mode"), 8),
          Long.parseLong(m.group("uid")), Long.parseLong(m.group("gid")), Long.parseLong(m.group("size")),
          Long.parseLong(m.group("mtime")), f[1], f[2].isEmpty() ? null : f[2], t.lineNo(i)));
    }
    return new Listing(t.entry(), out, total);
  }
}
