package io.podmortem.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podmortem.bundle.Limits;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The top of a crictl or kubectl JSON document, streamed: the objects of its list ({@code items},
 * {@code containers}) each with the block index it starts on, and every other top-level field kept as a tree
 * ({@code status} and {@code info} of an inspect, {@code kind} of a single pod). A syntax error ends the reading
 * as an issue; what was read before it is kept.
 */
final class CriDocument {
  /** One list element, the block index its object starts on, and where its nested objects start. */
  record Item(JsonNode node, int index, LocatedJson located) {}

  /** The items, when no consumer takes them as they are read. */
  final List<Item> items = new ArrayList<>();
  final ObjectNode top = JsonNodeFactory.instance.objectNode();
  int topIndex;
  boolean sawList;
  final LocatedJson located = new LocatedJson(0);

  private CriDocument() {}

  static CriDocument read(TextBlock t, String listKey, String what, ParseIssues issues) {
    CriDocument d = new CriDocument();
    read(d, t, null, listKey, what, issues, d.items::add);
    return d;
  }

  /**
   * Streams the document from {@code text} (or the block's lines when null), giving each list item to
   * {@code each} as soon as it is read, so that a list of any length is never held; at most
   * {@link Limits#MAX_JSON_ITEMS} are read. Returns the top-level fields.
   */
  static CriDocument read(TextBlock t, Reader text, String listKey, String what, ParseIssues issues,
      Consumer<Item> each) {
    CriDocument d = new CriDocument();
    read(d, t, text, listKey, what, issues, each);
    return d;
  }

  private static void read(CriDocument d, TextBlock t, Reader text, String listKey, String what,
      ParseIssues issues, Consumer<Item> each) {
    try (JsonParser p = Jsons.parser(t, text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        issues.add(t, Math.max(0, t.firstNonBlank()), 1, "expected a JSON object of " + what);
        return;
      }
      d.topIndex = p.currentTokenLocation().getLineNr() - 1;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals(listKey) && value == JsonToken.START_ARRAY) {
          d.sawList = true;
          readList(p, d, t, what, issues, each);
        } else {
          d.top.set(name, d.located.read(p));
        }
      }
    } catch (LimitReached e) {
      issues.add(t, e.index, 0, what + ": read the first " + Limits.MAX_JSON_ITEMS + " objects of the list, the "
          + "limit for one entry; the rest were left out");
    } catch (Exception e) {
      issues.add(Jsons.issue(t, what + " broken off", e));
    }
  }

  /** The list holds more items than one entry may give. */
  private static final class LimitReached extends Exception {
    final int index;

    LimitReached(int index) {
      super(null, null, false, false);
      this.index = index;
    }
  }

  private static void readList(JsonParser p, CriDocument d, TextBlock t, String what, ParseIssues issues,
      Consumer<Item> each) throws Exception {
    JsonToken tok;
    int read = 0;
    while ((tok = p.nextToken()) != JsonToken.END_ARRAY && tok != null) {
      if (++read > Limits.MAX_JSON_ITEMS) {
        throw new LimitReached(p.currentTokenLocation().getLineNr() - 1);
      }
      int index = p.currentTokenLocation().getLineNr() - 1;
      int column = p.currentTokenLocation().getColumnNr();
      JsonNode n = d.located.read(p);
      if (n.isObject()) {
        each.accept(new Item(n, index, d.located));
        // The item is read: where its objects started is of no more use, and a long list must not keep it.
        d.located.clear();
      } else {
        issues.add(t, index, column,
            "expected an object in the list, got " + ParseIssues.quote(n.toString()));
      }
    }
  }
}
