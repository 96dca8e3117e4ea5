package io.podmortem.source;

import io.podmortem.model.SourceInfo;

/** Parses one block in the format the sniffer chose, records what it yields and how the block was read. */
final class BlockParser {
  private static final int MAX_ISSUES = 100;

  private final Observations.Builder out;

  BlockParser(Observations.Builder out) {
    this.out = out;
  }

  /** Parses and records; returns the parsed value (a forest, a table, an os-release, …) or null. */
  Object parse(TextBlock t, Recognition recognition) {
    return parse(t, recognition, 0);
  }

  /** As {@link #parse(TextBlock, Recognition)}, for a transcript segment whose prompt is at {@code promptLine}. */
  Object parse(TextBlock t, Recognition recognition, int promptLine) {
    ParseIssues issues = ParseIssues.bounded(MAX_ISSUES);
    Formats.Parser parser = Formats.parser(recognition.format());
    Object value = parser == null ? null : parser.parse(t, issues, out);
    record(t, recognition, issues, promptLine);
    return value;
  }

  void record(TextBlock t, Recognition recognition, ParseIssues issues, int promptLine) {
    record(t, recognition, issues, promptLine, t.size());
  }

  /** Records a block read as it streamed, of which {@code t} holds only the head, or nothing. */
  void record(TextBlock t, Recognition recognition, ParseIssues issues, int promptLine, int lines) {
    out.sources.add(new SourceInfo(t.entry(), promptLine, recognition.format().label(), recognition.reason(),
        t.command(), lines, issues.list()));
  }
}
