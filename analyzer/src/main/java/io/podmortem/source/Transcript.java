package io.podmortem.source;

import java.util.List;

/**
 * A pasted terminal session split into commands and their outputs.
 *
 * @param preamble lines before the first prompt (usually none)
 */
public record Transcript(String entry, TextBlock preamble, List<TranscriptSegment> segments) {
  public Transcript {
    segments = List.copyOf(segments);
  }
}
