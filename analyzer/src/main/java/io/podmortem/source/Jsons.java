package io.podmortem.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  static final ObjectMapper JSON = new ObjectMapper().registerModule(new com.fasterxml.jackson.databind.module
      .SimpleModule("podmortem-bounded-numbers")
      .addDeserializer(Integer.class, new BoundedInt())
      .addDeserializer(Long.class, new BoundedLong()));

  /** The numbers the last reads on this thread could not fit, as "field: text" for a parse issue each. */
  private static final ThreadLocal<java.util.List<String>> UNFIT = ThreadLocal.withInitial(java.util.ArrayList::new);

  /** The numbers that did not fit since the last call, and forgets them. */
  static java.util.List<String> unfit() {
    java.util.List<String> out = java.util.List.copyOf(UNFIT.get());
    UNFIT.get().clear();
    return out;
  }

  /**
   * An Integer field that does not fit (an exit code of 10^20) is null, and the text is kept for a parse issue:
   * never wrapped, never clamped, and one bad number does not cost the object it is in.
   */
  private static final class BoundedInt extends com.fasterxml.jackson.databind.JsonDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctx)
        throws IOException {
      if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT
          && p.getNumberType() == JsonParser.NumberType.INT) {
        return p.getIntValue();
      }
      String text = p.getText();
      if (text != null && text.matches("-?[0-9]{1,10}")) {
        long v = Long.parseLong(text);
        if (v == (int) v) {
          return (int) v;
        }
      }
      note(p, text);
      return null;
    }
  }

  /** As {@link BoundedInt}, for Long fields. */
  private static final class BoundedLong extends com.fasterxml.jackson.databind.JsonDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctx)
        throws IOException {
      if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT
          && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
        return p.getLongValue();
      }
      String text = p.getText();
      if (text != null && text.matches("-?[0-9]{1,19}")) {
        try {
          return Long.parseLong(text);
        } catch (NumberFormatException e) {
          // past the range: noted below
        }
      }
      note(p, text);
      return null;
    }
  }

  private static void note(JsonParser p, String text) throws IOException {
    java.util.List<String> l = UNFIT.get();
    if (l.size() < 100) {
      l.add(p.currentName() + ": " + ParseIssues.quote(text == null ? "null" : text));
    }
  }

  /** A JSON integer field as an int, or null when absent or when it does not fit, with a parse issue then. */
  static Integer intOrNull(com.fasterxml.jackson.databind.JsonNode n, String field, TextBlock t, int index,
      ParseIssues issues) {
    com.fasterxml.jackson.databind.JsonNode v = n.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.intValue();
    }
    issues.add(t, index, 0, field + " does not fit an int, kept as text: " + ParseIssues.quote(v.asText()));
    return null;
  }

  /**
   * The tree as a {@code type}, with a parse issue at the object's line for each number that did not fit (the
   * field is null then). Numbers left over from an earlier read that failed are not counted against this one.
   */
  static <T> T read(JsonNode node, Class<T> type, TextBlock t, int index, ParseIssues issues) throws IOException {
    unfit();
    T value = JSON.treeToValue(node, type);
    unfitIssues(t, index, issues);
    return value;
  }

  /** Records the numbers that did not fit in the last reads as issues at the object's line. */
  static void unfitIssues(TextBlock t, int index, ParseIssues issues) {
    for (String u : unfit()) {
      issues.add(t, index, 0, "not an integer in range, so left out and kept here as text: " + u);
    }
  }

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
