package io.podmortem.model;

import java.util.List;

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
      s.append(w.isEmpty() || w.matches(".*[\\s'\"$`\\\\|&;<>(){}*?!].*") ? "'" + w.replace("'", "'\\''") + "'" : w);
    }
    return s.toString();
  }
}
