package io.podmortem.source;

import io.podmortem.model.SourceRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Summarises a {@code find} listing into a {@link FileListing}: how many paths, and the first few.
 *
 * <p>Produced by {@code find .}, {@code find /abs/path} or {@code find . | sed -e 's;^./;;'}; a real sample (udon):
 * <pre>
 * pause
 * proc
 * .dockerenv
 * etc
 * etc/resolv.conf
 * </pre>
 */
public final class FindListingParser {
  /** How many paths the listing keeps. */
  public static final int SAMPLE_SIZE = 50;

  /**
   * A path as find prints it; without the command to go by, no whitespace is allowed.
   *
   * <p>Example matches: {@code .}, {@code ./etc/hosts}, {@code /var/lib/kubelet}, {@code .dockerenv}
   */
  private static final Pattern STRICT_PATH = Pattern.compile("^[\\w./@+~-][^\\s=]*$");

  /**
   * A path that may hold single spaces ({@code /var/lib/my dir/x}): a path character first, then no {@code =}, no
   * whitespace but single spaces. Checked with a loop: a regex repeating a group once per character recurses as
   * deep as the line is long, and a hostile line of a few thousand characters overflowed the stack.
   */
  static boolean pathWithSpaces(String l) {
    if (l.isEmpty()) {
      return false;
    }
    char first = l.charAt(0);
    if (!(Character.isLetterOrDigit(first) || "_./@+~-".indexOf(first) >= 0)) {
      return false;
    }
    for (int i = 1; i < l.length(); i++) {
      char c = l.charAt(i);
      if (c == '=' || (Character.isWhitespace(c) && (c != ' ' || (i + 1 < l.length() && l.charAt(i + 1) == ' ')))) {
        return false;
      }
    }
    return true;
  }

  private FindListingParser() {}

  /**
   * True when the command is a find whose output is the paths themselves, or, lacking a command, when at least 3
   * lines are all bare paths that either all start at {@code /} or {@code ./} or list a directory and its content.
   */
  public static boolean looksLike(TextBlock t) {
    List<String> lines = nonBlank(t);
    if (lines.isEmpty()) {
      return false;
    }
    String command = t.command() == null ? "" : t.command().strip();
    if (command.startsWith("find ")) {
      // "find . | wc -l" prints a count, not paths.
      if (command.matches(".*\\|\\s*(?:wc|xargs|file|grep -c)\\b.*")) {
        return false;
      }
      long paths = lines.stream().filter(l -> pathWithSpaces(l) && !l.contains(": ")).count();
      return paths * 2 > lines.size();
    }
    if (lines.size() < 3 || !lines.stream().allMatch(l -> STRICT_PATH.matcher(l).matches())) {
      return false;
    }
    boolean rooted = lines.stream().allMatch(l -> l.startsWith("/") || l.startsWith("./") || l.equals("."));
    return rooted || listsDirectoryAndContent(lines);
  }

  /**
   * Counts the paths; error lines find wrote to stderr are recorded in {@code issues} and not counted, nor is the
   * starting point itself ({@code .} for {@code find .}), so that the count is of the entries under it, as the
   * collector's {@code find -mindepth 1} listings count.
   */
  public static FileListing parse(TextBlock t, ParseIssues issues) {
    Counter c = new Counter(t.entry(), startPoint(t.command()));
    for (int i = 0; i < t.size(); i++) {
      c.accept(t.lines().get(i), t.lineNo(i), issues);
    }
    return c.result();
  }

  /**
   * The path a find command starts from, as it prints it: its first argument that is not an option or an
   * expression, {@code .} when it names none (GNU find's default); null for no command or another tool.
   */
  static String startPoint(String command) {
    if (command == null) {
      return null;
    }
    List<List<String>> pipeline = ShellWords.pipeline(command);
    return startPoint(pipeline.isEmpty() ? List.of() : Commands.withoutSudo(pipeline.get(0)));
  }

  /** As {@link #startPoint(String)}, for a command's words. */
  static String startPoint(List<String> w) {
    if (w.isEmpty() || !Commands.basename(w.get(0)).equals("find")) {
      return null;
    }
    for (String a : w.subList(1, w.size())) {
      if (a.equals("-H") || a.equals("-L") || a.equals("-P")) {
        continue;
      }
      if (a.startsWith("-") || a.equals("(") || a.equals("!")) {
        break;
      }
      return a;
    }
    return ".";
  }

  /** A listing's summary, built as its lines pass. */
  interface LineCounter {
    void accept(String line, int lineNo, ParseIssues issues);

    FileListing result();
  }

  /** Counts a listing's paths as they pass, keeping only the first few. */
  static final class Counter implements LineCounter {
    private final String entry;
    private final String start;
    private SourceRef first;
    private int entries;
    private boolean startSeen;
    private final List<String> sample = new ArrayList<>();

    /** @param startPoint the path the find started from, not itself counted; null when not known */
    Counter(String entry, String startPoint) {
      this.entry = entry;
      this.start = startPoint == null ? null : trimSlash(startPoint);
    }

    @Override
    public void accept(String line, int lineNo, ParseIssues issues) {
      if (line.isBlank()) {
        return;
      }
      // GNU find reports unreadable directories on stderr, which pastes interleave with the paths.
      if (line.startsWith("find: ")) {
        issues.add(new io.podmortem.model.ParseIssue(entry, lineNo, 1,
            "find reported an error, not a path: " + ParseIssues.quote(line)));
        return;
      }
      if (first == null) {
        first = new SourceRef(entry, lineNo);
      }
      // find prints its starting point first, once.
      if (!startSeen && entries == 0 && start != null && trimSlash(line).equals(start)) {
        startSeen = true;
        return;
      }
      entries++;
      if (sample.size() < SAMPLE_SIZE) {
        sample.add(line);
      }
    }

    @Override
    public FileListing result() {
      return new FileListing(first != null ? first : new SourceRef(entry, 0), entries, sample);
    }

    private static String trimSlash(String p) {
      return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
  }

  private static boolean listsDirectoryAndContent(List<String> lines) {
    Set<String> seen = new HashSet<>(lines);
    for (String l : lines) {
      int slash = l.lastIndexOf('/');
      if (slash > 0 && seen.contains(l.substring(0, slash))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> nonBlank(TextBlock t) {
    List<String> out = new ArrayList<>();
    for (String l : t.lines()) {
      if (!l.isBlank()) {
        out.add(l);
      }
    }
    return out;
  }
}
