package io.podmortem.source;

import io.podmortem.bundle.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a pasted terminal session into a {@link Transcript}: one segment per prompt line, with the output after it.
 *
 * <p>Written by a person copying a shell session; a real sample (udon, a root shell with a bare {@code #} prompt):
 * <pre>
 * # docker inspect --format='{{.GraphDriver.Data.MergedDir}}' 6669168db70d
 * /var/lib/docker/overlay2/5a2d7601…/merged
 * # find . | wc -l
 * 3358
 * </pre>
 * A bare {@code #} or {@code $} line is a prompt only when a command follows, since os-release files and scripts
 * have {@code # comment} lines. {@code cd} is not followed here; the cwd is what the prompt shows.
 */
public final class TranscriptParser {
  /**
   * Debian/Ubuntu bash, PS1 user@host:dir then the sign; SUSE's user shell ends in {@code >}.
   *
   * <p>Example matches: {@code noodles@udon:~$ kubectl get pods --all-namespaces}, {@code root@node1:/var/lib# ls},
   * {@code sles@worker6:~> sudo crictl pods}
   */
  private static final Pattern USER_AT_HOST = Pattern.compile(
      "^(?<prompt>(?<user>[A-Za-z_][\\w.-]{0,63})@(?<host>[\\w.-]{1,253}):(?<cwd>[^$#>\\s][^$#>]{0,4095}?)"
          + "(?<sign>[$#>]))(?: (?<command>.*))?$");

  /**
   * RHEL/Fedora bash, PS1 [user@host basename] then the sign; some set [user@host:dir].
   *
   * <p>Example matches: {@code [root@master ~]# crictl ps}, {@code [core@node merged]$ ls},
   * {@code [root@cloud-test2:~]$ crictl ps}
   */
  private static final Pattern BRACKETED = Pattern.compile(
      "^(?<prompt>\\[(?<user>[A-Za-z_][\\w.-]{0,63})@(?<host>[\\w.-]{1,253})[ :](?<cwd>[^\\]]{0,4095})\\]"
          + "(?<sign>[$#]))(?: (?<command>.*))?$");

  /**
   * A shell's default prompt, its name and version, as in a container or an oc debug shell.
   *
   * <p>Example matches: {@code sh-4.4# chroot /host}, {@code sh-4.4$> systemd-cgls}, {@code bash-5.1$ ps}
   */
  private static final Pattern SHELL_VERSION = Pattern.compile(
      "^(?<prompt>(?:sh|bash|ash|zsh)-\\d{1,3}(?:\\.\\d{1,3}){0,2}(?<sign>[$#]>?))(?: (?<command>.*))?$");

  /**
   * zsh themes (oh-my-zsh's robbyrussell): an arrow, the directory, maybe the git branch, then the command.
   *
   * <p>Example match: {@code ➜  k8s-snowflake git:(master) kubectl get pod -owide --all-namespaces}
   */
  private static final Pattern ARROW = Pattern.compile(
      "^(?<prompt>[➜❯λ](?: {1,4}(?<cwd>[^\\s]{1,255}))?(?: git:\\([^)\\s]{1,255}\\))?(?: ✗)?) (?<command>\\S.*)$");

  /**
   * openSUSE root shell, PS1 host:dir then a space and the sign.
   *
   * <p>Example matches: {@code localhost:~ # uname -a}, {@code localhost:~ #}
   */
  private static final Pattern SUSE_ROOT = Pattern.compile(
      "^(?<prompt>(?<host>[A-Za-z][\\w.-]*):(?<cwd>[~/]\\S*) (?<sign>#))(?: (?<command>.*))?$");

  /**
   * A bare sign and a command.
   *
   * <p>Example matches: {@code # find . | sed -e 's;^./;;'}, {@code $ kubectl get pods}
   */
  private static final Pattern BARE = Pattern.compile("^(?<prompt>(?<sign>[$#])) (?<command>\\S.*)$");

  /** Commands seen, or likely, in node debugging sessions; a bare-prompt line must start with one of them. */
  private static final Set<String> COMMANDS = Set.of(
      "docker", "kubectl", "crictl", "ctr", "nerdctl", "podman", "ps", "pgrep", "systemd-cgls", "systemd-cgtop",
      "cd", "find", "file", "grep", "egrep", "cat", "ls", "wc", "head", "tail", "mount", "umount", "sudo", "su",
      "runc", "crun", "journalctl", "systemctl", "uname", "hostname", "date", "id", "uptime", "stat", "readlink",
      "realpath", "nsenter", "du", "df", "echo", "env", "ip", "ss", "netstat", "top", "free", "lsof", "pstree",
      "findmnt", "awk", "sed", "sort", "uniq", "less", "more", "tar", "zcat", "jq", "crio", "containerd",
      "kubelet", "kubeadm", "strings", "ldd", "sha256sum", "md5sum", "xargs", "tree", "pwd", "which", "whoami",
      "oc", "helm", "bash", "sh", "chroot", "toolbox", "dmesg", "lsns", "cgget", "kill", "pkill", "exit",
      "k3s", "microk8s", "rke2", "k0s", "minikube", "kind");

  /** Tools that run one of {@link #COMMANDS} as their first argument. */
  private static final Set<String> WRAPPERS = Set.of("k3s", "microk8s", "rke2", "minikube", "k0s", "sudo", "time",
      "watch", "doas");

  /**
   * A path to an executable, used in place of a command name.
   *
   * <p>Example matches: {@code /usr/bin/crictl}, {@code ./runc}, {@code ../bin/ctr}
   */
  private static final Pattern EXECUTABLE_PATH = Pattern.compile("^(?:/|\\./|\\.\\./)[\\w.+/-]+$");

  private TranscriptParser() {}

  /**
   * A first command typed without a prompt: two or more words, the first a known tool or a path to one.
   *
   * <p>Example match: {@code " ./build/bin/crictl ps"}
   */
  private static final Pattern FIRST_COMMAND = Pattern.compile("^(?<prompt>\\s{0,8})(?<command>\\S+\\s+\\S.*)$");

  /** How far into a paste a prompt may first appear, after output pasted before it. */
  private static final int PROMPT_WITHIN = 20;

  /**
   * True when the first non-blank line is a prompt, or a command typed without one, or when a prompt that names its
   * user and host comes within the first lines (output pasted before the first prompt).
   */
  public static boolean looksLike(TextBlock t) {
    int first = t.firstNonBlank();
    if (first < 0) {
      return false;
    }
    if (startsWithPrompt(t) || firstCommand(t.lines().get(first)) != null) {
      return true;
    }
    for (int i = first + 1; i < Math.min(t.size(), first + PROMPT_WITHIN); i++) {
      Matcher m = prompt(t.lines().get(i));
      if (m != null && group(m, "host") != null || m != null && m.pattern() == ARROW) {
        return true;
      }
    }
    return false;
  }

  /** True when the first non-blank line is a prompt: the strong sign, which no content format shares. */
  public static boolean startsWithPrompt(TextBlock t) {
    int first = t.firstNonBlank();
    return first >= 0 && prompt(t.lines().get(first)) != null;
  }

  /** The first line as a command typed without a prompt, or null when it does not read as one. */
  static Matcher firstCommand(String line) {
    Matcher m = FIRST_COMMAND.matcher(line);
    if (!m.matches() || line.length() > 4096) {
      return null;
    }
    String word = m.group("command").split("\\s+", 2)[0];
    String tool = word.contains("/") ? word.substring(word.lastIndexOf('/') + 1) : word;
    boolean tools = COMMANDS.contains(tool) && !tool.equals("cd") && !tool.equals("echo");
    return tools && (word.equals(tool) || EXECUTABLE_PATH.matcher(word).matches()) ? m : null;
  }

  /** Splits the block at its prompt lines. Nothing here is malformed: lines that are not prompts are output. */
  public static Transcript parse(TextBlock t, ParseIssues issues) {
    List<TranscriptSegment> segments = new ArrayList<>();
    TextBlock[] preamble = {new TextBlock(t.entry(), t.firstLine(), List.of(), null)};
    Splitter split = new Splitter(t.entry(), new Sink() {
      @Override
      public void preamble(TextBlock lines) {
        preamble[0] = lines;
      }

      @Override
      public void segment(TranscriptSegment s) {
        segments.add(s);
      }
    }, false);
    for (int i = 0; i < t.size(); i++) {
      split.line(t.lines().get(i), t.lineNo(i));
    }
    split.end();
    return new Transcript(t.entry(), preamble[0], segments);
  }

  /** What a {@link Splitter} finds, in order. */
  interface Sink {
    /** The lines before the first prompt; called once, and not at all when the first line is a prompt. */
    void preamble(TextBlock lines);

    /** A command and its output, held. */
    void segment(TranscriptSegment s);

    /**
     * A {@code find} whose output was summarised as it passed rather than held; {@code s} holds no output lines.
     *
     * @param lines how many lines of output the command printed
     */
    default void listing(TranscriptSegment s, FileListing listing, int lines, ParseIssues issues,
        Recognition recognition) {
      throw new UnsupportedOperationException("this sink holds every output");
    }

    /** A command's output past {@link Limits#MAX_HELD_CHARS}: the segment was held up to it, the rest dropped. */
    default void leftOut(TranscriptSegment s, int lines) {}
  }

  /**
   * Splits lines into commands as they pass, so that a transcript of any length is never held whole. Each command's
   * output is held for its parser up to {@link Limits#MAX_HELD_CHARS}; a {@code find} listing (the bulk of a
   * hand-captured session) is summarised as it passes once its first {@value Sniffer#HEAD_LINES} lines show it is
   * one, when {@code summariseListings} is set.
   */
  static final class Splitter {
    private final String entry;
    private final Sink sink;
    private final boolean summariseListings;

    private boolean sawText;
    private boolean preambleDone;
    private Matcher prompt;
    private int promptLine;
    private int outputFirst;
    private final List<String> held = new ArrayList<>();
    private long heldChars;
    private int leftOut;
    private FindListingParser.LineCounter counter;
    private Format counterFormat;
    private ParseIssues counterIssues;
    private int counted;

    Splitter(String entry, Sink sink, boolean summariseListings) {
      this.entry = entry;
      this.sink = sink;
      this.summariseListings = summariseListings;
    }

    void line(String l, int lineNo) {
      Matcher m = prompt(l);
      if (m == null && !sawText && !l.isBlank()) {
        m = firstCommand(l);
      }
      sawText |= !l.isBlank();
      if (m != null) {
        finish();
        prompt = m;
        promptLine = lineNo;
        outputFirst = lineNo + 1;
        return;
      }
      if (held.isEmpty() && counter == null && leftOut == 0) {
        outputFirst = lineNo;
      }
      if (counter != null) {
        counter.accept(l, lineNo, counterIssues);
        counted++;
        return;
      }
      heldChars += l.length() + Limits.HELD_LINE_COST;
      if (heldChars > Limits.MAX_HELD_CHARS) {
        leftOut++;
        return;
      }
      held.add(l);
      if (summariseListings && prompt != null && held.size() == Sniffer.HEAD_LINES) {
        maybeSummarise();
      }
    }

    /** Once a listing's first lines are held: if they are a find, ls -R or tar -t listing, count the rest. */
    private void maybeSummarise() {
      String command = command(prompt);
      Format hint = Sniffer.hint(command);
      TextBlock head = new TextBlock(entry, outputFirst, held, command);
      if (hint == Format.FIND_LISTING && FindListingParser.looksLike(head)) {
        counter = new FindListingParser.Counter(entry, FindListingParser.startPoint(command));
      } else if (hint == Format.TREE_LISTING && TreeListingParser.looksLike(head)) {
        counter = new TreeListingParser.Counter(entry, TreeListingParser.kind(command));
      } else {
        return;
      }
      counterFormat = hint;
      counterIssues = ParseIssues.bounded(100);
      for (int i = 0; i < held.size(); i++) {
        counter.accept(held.get(i), head.lineNo(i), counterIssues);
      }
      counted = held.size();
      held.clear();
      heldChars = 0;
    }

    void end() {
      finish();
      if (!preambleDone) {
        preambleDone = true;
        sink.preamble(new TextBlock(entry, Math.max(1, outputFirst), List.copyOf(held), null));
        held.clear();
      }
    }

    private void finish() {
      if (prompt == null) {
        if (!preambleDone && (!held.isEmpty() || leftOut > 0 || sawText)) {
          preambleDone = true;
          sink.preamble(new TextBlock(entry, Math.max(1, outputFirst), List.copyOf(held), null));
        }
        preambleDone = true;
        reset();
        return;
      }
      String command = command(prompt);
      if (counter != null) {
        TranscriptSegment s = segment(prompt, promptLine, command,
            new TextBlock(entry, outputFirst, List.of(), command));
        sink.listing(s, counter.result(), counted, counterIssues, Recognition.of(counterFormat,
            "the command '" + command + "' prints it, and its first lines agree: summarised as they passed"));
      } else {
        int end = held.size();
        if (leftOut == 0) {
          while (end > 0 && held.get(end - 1).isBlank()) {
            end--;
          }
        }
        TranscriptSegment s = segment(prompt, promptLine, command,
            new TextBlock(entry, outputFirst, held.subList(0, end), command));
        sink.segment(s);
        if (leftOut > 0) {
          sink.leftOut(s, leftOut);
        }
      }
      reset();
    }

    private void reset() {
      held.clear();
      heldChars = 0;
      leftOut = 0;
      counter = null;
      counterIssues = null;
      counted = 0;
      prompt = null;
    }
  }

  private static String command(Matcher m) {
    return m.group("command") == null ? "" : m.group("command").strip();
  }

  private static TranscriptSegment segment(Matcher m, int promptLine, String command, TextBlock output) {
    String user = group(m, "user");
    String host = group(m, "host");
    String cwd = group(m, "cwd");
    // RHEL shows only the basename; a basename is not a directory anyone can resolve.
    if (cwd != null && !(cwd.startsWith("~") || cwd.startsWith("/"))) {
      cwd = null;
    }
    return new TranscriptSegment(new io.podmortem.model.SourceRef(output.entry(), promptLine), m.group("prompt"),
        user, host, cwd, command, output);
  }

  /** The prompt match for a line, or null when the line is not a prompt. */
  static Matcher prompt(String line) {
    if (!maySign(line)) {
      return null;
    }
    for (Pattern p : List.of(USER_AT_HOST, BRACKETED)) {
      Matcher m = p.matcher(line);
      if (m.matches()) {
        return m;
      }
    }
    Matcher shell = SHELL_VERSION.matcher(line);
    if (shell.matches()) {
      return shell;
    }
    Matcher arrow = ARROW.matcher(line);
    if (arrow.matches() && plausibleCommand(arrow.group("command"))) {
      return arrow;
    }
    Matcher suse = SUSE_ROOT.matcher(line);
    if (suse.matches() && (suse.group("command") == null || plausibleCommand(suse.group("command")))) {
      return suse;
    }
    Matcher bare = BARE.matcher(line);
    if (bare.matches() && plausibleCommand(bare.group("command"))) {
      return bare;
    }
    return null;
  }

  /**
   * True when the line holds a prompt's sign ({@code $}, {@code #} or {@code >}) or starts with a zsh theme's arrow:
   * no prompt pattern matches a line without, and most lines of output (paths, table rows) have none, so a
   * listing of millions of paths costs three of String's vectorised scans a line, and no regex.
   */
  private static boolean maySign(String line) {
    if (line.isEmpty()) {
      return false;
    }
    char first = line.charAt(0);
    return first == '➜' || first == '❯' || first == 'λ' || line.indexOf('#') >= 0
        || line.indexOf('$') >= 0 || line.indexOf('>') >= 0;
  }

  /**
   * True when the first word names a known command or a path to an executable, or is a distribution's wrapper of
   * one ({@code k3s kubectl}, {@code microk8s kubectl}, {@code minikube ssh}).
   */
  static boolean plausibleCommand(String command) {
    String[] words = command.strip().split("[\\s;|&]+", 3);
    if (COMMANDS.contains(words[0]) || EXECUTABLE_PATH.matcher(words[0]).matches()) {
      return true;
    }
    return words.length > 1 && WRAPPERS.contains(words[0]) && COMMANDS.contains(words[1]);
  }

  private static String group(Matcher m, String name) {
    return m.pattern().pattern().contains("<" + name + ">") ? m.group(name) : null;
  }
}
