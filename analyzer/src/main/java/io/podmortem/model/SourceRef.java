package io.podmortem.model;

import java.util.Comparator;
import java.util.Objects;

/** Where a fact comes from: an entry of the bundle and a 1-based line in it. */
public record SourceRef(String entry, int line) implements Comparable<SourceRef> {
  private static final Comparator<SourceRef> ORDER =
      Comparator.comparing(SourceRef::entry).thenComparingInt(SourceRef::line);

  public SourceRef {
    Objects.requireNonNull(entry, "entry");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, got " + line);
    }
  }

  @Override
  public int compareTo(SourceRef other) {
    return ORDER.compare(this, other);
  }

  /** {@code entry:line}, or just the entry when the fact concerns the whole entry (line 0). */
  @Override
  public String toString() {
    return line == 0 ? entry : entry + ":" + line;
  }
}
