package io.podmortem.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.podmortem.model.CollectedCommand;
import io.podmortem.model.Collection;
import io.podmortem.model.SourceRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a sosreport's {@code sos_reports/manifest.json} (sos 4) into the same {@link Collection} a collector's
 * manifest gives: each command a plugin ran, with its exit code, its run time and the file it wrote, so that the
 * report's collection section and its collection-gap findings cover a sosreport too.
 *
 * <p>Written by sos 4.0 (Debian's {@code sosreport} package), trimmed:
 * <pre>
 * {"version": "4.0", "cmdline": "report --batch -o process,cgroups", "start_time": "2026-12-02 04:22:00.705066",
 *  "components": {"report": {"plugins": {"process": {"timeout_hit": false, "commands": [
 *    {"command": "ps", "parameters": ["auxwww"], "exec": "ps auxwww",
 *     "filepath": "sos_commands/process/ps_auxwww", "return_code": 0, "run_time": 0.035, …}]}}}}}
 * </pre>
 * sos writes its times in the node's local time, without an offset; they are kept as written.
 */
final class SosManifestParser {
  private static final String SUFFIX = "sos_reports/manifest.json";

  private SosManifestParser() {}

  /** JSON whose first lines hold sos's own keys: {@code cmdline} and {@code components} or {@code policy}. */
  static boolean looksLike(TextBlock t) {
    int first = t.firstNonBlank();
    if (first < 0 || !t.lines().get(first).trim().startsWith("{")) {
      return false;
    }
    boolean cmdline = false;
    boolean sos = false;
    for (int i = first; i < t.size(); i++) {
      String l = t.lines().get(i);
      cmdline |= l.contains("\"cmdline\":");
      sos |= l.contains("\"components\":") || l.contains("\"policy\":");
    }
    return cmdline && sos;
  }

  static Collection parse(TextBlock t, ParseIssues issues) {
    JsonNode root;
    try {
      root = Jsons.JSON.readTree(String.join("\n", t.lines()));
    } catch (Exception e) {
      issues.add(Jsons.issue(t, "not a valid sos manifest", e));
      return null;
    }
    if (root == null || !root.isObject()) {
      issues.add(t, 0, 0, "not a valid sos manifest: not a JSON object");
      return null;
    }
    // Paths in the manifest are relative to the report's folder, which an archive's entry names start with.
    String prefix = t.entry().endsWith(SUFFIX) ? t.entry().substring(0, t.entry().length() - SUFFIX.length()) : "";
    List<CollectedCommand> commands = new ArrayList<>();
    JsonNode plugins = root.path("components").path("report").path("plugins");
    for (Iterator<Map.Entry<String, JsonNode>> it = plugins.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> plugin = it.next();
      boolean timedOut = plugin.getValue().path("timeout_hit").asBoolean(false);
      for (JsonNode c : plugin.getValue().path("commands")) {
        String exec = c.path("exec").asText("");
        if (exec.isEmpty()) {
          continue;
        }
        Integer rc = Jsons.intOrNull(c, "return_code", t, 0, issues);
        // 124 is timeout(1)'s code, which sos runs each command under; 127 the shell's for a tool the node lacks,
        // which is a skip, as the collector's manifest calls it.
        String status = rc != null && rc == 124 || timedOut && rc == null ? "timeout"
            : rc == null ? "failed" : rc == 0 ? "ok" : rc == 127 ? "skipped" : "failed";
        JsonNode time = c.path("run_time");
        Long ms = time.isNumber() && time.asDouble() >= 0 && time.asDouble() < 1e9
            ? Math.round(time.asDouble() * 1000) : null;
        String file = c.path("filepath").isTextual() ? prefix + c.path("filepath").asText() : null;
        commands.add(new CollectedCommand(plugin.getKey(), ShellWords.words(exec), status, rc, ms, file, null, null,
            null));
      }
    }
    return new Collection("sos", text(root, "version"), null, text(root, "start_time"), text(root, "end_time"), null,
        commands, List.of(), List.of(), new SourceRef(t.entry(), 1));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isValueNode() && !v.isNull() ? v.asText() : null;
  }
}
