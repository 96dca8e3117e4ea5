package io.podmortem.source;

import io.podmortem.model.SourceRef;
import java.util.List;
import java.util.Objects;

/**
 * Lines of one bundle entry, or of one part of it (a transcript segment), with their place in the entry.
 *
 * @param firstLine the 1-based line number in the entry of {@code lines.get(0)}
 * @param command the command that printed these lines, where a transcript prompt says; else null
 */
public record TextBlock(String entry, int firstLine, List<String> lines, String command) {
  public TextBlock {
    Objects.requireNonNull(entry, "entry");
    lines = List.copyOf(lines);
  }

  public static TextBlock of(String entry, List<String> lines) {
    return new TextBlock(entry, 1, lines, null);
  }

  /** Entry line number of {@code lines.get(i)}. */
  public int lineNo(int i) {
    return firstLine + i;
  }

  public SourceRef ref(int i) {
    return new SourceRef(entry, lineNo(i));
  }

  public int size() {
    return lines.size();
  }

  /** The lines from {@code from} (inclusive) to {@code to} (exclusive), numbered as in the entry. */
  public TextBlock slice(int from, int to, String sliceCommand) {
    return new TextBlock(entry, lineNo(from), lines.subList(from, to), sliceCommand);
  }

  /** Index of the first line that is not blank, or -1. */
  public int firstNonBlank() {
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }
}
