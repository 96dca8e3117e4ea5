package io.podmortem.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The top of a crictl or kubectl JSON document, streamed: the objects of its list ({@code items},
 * {@code containers}) each with the block index it starts on, and every other top-level field kept as a tree
 * ({@code status} and {@code info} of an inspect, {@code kind} of a single pod). A syntax error ends the reading
 * as an issue; what was read before it is kept.
 */
final class CriDocument {
  /** One list element and the block index its object starts on. */
  record Item(JsonNode node, int index) {}

  final List<Item> items = new ArrayList<>();
  final ObjectNode top = JsonNodeFactory.instance.objectNode();
  int topIndex;
  boolean sawList;
  final LocatedJson located = new LocatedJson(0);

  private CriDocument() {}

  static CriDocument read(TextBlock t, String listKey, String what, ParseIssues issues) {
    CriDocument d = new CriDocument();
    String text = String.join("\n", t.lines());
    try (JsonParser p = new JsonFactory().createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        issues.add(t, Math.max(0, t.firstNonBlank()), 1, "expected a JSON object of " + what);
        return d;
      }
      d.topIndex = p.currentTokenLocation().getLineNr() - 1;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals(listKey) && value == JsonToken.START_ARRAY) {
          d.sawList = true;
          readList(p, d, t, issues);
        } else {
          d.top.set(name, d.located.read(p));
        }
      }
    } catch (Exception e) {
      issues.add(Jsons.issue(t, what + " broken off", e));
    }
    return d;
  }

  private static void readList(JsonParser p, CriDocument d, TextBlock t, ParseIssues issues) throws Exception {
    JsonToken tok;
    while ((tok = p.nextToken()) != JsonToken.END_ARRAY && tok != null) {
      int index = p.currentTokenLocation().getLineNr() - 1;
      int column = p.currentTokenLocation().getColumnNr();
      JsonNode n = d.located.read(p);
      if (n.isObject()) {
        d.items.add(new Item(n, index));
      } else {
        issues.add(t, index, column,
            "expected an object in the list, got " + ParseIssues.quote(n.toString()));
      }
    }
  }
}
