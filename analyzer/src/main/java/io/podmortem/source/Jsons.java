package io.podmortem.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.podmortem.bundle.Limits;
import io.podmortem.model.ParseIssue;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/** Helpers for JSON sources. */
final class Jsons {
  /**
   * The one mapper of every JSON source. A mapper keeps the deserializers it builds; shared, each is built once
   * per run rather than once per parser, which a cold JVM pays for in class loading and interpreted code.
   */
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The factory of every streaming JSON parser, with the bounds of {@link Limits}: past one, Jackson stops with an
   * error that becomes a parse issue at its line, and what came before it is kept.
   */
  static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(Limits.MAX_JSON_DEPTH)
          .maxStringLength(Limits.MAX_JSON_STRING)
          .maxNumberLength(1000)
          .maxNameLength(64 << 10)
          .build())
      .build();

  private Jsons() {}

  /** A parser over {@code text}, or over the block's lines when no stream is given. */
  static JsonParser parser(TextBlock t, Reader text) throws IOException {
    return FACTORY.createParser(text != null ? text : new StringReader(String.join("\n", t.lines())));
  }

  /** A JSON error's own message, first line only, without Jackson's dump of the source. */
  static String message(Exception e) {
    String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    int nl = m == null ? -1 : m.indexOf('\n');
    return nl < 0 ? String.valueOf(m) : m.substring(0, nl);
  }

  /** An issue at the place a JSON error points to, with the parser's own message, not its source dump. */
  static ParseIssue issue(TextBlock t, String what, Exception e) {
    if (e instanceof JsonProcessingException j) {
      JsonLocation at = j.getLocation();
      int line = at == null || at.getLineNr() < 1 ? 0 : t.lineNo(at.getLineNr() - 1);
      int column = at == null || at.getColumnNr() < 1 ? 0 : at.getColumnNr();
      return new ParseIssue(t.entry(), line, column, what + ": " + j.getOriginalMessage());
    }
    return new ParseIssue(t.entry(), 0, 0, what + ": " + e.getMessage());
  }
}
