package io.podmortem.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses {@code ps} listings: {@code ps faxno user,stat,cmd}, {@code ps auxf}, {@code ps -ef},
 * {@code ps -eo pid,ppid,...}, with or without forest art, and a headerless {@code ps faxno} forest.
 *
 * <pre>
 *     USER STAT CMD
 *        0 S    [kthreadd]
 *        0 I&lt;    \_ [rcu_gp]
 *        0 Ss   /sbin/init
 *      101 Ss    \_ /usr/bin/dumb-init -- /nginx-ingress-controller --election-id=...
 * </pre>
 *
 * Parents come from the forest art where there is any, else from PPID. The tree is built with
 * loops and an explicit stack of the last row seen at each depth, never by recursion.
 */
public final class PsForestParser {
  /**
   * A {@code ps faxno user,stat,cmd} row without a header: numeric uid or name, STAT, command.
   *
   * <p>Example matches: {@code "       0 S    [kthreadd]"}, {@code "    1000 Ss+           \_ -bash"},
   * {@code "systemd+ Ssl  /lib/systemd/systemd-timesyncd"}
   */
  private static final Pattern HEADERLESS_ROW = Pattern.compile(
      "\\s*(?<user>\\d+|[A-Za-z_][A-Za-z0-9_.-]*[+$]?)\\s+(?<stat>[DIRSTtWXZP][<NLsl+W]*)\\s(?<command>.*)");

  private static final Pattern KERNEL_THREAD = Pattern.compile("\\[[^\\]]*\\]");

  /** How many leading lines a headerless listing must match before we call it ps. */
  private static final int SNIFF_LINES = 5;

  /** True for a ps header line first, or for lines that all read as a headerless forest. */
  public static boolean looksLike(TextBlock t) {
    return evidence(t) != null;
  }

  /** What makes the block a ps listing, in a clause; null when it is not one. */
  static String evidence(TextBlock t) {
    int first = t.firstNonBlank();
    if (first < 0) {
      return null;
    }
    int header = headerLine(t, first);
    if (header >= 0) {
      return (header == first ? "its first line" : "line " + t.lineNo(header)) + " is a ps header ("
          + ParseIssues.quote(t.lines().get(header).strip()) + ")";
    }
    PsHeaderless.Known known = PsHeaderless.find(t, first);
    if (known != null) {
      return "its rows have the columns of " + known.command() + " without its header (" + known.header() + ")";
    }
    int matched = 0;
    for (int i = first; i < t.size() && matched < SNIFF_LINES; i++) {
      String line = t.lines().get(i);
      if (line.isBlank()) {
        continue;
      }
      if (!HEADERLESS_ROW.matcher(line).matches()) {
        return null;
      }
      matched++;
    }
    return matched >= 2 ? "its first " + matched + " lines all read as rows of a headerless ps forest" : null;
  }

  /**
   * The line of the ps header: the first non-blank line, or one of the next two after a line that is no ps row
   * (a warning ps printed first, such as {@code your 131072x1 screen size is bogus}). -1 when there is none.
   */
  private static int headerLine(TextBlock t, int first) {
    int seen = 0;
    for (int i = first; i < t.size() && seen < 3; i++) {
      String line = t.lines().get(i);
      if (line.isBlank()) {
        continue;
      }
      if (PsLayout.fromHeader(line) != null) {
        return i;
      }
      if (HEADERLESS_ROW.matcher(line).matches()) {
        return -1;
      }
      seen++;
    }
    return -1;
  }

  public PsForest parse(TextBlock t, ParseIssues issues) {
    int first = t.firstNonBlank();
    if (first < 0) {
      return new PsForest(t.entry(), List.of());
    }
    int header = headerLine(t, first);
    PsLayout layout = header < 0 ? null : PsLayout.fromHeader(t.lines().get(header));
    int from = header + 1;
    for (int i = first; i < header; i++) {
      if (!t.lines().get(i).isBlank()) {
        issues.add(t, i, 1, "not a ps row, before the header: " + ParseIssues.quote(t.lines().get(i)));
      }
    }
    if (layout == null) {
      PsHeaderless.Known known = PsHeaderless.find(t, first);
      layout = known == null ? PsLayout.headerless() : PsLayout.headerless(known.header());
      from = first;
    }
    PsLineReader reader = new PsLineReader(layout);
    List<Integer> indexes = new ArrayList<>();
    List<PsLineReader.Cells> read = new ArrayList<>();
    boolean aligned = true;
    for (int i = from; i < t.size(); i++) {
      if (t.lines().get(i).isBlank()) {
        continue;
      }
      PsLineReader.Cells cells = reader.read(t, i, issues);
      if (cells != null) {
        indexes.add(i);
        read.add(cells);
        aligned &= !cells.contradictsAlignment(t.lines().get(i));
      }
    }
    List<Parsed> parsed = new ArrayList<>();
    // One row per thread (ps m, ps -L): the threads fold into their process, the first row of its PID.
    boolean threadRows = layout.indexOf("LWP") >= 0 || layout.indexOf("SPID") >= 0 || layout.indexOf("TID") >= 0
        || layout.trailing().contains("LWP");
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int k = 0; k < read.size(); k++) {
      Parsed p = toParsed(t, indexes.get(k), layout, read.get(k), aligned, issues);
      if (p == null || p.thread || (threadRows && p.pid != null && !seen.add(p.pid))) {
        continue;
      }
      parsed.add(p);
    }
    boolean art = parsed.stream().anyMatch(p -> p.depth > 0);
    if (art) {
      linkByArt(t, parsed, issues);
    } else if (layout.indexOf("PPID") >= 0 && layout.indexOf("PID") >= 0) {
      PsParents.linkByPpid(t, parsed, issues);
    }
    List<PsRow> rows = new ArrayList<>(parsed.size());
    for (Parsed p : parsed) {
      rows.add(new PsRow(t.ref(p.index), p.depth, p.parent, p.pid, p.ppid, p.user, p.stat,
          p.command, KERNEL_THREAD.matcher(p.command).matches(), p.started, p.cgroup));
    }
    return new PsForest(t.entry(), rows);
  }

  /** A row being built: mutable only inside one parse call. */
  static final class Parsed {
    final int index;
    int depth;
    Integer parent;
    final Integer pid;
    final Integer ppid;
    final String user;
    final String stat;
    final String command;
    String started;
    String cgroup;
    boolean thread;

    Parsed(int index, int depth, Integer pid, Integer ppid, String user, String stat, String command) {
      this.index = index;
      this.depth = depth;
      this.pid = pid;
      this.ppid = ppid;
      this.user = user;
      this.stat = stat;
      this.command = command;
    }
  }

  /**
   * Builds a row from its cells. A header that does not line up with the rows (pasted outputs
   * often lose a space) is ignored for the command offset, and the art is measured from one
   * space after the last cell.
   */
  private static Parsed toParsed(TextBlock t, int i, PsLayout layout, PsLineReader.Cells cells,
      boolean aligned, ParseIssues issues) {
    String line = t.lines().get(i);
    Integer[] ids = new Integer[2];
    String[] names = {"PID", "PPID"};
    for (int k = 0; k < names.length; k++) {
      int c = layout.indexOf(names[k]);
      if (c < 0 || cells.values()[c].equals("-")) {
        continue;
      }
      ids[k] = PsParents.parsePid(cells.values()[c]);
      if (ids[k] == null) {
        issues.add(t, i, cells.starts()[c] + 1, "expected a " + names[k] + " column, got "
            + ParseIssues.quote(cells.values()[c]) + " in " + ParseIssues.quote(line));
        return null;
      }
    }
    int userCol = layout.userIndex();
    int statCol = layout.indexOf("STAT") >= 0 ? layout.indexOf("STAT") : layout.indexOf("S");
    ForestArt.Measure art = ForestArt.measure(line, aligned ? cells.aligned() : cells.afterSeparator());
    String text = line.substring(art.textStart());
    String[] after = new String[layout.trailing().size()];
    for (int k = after.length - 1; k >= 0; k--) {
      String rest = text.stripTrailing();
      int cut = rest.lastIndexOf(' ');
      if (cut < 0) {
        issues.add(t, i, 0, "expected a " + layout.trailing().get(k) + " column after the command in "
            + ParseIssues.quote(line));
        return null;
      }
      after[k] = rest.substring(cut + 1);
      text = rest.substring(0, cut);
    }
    String user = userCol < 0 ? null : cells.values()[userCol];
    String stat = statCol < 0 ? null : cells.values()[statCol];
    Parsed p = new Parsed(i, art.depth(), ids[0], ids[1], user, stat, text.stripTrailing());
    // ps m prints a thread row after each process: '-' for the PID, and the process's row has STAT '-'.
    p.thread = layout.indexOf("PID") >= 0 && cells.values()[layout.indexOf("PID")].equals("-");
    int startCol = Math.max(layout.indexOf("STARTED"), layout.indexOf("LSTART"));
    p.started = startCol < 0 ? null : cells.values()[startCol];
    int cgroupCol = layout.trailing().indexOf("CGROUP");
    p.cgroup = cgroupCol < 0 || after[cgroupCol].equals("-") ? null : after[cgroupCol];
    return p;
  }

  /** Parent is the last row seen one level up; {@code lastAt.get(d)} is the last row at depth d. */
  private static void linkByArt(TextBlock t, List<Parsed> parsed, ParseIssues issues) {
    List<Integer> lastAt = new ArrayList<>();
    for (int r = 0; r < parsed.size(); r++) {
      Parsed p = parsed.get(r);
      int d = p.depth;
      if (d > lastAt.size()) {
        String line = t.lines().get(p.index);
        issues.add(t, p.index, 0, "forest art jumps from depth " + (lastAt.size() - 1) + " to "
            + d + " in " + ParseIssues.quote(line));
        p.parent = lastAt.isEmpty() ? null : lastAt.get(lastAt.size() - 1);
      } else {
        p.parent = d == 0 ? null : lastAt.get(d - 1);
      }
      while (lastAt.size() > d) {
        lastAt.remove(lastAt.size() - 1);
      }
      while (lastAt.size() < d) {
        lastAt.add(p.parent);
      }
      lastAt.add(r);
    }
  }
}
