package io.podmortem.source;

import io.podmortem.model.ResourceUsage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code docker stats --no-stream}: one row a running container, its columns apart by two spaces or more
 * (a value such as {@code 352KiB / 23.54GiB} holds single ones). The columns are found by the header's names: a
 * {@code --format table} of its own may leave some out, and its {@code CONTAINER} column holds what the user typed,
 * an ID or a name. With {@code --all}, a stopped container shows {@code 0B / 0B}.
 *
 * <pre>
 * CONTAINER ID   NAME       CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   BLOCK I/O   PIDS
 * 07216a680cac   pm-plain   0.00%     316KiB / 23.54GiB   0.00%     0B / 0B   0B / 0B     1
 * </pre>
 */
final class DockerStatsParser {
  /** Columns are apart by two spaces or more. */
  private static final Pattern GAP = Pattern.compile(" {2,}+");
  /** Example matches: {@code 07216a680cac}, a full 64-digit ID with {@code --no-trunc}. */
  private static final Pattern ID = Pattern.compile("^[0-9a-f]{12,64}$");

  private DockerStatsParser() {}

  static boolean looksLike(TextBlock t) {
    int first = t.firstNonBlank();
    if (first < 0) {
      return false;
    }
    String h = t.lines().get(first);
    return h.startsWith("CONTAINER") && h.contains("CPU %") && h.contains("MEM USAGE / LIMIT");
  }

  static List<DockerStat> parse(TextBlock t, ParseIssues issues) {
    List<DockerStat> out = new ArrayList<>();
    int first = t.firstNonBlank();
    if (first < 0) {
      return out;
    }
    String[] header = GAP.split(t.lines().get(first).strip());
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      col.put(header[i], i);
    }
    Integer id = col.containsKey("CONTAINER ID") ? col.get("CONTAINER ID") : col.get("CONTAINER");
    if (id == null || !col.containsKey("MEM USAGE / LIMIT")) {
      issues.add(t, first, 1, "a docker stats header without CONTAINER ID or MEM USAGE / LIMIT: "
          + ParseIssues.quote(t.lines().get(first)));
      return out;
    }
    for (int i = first + 1; i < t.size(); i++) {
      String l = t.lines().get(i);
      if (l.isBlank()) {
        continue;
      }
      String[] v = GAP.split(l.strip());
      if (v.length != header.length) {
        issues.add(t, i, 1, "expected " + header.length + " docker stats columns, got " + ParseIssues.quote(l));
        continue;
      }
      String[] mem = v[col.get("MEM USAGE / LIMIT")].split(" / ", 2);
      boolean hex = ID.matcher(v[id]).matches();
      String name = col.containsKey("NAME") ? v[col.get("NAME")] : hex ? null : v[id];
      out.add(new DockerStat(hex ? v[id] : null, name, new ResourceUsage(
          get(v, col, "CPU %"), mem[0], mem.length > 1 ? mem[1] : null, get(v, col, "MEM %"), pids(get(v, col, "PIDS")),
          t.ref(i))));
    }
    return out;
  }

  private static String get(String[] v, Map<String, Integer> col, String name) {
    Integer at = col.get(name);
    return at == null || v[at].equals("--") ? null : v[at];
  }

  private static Integer pids(String s) {
    return s != null && s.matches("\\d{1,9}") ? Integer.valueOf(s) : null;
  }
}
