package io.podmortem.source;

import io.podmortem.model.ParseIssue;
import io.podmortem.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Counts the entries of a tree listed by {@code ls -R} (or {@code ls -laR}) or by {@code tar -t} (or {@code tar -tv},
 * as in {@code docker export ID | tar -tv}), the other two ways a responder lists a container's files by hand.
 *
 * <p>{@code ls -alR} in a merged dir, GNU coreutils:
 * <pre>
 * .:
 * total 8
 * drwxr-xr-x 1 root root 4096 Nov 20 07:17 .
 * drwx--x--- 5 root root 4096 Nov 20 07:17 ..
 * -rwxr-xr-x 1 root root    0 Nov 20 07:17 .dockerenv
 * drwxr-xr-x 2 root root 4096 Oct  1 00:00 bin
 *
 * ./bin:
 * </pre>
 * {@code tar -tv}, GNU tar: {@code drwxr-xr-x root/root 0 2024-10-01 00:00 bin/}; {@code tar -t} prints the names
 * alone. As with find, the tree's own root ({@code .}, {@code ./}, {@code ..}) is not counted.
 */
final class TreeListingParser {
  /**
   * A long listing's line: a file type and nine permission characters, maybe an ACL or SELinux sign, then fields.
   * Example match: {@code -rw-r--r-- 1 root root 1406 Nov 20 07:17 passwd}
   */
  private static final Pattern LONG = Pattern.compile("^[-dlcbps][-rwxsStTl]{9}[.+@]?\\s");

  /** {@code total 8}, {@code total 1.2M}: the blocks line ls -l prints before each directory's entries. */
  private static final Pattern TOTAL = Pattern.compile("^total \\d{1,20}(?:[.,]\\d{1,4})?[KMGTP]?$");

  /** What lists the tree. */
  enum Kind { LS, TAR }

  private TreeListingParser() {}

  /** Which kind of tree listing a command prints, or null: {@code ls} with {@code -R}, {@code tar} with {@code -t}. */
  static Kind kind(String command) {
    if (command == null) {
      return null;
    }
    for (List<String> stage : ShellWords.pipeline(command)) {
      List<String> w = Commands.withoutSudo(stage);
      if (w.isEmpty()) {
        continue;
      }
      String tool = Commands.basename(w.get(0));
      List<String> args = w.subList(1, w.size());
      if (tool.equals("ls") && args.stream().anyMatch(a -> a.equals("--recursive")
          || a.startsWith("-") && !a.startsWith("--") && a.contains("R"))) {
        return Kind.LS;
      }
      if (tool.equals("tar") && !args.isEmpty() && (args.contains("--list")
          || args.get(0).matches("-?[A-Za-su-z]{0,8}t[A-Za-z]{0,8}"))) {
        return Kind.TAR;
      }
    }
    return null;
  }

  /** True when the lines read as the command's listing: ls -R opens with a directory's header, tar with names. */
  static boolean looksLike(TextBlock t) {
    Kind k = kind(t.command());
    int first = t.firstNonBlank();
    if (k == null || first < 0) {
      return false;
    }
    String line = t.lines().get(first);
    if (k == Kind.LS) {
      return line.endsWith(":") && !line.startsWith("ls: ");
    }
    int paths = 0;
    int lines = 0;
    for (int i = first; i < t.size(); i++) {
      String l = t.lines().get(i);
      if (l.isBlank()) {
        continue;
      }
      lines++;
      if (LONG.matcher(l).find() || FindListingParser.pathWithSpaces(l)) {
        paths++;
      }
    }
    return paths * 2 > lines;
  }

  static FileListing parse(TextBlock t, ParseIssues issues) {
    Counter c = new Counter(t.entry(), kind(t.command()));
    for (int i = 0; i < t.size(); i++) {
      c.accept(t.lines().get(i), t.lineNo(i), issues);
    }
    return c.result();
  }

  /** Counts a tree listing's entries as its lines pass, keeping only the first few names. */
  static final class Counter implements FindListingParser.LineCounter {
    private final String entry;
    private final Kind kind;
    private SourceRef first;
    private int entries;
    private final List<String> sample = new ArrayList<>();

    Counter(String entry, Kind kind) {
      this.entry = entry;
      this.kind = kind;
    }

    @Override
    public void accept(String line, int lineNo, ParseIssues issues) {
      if (line.isBlank()) {
        return;
      }
      if (line.startsWith("ls: ") || line.startsWith("tar: ")) {
        issues.add(new ParseIssue(entry, lineNo, 1, "the command reported an error, not an entry: "
            + ParseIssues.quote(line)));
        return;
      }
      if (first == null) {
        first = new SourceRef(entry, lineNo);
      }
      if (kind == Kind.TAR) {
        String name = LONG.matcher(line).find() ? lastField(line, 5) : line;
        add(name);
        return;
      }
      if (line.endsWith(":") || TOTAL.matcher(line).matches()) {
        return;
      }
      if (LONG.matcher(line).find()) {
        // A device shows its major and minor numbers ("1, 3") where a file shows its size.
        char type = line.charAt(0);
        add(lastField(line, type == 'c' || type == 'b' ? 9 : 8));
        return;
      }
      // Names in columns, as ls prints them to a terminal: split on runs of spaces; GNU ls quotes a name that
      // holds one ('my file').
      for (String name : columns(line)) {
        add(name);
      }
    }

    private void add(String name) {
      String n = name.endsWith("/") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
      int arrow = n.indexOf(" -> ");
      if (arrow > 0) {
        n = n.substring(0, arrow);
      }
      if (n.equals(".") || n.equals("..") || n.equals("./") || n.equals("/") || n.isEmpty()) {
        return;
      }
      entries++;
      if (sample.size() < FindListingParser.SAMPLE_SIZE) {
        sample.add(n);
      }
    }

    @Override
    public FileListing result() {
      return new FileListing(first != null ? first : new SourceRef(entry, 0), entries, sample);
    }
  }

  /** What follows the first {@code fields} whitespace-separated fields: a long listing's name. */
  static String lastField(String line, int fields) {
    int i = 0;
    int n = line.length();
    for (int f = 0; f < fields && i < n; f++) {
      while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
        i++;
      }
      while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        i++;
      }
    }
    return line.substring(Math.min(i, n));
  }

  /**
   * A line of names in columns, as GNU ls aligns them: with tabs and runs of spaces (one space is part of a name);
   * a quoted name is one name.
   */
  static List<String> columns(String line) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        i++;
      }
      if (i >= n) {
        break;
      }
      char q = line.charAt(i);
      int start = i;
      if (q == '\'' || q == '"') {
        int close = line.indexOf(q, i + 1);
        i = close < 0 ? n : close + 1;
        out.add(line.substring(start + 1, Math.max(start + 1, i - 1)));
        continue;
      }
      while (i < n && line.charAt(i) != '\t'
          && !(line.charAt(i) == ' ' && (i + 1 >= n || line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '\t'))) {
        i++;
      }
      out.add(line.substring(start, i).strip());
    }
    return out;
  }
}
