package io.podmortem.source;

import io.podmortem.model.SourceRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code systemd-cgls} output into a {@link CgroupTree}, with an explicit stack instead of recursion.
 *
 * <p>Produced by {@code systemd-cgls} (or {@code systemd-cgls --no-pager}, {@code --unit X}); a real sample:
 * <pre>
 * Control group /:
 * -.slice
 * ├─user.slice
 * │ ├─user-0.slice
 * │ │ ├─session-29.scope
 * │ │ │ ├─ 515899 sshd: root@pts/1
 * </pre>
 * A group's own processes come before its child groups. A PID is right-aligned to the widest PID of its group.
 */
public final class CglsParser {
  /**
   * The line above the tree.
   *
   * <p>Example matches: {@code Control group /:}, {@code Unit kubepods.slice (/kubepods.slice):}
   */
  private static final Pattern HEADER =
      Pattern.compile("^(?:Controller \\S{1,64}; )?(?:Control group (?<path>/\\S*)|Unit (?<unit>\\S+) "
          + "\\((?<unitPath>/[^)]*)\\)):\\s*$");

  /**
   * A process after the branch glyph: the PID, right-aligned, then the command.
   *
   * <p>Example matches: {@code 1 /sbin/init}, {@code   21383 /usr/bin/containerd-shim-runc-v2 -id fd95c597ff31…}
   */
  private static final Pattern PROCESS = Pattern.compile("^ *(?<pid>\\d+) (?<command>.*)$");

  /**
   * A group after the branch glyph: its name, the delegation mark, the cgroup id, in the orders systemd prints.
   *
   * <p>Example matches: {@code user.slice }, {@code docker-d5fa…74.scope …}, {@code kubepods (#63)}, {@code kube-proxy}
   */
  private static final Pattern GROUP = Pattern.compile(
      "^(?<name>\\S+)(?<mark1> (?:…|\\.\\.\\.))?(?: \\(#(?<id>\\d+)\\))?(?<mark2> …)?\\s*$");

  private CglsParser() {}

  /** True when the block starts like systemd-cgls output: its header, {@code -.slice}, or tree lines only. */
  public static boolean looksLike(TextBlock t) {
    return evidence(t) != null;
  }

  /** What makes the block a systemd-cgls tree, in a clause; null when it is not one. */
  static String evidence(TextBlock t) {
    int first = t.firstNonBlank();
    if (first < 0) {
      return null;
    }
    String line = t.lines().get(first);
    if (HEADER.matcher(line).matches() || line.strip().equals("-.slice")) {
      return "its first line is systemd-cgls's header (" + ParseIssues.quote(line.strip()) + ")";
    }
    int checked = 0;
    for (int i = first; i < t.size() && checked < 20; i++) {
      String s = t.lines().get(i);
      if (s.isBlank()) {
        continue;
      }
      TreePrefix p = TreePrefix.measure(s);
      String text = s.substring(p.width());
      // pstree -A draws with the same ASCII glyphs, but joins names with "---" and "-+-".
      boolean pstree = p.ascii() && (text.contains("---") || text.contains("-+-"));
      if (!p.branch() || pstree || !(PROCESS.matcher(text).matches() || GROUP.matcher(text).matches())) {
        return null;
      }
      checked++;
    }
    return checked > 0 ? "its first " + checked + " lines are all cgroup tree lines, drawn as systemd-cgls draws them"
        : null;
  }

  /** Parses the tree; bad lines are recorded in {@code issues} and skipped. */
  public static CgroupTree parse(TextBlock t, ParseIssues issues) {
    return new Reader(t, issues).read();
  }

  /** One pass over the lines; the stack holds the open groups from the root down. */
  private static final class Reader {
    private final TextBlock t;
    private final ParseIssues issues;
    private final List<CgroupNode> groups = new ArrayList<>();
    private final List<CgroupProcess> processes = new ArrayList<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private String headerPath;
    private String headerName;
    private SourceRef headerRef;

    /** An open group and the depth its line was drawn at. */
    private record Frame(int depth, int group) {}

    Reader(TextBlock t, ParseIssues issues) {
      this.t = t;
      this.issues = issues;
    }

    CgroupTree read() {
      for (int i = 0; i < t.size(); i++) {
        String line = t.lines().get(i);
        if (line.isBlank()) {
          continue;
        }
        TreePrefix prefix = TreePrefix.measure(line);
        if (prefix.branch()) {
          treeLine(i, line, prefix);
        } else if (prefix.width() == 0) {
          topLine(i, line);
        } else {
          issues.add(t, i, 1, "expected a branch glyph ('├─', '└─', '|-' or '`-') after the tree drawing, got "
              + ParseIssues.quote(line));
        }
      }
      return new CgroupTree(t.entry(), groups, processes);
    }

    /** A line without drawing: the header, the root group ({@code -.slice}), or a stray line. */
    private void topLine(int i, String line) {
      Matcher h = HEADER.matcher(line);
      if (h.matches()) {
        // A second header starts a second tree (systemd-cgls A B); its root gets no parent.
        stack.clear();
        headerPath = h.group("path") != null ? h.group("path") : h.group("unitPath");
        headerName = h.group("unit") != null ? h.group("unit") : headerPath;
        headerRef = t.ref(i);
        return;
      }
      Matcher g = GROUP.matcher(line);
      // Without a header only "-.slice" names the root; after one, the unit's own name may follow.
      boolean rootLine = headerRef != null || line.strip().equals("-.slice");
      if (stack.isEmpty() && rootLine && g.matches()) {
        String path = headerPath != null ? headerPath : "/";
        addRoot(t.ref(i), g.group("name"), path, id(g), delegated(g));
        return;
      }
      issues.add(t, i, 1, "expected the 'Control group /:' header, the root group or a tree line, got "
          + ParseIssues.quote(line));
    }

    private void treeLine(int i, String line, TreePrefix prefix) {
      if (stack.isEmpty()) {
        SourceRef ref = headerRef != null ? headerRef : new SourceRef(t.entry(), 0);
        addRoot(ref, headerName != null ? headerName : "/", headerPath != null ? headerPath : "/", null, false);
      }
      int depth = prefix.depth();
      while (stack.peek().depth() >= depth) {
        stack.pop();
      }
      Frame parent = stack.peek();
      if (parent.depth() < depth - 1) {
        // Happens when a paste starts mid-tree (FORMATS.md §6, Harvester) or lost lines.
        issues.add(t, i, prefix.width() - 1, "tree line at depth " + depth + " follows depth " + parent.depth()
            + "; attached to '" + groups.get(parent.group()).path() + "': " + ParseIssues.quote(line));
      }
      String text = line.substring(prefix.width());
      Matcher p = PROCESS.matcher(text);
      if (p.matches()) {
        process(i, prefix, parent.group(), p);
        return;
      }
      Matcher g = GROUP.matcher(text);
      if (!g.matches()) {
        issues.add(t, i, prefix.width() + 1, "expected a cgroup name or '<pid> <command>', got "
            + ParseIssues.quote(text));
        return;
      }
      String parentPath = groups.get(parent.group()).path();
      String name = g.group("name");
      String path = parentPath.endsWith("/") ? parentPath + name : parentPath + "/" + name;
      int index = groups.size();
      groups.add(new CgroupNode(t.ref(i), index, parent.group(), name, path, id(g), delegated(g)));
      stack.push(new Frame(depth, index));
    }

    private void process(int i, TreePrefix prefix, int group, Matcher p) {
      int pid;
      try {
        pid = Integer.parseInt(p.group("pid"));
      } catch (NumberFormatException e) {
        issues.add(t, i, prefix.width() + 1, "PID out of range: " + ParseIssues.quote(p.group("pid")));
        return;
      }
      String command = p.group("command").stripTrailing();
      // systemd ellipsizes with its ELLIPSIS glyph: "…" in UTF-8 locales, "..." in ASCII ones.
      String mark = prefix.ascii() ? "..." : "…";
      boolean truncated = command.endsWith(mark) || command.endsWith("…");
      if (truncated) {
        command = command.substring(0, command.length() - (command.endsWith("…") ? 1 : 3));
      }
      processes.add(new CgroupProcess(t.ref(i), group, pid, command, truncated));
    }

    private void addRoot(SourceRef ref, String name, String path, Long id, boolean delegated) {
      int index = groups.size();
      groups.add(new CgroupNode(ref, index, null, name, path, id, delegated));
      stack.push(new Frame(0, index));
    }

    private static Long id(Matcher g) {
      String id = g.group("id");
      if (id == null || id.length() > 18) {
        return null;
      }
      return Long.valueOf(id);
    }

    private static boolean delegated(Matcher g) {
      return g.group("mark1") != null || g.group("mark2") != null;
    }
  }
}
