package io.podmortem.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code pstree -p} (sos's process plugin runs {@code pstree -lp}): each process as {@code name(pid)}, a
 * child to the right of its parent, joined by {@code ---} or {@code -+-}, and further children on later lines
 * under a {@code |-} or {@code `-} that starts in the child's column. {@code pstree -U} and a terminal draw the same
 * tree with box characters. Threads ({@code {name}(tid)}) are left out. Without {@code -l}, pstree cuts long lines
 * with a {@code +}; the processes past the cut are lost.
 *
 * <pre>
 * systemd(1)-+-containerd(622)-+-containerd-shim(4117)-+-httpd(4139)
 *            |                 |                       |-sleep(4895)
 *            |                 |                       `-{containerd-shim}(4119)
 *            `-sshd(702)---sshd(9100)---bash(9102)
 * </pre>
 *
 * It gives each process its PID, its parent and its name, which is all pstree prints.
 */
final class PstreeParser {
  /** The continuation art before a line's first process. Example match: {@code "           |       `-"}. */
  private static final Pattern PREFIX = Pattern.compile("^[ |│]*?(?:[|`]-|[├└]─)");
  /** What joins a process to its first child. */
  private static final Pattern JOIN = Pattern.compile("---|-\\+-|───|─┬─");
  /** One process. Example matches: {@code containerd-shim(4117)}, {@code (sd-pam)(1502)}, {@code {java}(21554)}. */
  private static final Pattern NODE = Pattern.compile("^(?<name>.{1,256}?)\\((?<pid>\\d{1,10})\\)$");

  private PstreeParser() {}

  /** The evidence: a first line that is a process with its PID, and later lines that continue its tree. */
  static String evidence(TextBlock t) {
    int first = t.firstNonBlank();
    if (first < 0) {
      return null;
    }
    String line = t.lines().get(first);
    if (line.startsWith(" ") || line.length() > 65_536) {
      return null;
    }
    List<String> nodes = split(line, 0).stream().map(n -> n.text).toList();
    if (nodes.isEmpty() || !nodes.stream().allMatch(n -> NODE.matcher(n).matches())) {
      return null;
    }
    int continued = 0;
    for (int i = first + 1; i < t.size() && continued < 5; i++) {
      String l = t.lines().get(i);
      if (l.isBlank()) {
        continue;
      }
      Matcher p = PREFIX.matcher(l);
      if (!p.lookingAt() || !NODE.matcher(split(l, p.end()).get(0).text).matches()) {
        return null;
      }
      continued++;
    }
    return nodes.size() >= 2 || continued >= 1
        ? "its first line is a process tree of name(PID), as pstree -p draws it" : null;
  }

  static PsForest parse(TextBlock t, ParseIssues issues) {
    List<PsRow> rows = new ArrayList<>();
    // The open branches: the column each process starts at, and its row.
    Deque<int[]> open = new ArrayDeque<>();
    for (int i = 0; i < t.size(); i++) {
      String l = t.lines().get(i);
      if (l.isBlank()) {
        continue;
      }
      Matcher p = PREFIX.matcher(l);
      List<Node> nodes = split(l, p.lookingAt() ? p.end() : 0);
      if (nodes.isEmpty()) {
        continue;
      }
      while (!open.isEmpty() && open.peek()[0] >= nodes.get(0).column) {
        open.pop();
      }
      for (Node n : nodes) {
        Matcher m = NODE.matcher(n.text);
        if (!m.matches()) {
          // pstree without -l ends a long line with '+': what follows the cut is not shown.
          if (!n.text.endsWith("+")) {
            issues.add(t, i, n.column + 1, "expected name(PID), got " + ParseIssues.quote(n.text));
          }
          break;
        }
        String name = m.group("name");
        int pid;
        try {
          pid = Integer.parseInt(m.group("pid"));
        } catch (NumberFormatException e) {
          issues.add(t, i, n.column + 1, "PID out of range in " + ParseIssues.quote(n.text));
          break;
        }
        if (name.startsWith("{") && name.endsWith("}")) {
          // A thread: its process is the node it hangs from.
          continue;
        }
        Integer parent = open.isEmpty() ? null : open.peek()[1];
        Integer ppid = parent == null ? null : rows.get(parent).pid();
        rows.add(new PsRow(t.ref(i), open.size(), parent, pid, ppid, null, null, name, false, null, null));
        open.push(new int[] {n.column, rows.size() - 1});
      }
    }
    return new PsForest(t.entry(), rows);
  }

  private record Node(int column, String text) {}

  /** The processes of one line from {@code from}, each with the column it starts at. */
  private static List<Node> split(String line, int from) {
    List<Node> out = new ArrayList<>();
    Matcher j = JOIN.matcher(line);
    int at = from;
    while (at < line.length()) {
      int end = j.find(at) ? j.start() : line.length();
      out.add(new Node(at, line.substring(at, end).strip()));
      at = end == line.length() ? end : j.end();
    }
    return out;
  }
}
