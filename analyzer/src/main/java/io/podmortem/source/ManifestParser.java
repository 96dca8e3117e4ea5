package io.podmortem.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.podmortem.model.CollectedCommand;
import io.podmortem.model.Collection;
import io.podmortem.model.SourceRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a podmortem bundle's {@code manifest.json} (collector/FORMAT.md).
 *
 * <pre>
 * {"schemaVersion": 1, "collector": "podmortem-collect", "version": "0.1.0", "host": "node-1",
 *  "startedAt": "2026-11-26T21:53:02Z", "user": {"uid": 0, "name": "root"},
 *  "commands": [{"name": "ps-forest", "argv": ["ps", "faxno", "user,stat,cmd"], "status": "ok", …}]}
 * </pre>
 */
public final class ManifestParser {
  @JsonIgnoreProperties(ignoreUnknown = true)
  record UserJson(Long uid, String name) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record CommandJson(String name, List<String> argv, String status, Integer exitCode, Long durationMs,
      String output, String sha256, String stderr, String reason) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ManifestJson(Integer schemaVersion, String collector, String version, String host, String startedAt,
      String finishedAt, UserJson user, List<CommandJson> commands, List<String> warnings) {}

  private static final ObjectReader JSON = Jsons.JSON.readerFor(ManifestJson.class)
      .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ManifestParser() {}

  /** True when the text is a podmortem manifest: JSON naming the collector. */
  public static boolean looksLike(TextBlock t) {
    int first = t.firstNonBlank();
    if (first < 0 || !t.lines().get(first).trim().startsWith("{")) {
      return false;
    }
    for (int i = first; i < Math.min(t.size(), first + 10); i++) {
      if (t.lines().get(i).contains("\"podmortem-collect\"")) {
        return true;
      }
    }
    return false;
  }

  /** The manifest, or null (with an issue) when it is not valid JSON of that shape. */
  public static Collection parse(TextBlock t, ParseIssues issues) {
    ManifestJson m;
    try {
      Jsons.unfit();
      m = JSON.readValue(String.join("\n", t.lines()));
      Jsons.unfitIssues(t, Math.max(0, t.firstNonBlank()), issues);
    } catch (Exception e) {
      issues.add(Jsons.issue(t, "not a valid manifest", e));
      return null;
    }
    if (m == null) {
      issues.add(t, 0, 0, "not a valid manifest: the JSON is null, not an object");
      return null;
    }
    List<CollectedCommand> commands = new ArrayList<>();
    if (m.commands() != null) {
      for (CommandJson c : m.commands()) {
        if (c == null) {
          continue;
        }
        // A hostile manifest may hold nulls inside its lists: keep what is there, as text.
        List<String> argv = c.argv() == null ? List.of()
            : c.argv().stream().map(a -> a == null ? "" : a).toList();
        commands.add(new CollectedCommand(c.name(), argv, c.status(), c.exitCode(), c.durationMs(), c.output(),
            c.sha256(), c.stderr(), c.reason()));
      }
    }
    String user = m.user() == null ? null
        : (m.user().name() == null ? "" : m.user().name()) + (m.user().uid() == null ? "" : " (uid " + m.user().uid()
            + ")");
    return new Collection(m.collector(), m.version(), m.host(), m.startedAt(), m.finishedAt(), user, commands,
        m.warnings() == null ? List.of() : m.warnings().stream().filter(java.util.Objects::nonNull).toList(), List.of(),
        new SourceRef(t.entry(), 1));
  }
}
