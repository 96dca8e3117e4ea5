package io.podmortem.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podmortem.bundle.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads {@code docker inspect} output: a JSON array of container objects. Each object is cited by the line it
 * starts on; a malformed one is an issue and the rest are still read.
 *
 * <pre>
 * [{"Id": "2b116eadcab3c324…", "Created": "2023-09-14T02:24:42.448126561Z", "Path": "/pause",
 *   "State": {"Status": "running", "Running": true, "Pid": 8809, "ExitCode": 0, …},
 *   "Name": "/k8s_POD_elasticsearch-master-0_lindeci-project_6a4fa112-…_0", "RestartCount": 0, …}]
 * </pre>
 */
public final class DockerInspectParser {
  /** A full container ID. Example match: 64 hex digits. */
  private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{64}");

  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private DockerInspectParser() {}

  /** An array whose first object has docker's {@code "Id"} and {@code "GraphDriver"} or {@code "HostConfig"}. */
  public static boolean looksLike(TextBlock t) {
    int first = t.firstNonBlank();
    if (first < 0 || !t.lines().get(first).trim().startsWith("[")) {
      return false;
    }
    boolean id = false;
    boolean docker = false;
    for (int i = first; i < Math.min(t.size(), first + 400); i++) {
      String l = t.lines().get(i);
      id |= l.contains("\"Id\":");
      docker |= l.contains("\"GraphDriver\"") || l.contains("\"HostConfig\"");
    }
    return id && docker;
  }

  public static List<DockerContainer> parse(TextBlock t, ParseIssues issues) {
    return parse(t, null, issues);
  }

  /**
   * Streams the array from {@code text}, or from the block's lines when null, one object at a time; {@code t}
   * numbers the lines. At most {@link Limits#MAX_JSON_ITEMS} objects are read.
   */
  public static List<DockerContainer> parse(TextBlock t, java.io.Reader text, ParseIssues issues) {
    List<DockerContainer> out = new ArrayList<>();
    LocatedJson trees = new LocatedJson(0, false);
    int read = 0;
    try (JsonParser p = Jsons.parser(t, text)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        issues.add(t, 0, 0, "expected a JSON array of containers");
        return out;
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        int line = p.currentTokenLocation().getLineNr();
        if (++read > Limits.MAX_JSON_ITEMS) {
          issues.add(t, line - 1, 0, "read the first " + Limits.MAX_JSON_ITEMS + " containers, the limit for one "
              + "entry; the rest were left out");
          break;
        }
        JsonNode c = trees.read(p);
        DockerContainer d = translate(c, t, line - 1, issues);
        if (d != null) {
          out.add(d);
        }
      }
    } catch (Exception e) {
      issues.add(Jsons.issue(t, "docker inspect output broken off", e));
    }
    return out;
  }

  private static DockerContainer translate(JsonNode c, TextBlock t, int index, ParseIssues issues) {
    String id = c.path("Id").asText("");
    if (!FULL_ID.matcher(id).matches()) {
      issues.add(t, index, 0, "expected a 64-hex Id, got " + ParseIssues.quote(id));
      return null;
    }
    JsonNode state = c.path("State");
    JsonNode host = c.path("HostConfig");
    JsonNode config = c.path("Config");
    JsonNode data = c.path("GraphDriver").path("Data");
    String name = c.path("Name").asText("");
    Map<String, String> labels = new TreeMap<>();
    config.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    String lower = text(data, "LowerDir");
    return new DockerContainer(t.ref(index), id, name.startsWith("/") ? name.substring(1) : name,
        text(config, "Image"), text(c, "Image"), text(c, "Path"), strings(c.path("Args")),
        text(state, "Status"), state.path("Running").asBoolean(false),
        orZero(Jsons.intOrNull(state, "Pid", t, index, issues)), Jsons.intOrNull(state, "ExitCode", t, index, issues),
        state.path("OOMKilled").asBoolean(false), text(c, "Created"), time(state, "StartedAt"),
        time(state, "FinishedAt"), orZero(Jsons.intOrNull(c, "RestartCount", t, index, issues)),
        text(host, "CgroupParent"), host.path("Privileged").asBoolean(false), text(host, "NetworkMode"),
        text(host, "PidMode"), text(host, "IpcMode"), strings(host.path("CapAdd")), strings(host.path("Binds")),
        text(config, "User"), strings(config.path("Env")), labels, text(c.path("GraphDriver"), "Name"),
        text(data, "MergedDir"), text(data, "UpperDir"),
        lower == null || lower.isEmpty() ? List.of() : List.of(lower.split(":")),
        // podman inspect has docker's shape, and keys of its own: conmon's, and the OCI runtime it chose.
        c.has("ConmonPidFile") || c.has("OCIRuntime") ? "podman" : "docker");
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isValueNode() && !v.isNull() ? v.asText() : null;
  }

  private static String time(JsonNode n, String field) {
    String v = text(n, field);
    return v == null || v.isEmpty() || v.equals(ZERO_TIME) ? null : v;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(v -> out.add(v.asText()));
    }
    return out;
  }
}
