package io.podmortem.source;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podmortem.bundle.Limits;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A JSON tree read from a streaming parser that remembers the block index each object starts on, so a translator
 * can cite a nested object (a container status inside a pod) by its own line. Jackson's trees drop locations.
 */
final class LocatedJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<JsonNode, Integer> starts = new IdentityHashMap<>();
  private final int indexBase;
  private final boolean track;
  private long tokens;

  /** @param indexBase the block index of the parser's line 1 */
  LocatedJson(int indexBase) {
    this(indexBase, true);
  }

  /** @param track whether to remember where each object starts; a reader that cites only the top needs not */
  LocatedJson(int indexBase, boolean track) {
    this.indexBase = indexBase;
    this.track = track;
  }

  /**
   * Reads the value at the parser's current token, recording every object's start. A value of more than
   * {@link Limits#MAX_JSON_OBJECT_TOKENS} tokens is an error, so that one object cannot fill the heap; the depth is
   * bounded by the parser's constraints ({@link Jsons#FACTORY}).
   */
  JsonNode read(JsonParser p) throws IOException {
    tokens = 0;
    return value(p);
  }

  private JsonNode value(JsonParser p) throws IOException {
    if (++tokens > Limits.MAX_JSON_OBJECT_TOKENS) {
      throw new JsonParseException(p, "one value holds more than " + Limits.MAX_JSON_OBJECT_TOKENS
          + " tokens, the limit for one object");
    }
    JsonToken tok = p.currentToken();
    if (tok == JsonToken.START_OBJECT) {
      int index = indexBase + p.currentTokenLocation().getLineNr() - 1;
      ObjectNode o = NODES.objectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        o.set(name, value(p));
      }
      if (track) {
        starts.put(o, index);
      }
      return o;
    }
    if (tok == JsonToken.START_ARRAY) {
      ArrayNode a = NODES.arrayNode();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() == null) {
          throw new IOException("unexpected end of input in an array");
        }
        a.add(value(p));
      }
      return a;
    }
    return switch (tok) {
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT -> NODES.numberNode(p.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new IOException("unexpected token " + tok);
    };
  }

  /** Forgets where the objects read so far started. */
  void clear() {
    starts.clear();
  }

  /** The block index an object node starts on, or {@code fallback} for nodes not read here. */
  int index(JsonNode n, int fallback) {
    Integer i = starts.get(n);
    return i == null ? fallback : i;
  }
}
