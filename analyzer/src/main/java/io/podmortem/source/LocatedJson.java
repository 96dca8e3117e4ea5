package io.podmortem.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  /** @param indexBase the block index of the parser's line 1 */
  LocatedJson(int indexBase) {
    this.indexBase = indexBase;
  }

  /** Reads the value at the parser's current token, recording every object's start. */
  JsonNode read(JsonParser p) throws IOException {
    JsonToken tok = p.currentToken();
    if (tok == JsonToken.START_OBJECT) {
      int index = indexBase + p.currentTokenLocation().getLineNr() - 1;
      ObjectNode o = NODES.objectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        o.set(name, read(p));
      }
      starts.put(o, index);
      return o;
    }
    if (tok == JsonToken.START_ARRAY) {
      ArrayNode a = NODES.arrayNode();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() == null) {
          throw new IOException("unexpected end of input in an array");
        }
        a.add(read(p));
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

  /** The block index an object node starts on, or {@code fallback} for nodes not read here. */
  int index(JsonNode n, int fallback) {
    Integer i = starts.get(n);
    return i == null ? fallback : i;
  }
}
