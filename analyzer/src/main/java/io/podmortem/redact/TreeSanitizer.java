package io.podmortem.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
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
        // Replacing the value of an entry in place is allowed while iterating; no field is added or removed.
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          JsonNode v = f.getValue();
          if (v.isTextual()) {
            String clean = clean(v.textValue(), redactor, path, f.getKey());
            if (clean != null) {
              f.setValue(TextNode.valueOf(clean));
            }
          } else if (v.isContainerNode() && v.size() > 0) {
            todo.push(new Object[] {v, path + "/" + f.getKey()});
          }
        }
      } else if (node instanceof ArrayNode a) {
        for (int i = 0; i < a.size(); i++) {
          JsonNode v = a.get(i);
          if (v.isTextual()) {
            String clean = clean(v.textValue(), redactor, path, Integer.toString(i));
            if (clean != null) {
              a.set(i, TextNode.valueOf(clean));
            }
          } else if (v.isContainerNode() && v.size() > 0) {
            todo.push(new Object[] {v, path + "/" + i});
          }
        }
      }
    }
  }

  /** The text made visible and redacted, or null when it is fine as it is. */
  private static String clean(String s, Redactor redactor, String path, String key) {
    String visible = visible(s);
    String out = redactor == null || !redactor.mayHoldSecret(visible) ? visible
        : redactor.redact(visible, path + "/" + key);
    return out.equals(s) ? null : out;
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
