package io.podmortem.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One command the collector ran, as its manifest records it.
 *
 * @param status {@code ok}, {@code failed}, {@code timeout}, {@code skipped} or {@code truncated}
 * @param reason why it was skipped, where the manifest says
 */
public record CollectedCommand(
    String name,
    List<String> argv,
    String status,
    Integer exitCode,
    Long durationMs,
    String output,
    String sha256,
    String stderr,
    String reason) {
  /** A character a shell would take as syntax. Example match: the space in {@code a b}. */
  private static final Pattern NEEDS_QUOTES = Pattern.compile("[\\s'\"$`\\\\|&;<>(){}*?!]");

  public CollectedCommand {
    argv = argv == null ? List.of() : List.copyOf(argv);
  }

  /** The argv as one line, words with spaces or quotes single-quoted. */
  public String commandLine() {
    StringBuilder s = new StringBuilder();
    for (String w : argv) {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append(w.isEmpty() || NEEDS_QUOTES.matcher(w).find() ? "'" + w.replace("'", "'\\''") + "'" : w);
    }
    return s.toString();
  }
}
