package io.podmortem.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One pass over the report model before any format is written: control characters (an ANSI escape, say) become
 * visible as {@code \x1b}, and, unless redaction is off, secrets become tokens. Working on the model means every
 * format gets the same text.
 */
public final class TreeSanitizer {
  private TreeSanitizer() {}

  /** Sanitizes every string of the tree in place; {@code redactor} may be null for no redaction. */
  public static void apply(ObjectNode root, Redactor redactor) {
    Deque<Object[]> todo = new ArrayDeque<>();
    todo.push(new Object[] {root, ""});
    while (!todo.isEmpty()) {
      Object[] item = todo.pop();
      JsonNode node = (JsonNode) item[0];
      String path = (String) item[1];
      if (node instanceof ObjectNode o) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        o.fields().forEachRemaining(fields::add);
        for (Map.Entry<String, JsonNode> f : fields) {
          String at = path + "/" + f.getKey();
          if (f.getValue().isTextual()) {
            String text = f.getValue().textValue();
            String clean = clean(text, redactor, at);
            if (!clean.equals(text)) {
              o.set(f.getKey(), TextNode.valueOf(clean));
            }
          } else if (f.getValue().isContainerNode()) {
            todo.push(new Object[] {f.getValue(), at});
          }
        }
      } else if (node instanceof ArrayNode a) {
        for (int i = 0; i < a.size(); i++) {
          String at = path + "/" + i;
          if (a.get(i).isTextual()) {
            String text = a.get(i).textValue();
            String clean = clean(text, redactor, at);
            if (!clean.equals(text)) {
              a.set(i, TextNode.valueOf(clean));
            }
          } else if (a.get(i).isContainerNode()) {
            todo.push(new Object[] {a.get(i), at});
          }
        }
      }
    }
  }

  private static String clean(String s, Redactor redactor, String at) {
    String visible = visible(s);
    return redactor == null ? visible : redactor.redact(visible, at);
  }

  /** C0 and C1 control characters but tab and newline, shown as {@code \xNN}. */
  public static String visible(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0);
      if (control && out == null) {
        out = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (out != null) {
        if (control) {
          out.append(String.format("\\x%02x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }
}
