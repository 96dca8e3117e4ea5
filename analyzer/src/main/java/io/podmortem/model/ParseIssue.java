package io.podmortem.model;

/** A problem found while reading a source: the place, and a message that quotes the offending text. */
public record ParseIssue(String entry, int line, int column, String message) {
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(entry);
    if (line > 0) {
      s.append(':').append(line);
      if (column > 0) {
        s.append(':').append(column);
      }
    }
    return s.append(": ").append(message).toString();
  }
}
