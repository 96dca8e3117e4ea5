package io.podmortem.source;

import java.util.List;

/**
 * Decides what a block of text is, by its content, and says why. Recognizers see a head sample (the first
 * {@value #HEAD_LINES} lines), never the whole entry. A command from a transcript prompt is only a hint: it is
 * taken when the content agrees, or for formats whose content alone says too little (a count, a path listing).
 * Content that is known not to be for podmortem (a kernel symbol table, dmesg, a log) is recognised as such and
 * left unread, so that no parser misreads it.
 */
public final class Sniffer {
  /** How many leading lines the recognizers see. */
  static final int HEAD_LINES = 200;

  public Format sniff(TextBlock t, boolean wholeEntry) {
    return recognise(t, wholeEntry).format();
  }

  public Recognition recognise(TextBlock t, boolean wholeEntry) {
    int first = t.firstNonBlank();
    if (first < 0) {
      return Recognition.of(Format.EMPTY, "no line holds text");
    }
    TextBlock head = t.size() <= first + HEAD_LINES ? t : t.slice(0, first + HEAD_LINES, t.command());
    for (Formats.Registration r : Formats.DECISIVE) {
      String evidence = r.evidence(head);
      if (evidence != null) {
        return Recognition.of(r.format(), evidence);
      }
    }
    if (wholeEntry && TranscriptParser.startsWithPrompt(head)) {
      return Recognition.of(Format.TRANSCRIPT, "its first line is a shell prompt with a command");
    }
    String notRead = NotReadFormats.recognise(head);
    if (notRead != null) {
      return Recognition.of(Format.UNKNOWN, notRead);
    }
    Format hinted = hint(t.command());
    if (hinted != null) {
      for (Formats.Registration r : Formats.hintable()) {
        String evidence = r.format() == hinted ? r.evidence(head) : null;
        if (evidence != null) {
          return Recognition.of(hinted, "the command '" + t.command() + "' prints it, and the content agrees: "
              + evidence);
        }
      }
    }
    for (Formats.Registration r : Formats.BY_CONTENT) {
      String evidence = r.evidence(head);
      if (evidence != null) {
        return Recognition.of(r.format(), evidence);
      }
    }
    // Weaker signs of a transcript, taken only where no format's content matched: a first command typed without a
    // prompt (a table's first word can be a tool's name: containerd), or output pasted before the first prompt.
    if (wholeEntry && TranscriptParser.looksLike(head)) {
      return Recognition.of(Format.TRANSCRIPT, "its first line is a command typed without a prompt, or a prompt "
          + "with its user and host follows the first lines");
    }
    if (hinted != null && weak(hinted)) {
      return Recognition.of(hinted, "the command '" + t.command() + "' prints it; the content alone says too little");
    }
    if (FindListingParser.looksLike(head)) {
      return Recognition.of(Format.FIND_LISTING, "three or more lines, all bare paths under one root");
    }
    String line = t.lines().get(first).trim();
    if (line.startsWith("{") || line.startsWith("[")) {
      return Recognition.of(Format.JSON, "JSON of no shape podmortem reads");
    }
    return nonBlankLines(head) == 1 && t.size() <= first + HEAD_LINES
        ? Recognition.of(Format.VALUE, "a single line")
        : Recognition.of(Format.UNKNOWN, "no recognizer accepted its first lines");
  }

  private static boolean weak(Format f) {
    return f == Format.FIND_LISTING || f == Format.COUNT || f == Format.VALUE;
  }

  /** The format a command prints, judged from its words; null when the command says nothing we know. */
  static Format hint(String command) {
    if (command == null) {
      return null;
    }
    List<List<String>> pipeline = ShellWords.pipeline(command);
    if (pipeline.isEmpty()) {
      return null;
    }
    List<String> last = pipeline.get(pipeline.size() - 1);
    if (!last.isEmpty() && last.get(0).equals("wc") && last.contains("-l")) {
      return Format.COUNT;
    }
    if (TreeListingParser.kind(command) != null) {
      return Format.TREE_LISTING;
    }
    List<String> w = Commands.withoutSudo(pipeline.get(0));
    if (w.isEmpty()) {
      return null;
    }
    String tool = Commands.basename(w.get(0));
    String sub = w.size() > 1 ? w.get(1) : "";
    return switch (tool) {
      case "ps" -> Format.PS_FOREST;
      case "pstree" -> Format.PSTREE;
      case "systemd-cgls" -> Format.SYSTEMD_CGLS;
      case "docker" -> sub.equals("ps") || (sub.equals("container") && w.size() > 2 && w.get(2).equals("ls"))
          ? Format.DOCKER_PS : null;
      case "kubectl" -> sub.equals("get") && w.size() > 2 && w.get(2).startsWith("po") ? Format.KUBECTL_PODS : null;
      case "find" -> Format.FIND_LISTING;
      case "file" -> Format.FILE_OUTPUT;
      case "cat", "grep" -> w.stream().anyMatch(a -> a.endsWith("os-release")) ? Format.OS_RELEASE : null;
      default -> null;
    };
  }

  private static int nonBlankLines(TextBlock t) {
    int n = 0;
    for (String l : t.lines()) {
      if (!l.isBlank()) {
        n++;
      }
    }
    return n;
  }
}
