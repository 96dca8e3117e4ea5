package io.podmortem.source;

/**
 * Measures the {@code ps f} forest art at the start of a command column.
 *
 * <p>procps {@code forest_helper} (src/ps/output.c) prints 4 chars per level: {@code " |  "} where a
 * sibling of an ancestor follows, {@code "    "} where none does, and {@code " \_ "} for the row's
 * own level. So a row at depth d has d-1 filler groups and then {@code " \_ "}.
 */
final class ForestArt {
  /** The child marker without its leading blank, which the scan below already consumed. */
  private static final String MARKER = "\\_ ";

  /** Depth of the row and the offset (from the command column start) of the command text. */
  record Measure(int depth, int textStart) {}

  private ForestArt() {}

  /**
   * Measures the art of {@code line} from {@code from}, the start of the command column. The art
   * is blanks and pipes up to {@code \_ }; its backslash sits at {@code from + 4 * (depth - 1) + 1}.
   * Division rounds down, so the depth is still right when {@code from} is up to 3 columns left of
   * the true start (padding of a left-aligned STAT before it). A loop: deep forests cost no stack.
   */
  static Measure measure(String line, int from) {
    int p = Math.min(from, line.length());
    while (p < line.length() && (line.charAt(p) == ' ' || line.charAt(p) == '|')) {
      p++;
    }
    if (line.startsWith(MARKER, p) && p > from) {
      return new Measure((p - from - 1) / 4 + 1, p + MARKER.length());
    }
    // No child marker: a root. Leading blanks are padding, not part of the command.
    int q = Math.min(from, line.length());
    while (q < line.length() && line.charAt(q) == ' ') {
      q++;
    }
    return new Measure(0, q);
  }
}
