package io.podmortem.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code docker ps --format '{{json .}}'}: one JSON object per line, every value a string.
 *
 * <pre>
 * {"Command":"\"docker-entrypoint.s…\"","CreatedAt":"2025-01-10 21:01:39 -0600 CST","ID":"d77045edba3a",
 *  "Image":"mongo","Names":"mongo","State":"running","Status":"Up 19 minutes", …}
 * </pre>
 */
public final class DockerPsJsonParser {
  private static final ObjectMapper JSON = Jsons.JSON;

  private DockerPsJsonParser() {}

  public static boolean looksLike(TextBlock t) {
    int first = t.firstNonBlank();
    if (first < 0) {
      return false;
    }
    String l = t.lines().get(first).trim();
    return l.startsWith("{") && l.endsWith("}") && l.contains("\"ID\":") && l.contains("\"Names\":");
  }

  public static DockerPsTable parse(TextBlock t, ParseIssues issues) {
    List<DockerPsRow> rows = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      String line = t.lines().get(i);
      if (line.isBlank()) {
        continue;
      }
      JsonNode o;
      try {
        o = JSON.readTree(line);
      } catch (Exception e) {
        issues.add(t, i, 0, "expected a JSON object, got " + ParseIssues.quote(line));
        continue;
      }
      String id = o.path("ID").asText("");
      String command = o.path("Command").asText("");
      if (command.length() >= 2 && command.startsWith("\"") && command.endsWith("\"")) {
        command = command.substring(1, command.length() - 1);
      }
      boolean cut = command.endsWith("…") || command.endsWith("...");
      if (cut) {
        command = command.substring(0, command.length() - (command.endsWith("…") ? 1 : 3));
      }
      List<String> names = new ArrayList<>();
      for (String n : o.path("Names").asText("").split(",")) {
        if (!n.isBlank()) {
          names.add(n.startsWith("/") ? n.substring(1) : n);
        }
      }
      rows.add(new DockerPsRow(t.ref(i), id, o.path("Image").asText(""), command, cut,
          o.path("CreatedAt").asText(""), o.path("Status").asText(""), o.path("Ports").asText(""), names));
    }
    return new DockerPsTable(t.entry(), rows);
  }
}
