package io.podmortem.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses the {@code docker ps} / {@code docker ps -a} / {@code docker ps --no-trunc} table, from the
 * current CLI (3-space gaps, {@code …}) and the old one (20-wide columns, {@code ...}).
 *
 * <pre>
 * CONTAINER ID   IMAGE                                 COMMAND                  CREATED      STATUS      PORTS     NAMES
 * d5fa78fa31f1   k8s.gcr.io/ingress-nginx/controller   "/usr/bin/dumb-init …"   3 days ago   Up 3 days             k8s_controller_ingress-nginx-...
 * 6669168db70d   k8s.gcr.io/pause:3.4.1                "/pause"                 3 days ago   Up 3 days             k8s_POD_ingress-nginx-...
 * </pre>
 *
 * Cells are cut at the header's offsets in code points (Go tabwriter counts runes). A row that
 * does not fit them (a cell overflowing into the next column) is read token by token instead.
 */
public final class DockerPsParser {
  /**
   * A container ID: 12 hex chars, or 64 with {@code --no-trunc}.
   *
   * <p>Example matches: {@code 36b418e69ae7}, {@code 2b116eadcab3c324...} (64 hex)
   */
  private static final Pattern ID = Pattern.compile("(?<id>[0-9a-f]{12}|[0-9a-f]{64})");

  private static final List<String> COLUMNS =
      List.of("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES");

  /** True when the first line is a docker ps header. */
  public static boolean looksLike(TextBlock t) {
    int first = t.firstNonBlank();
    return first >= 0 && isHeader(t.lines().get(first));
  }

  private static boolean isHeader(String line) {
    TableHeader h = TableHeader.parse(line);
    return h.size() > 0 && h.indexOf("CONTAINER ID") == 0
        && COLUMNS.stream().allMatch(c -> h.indexOf(c) >= 0);
  }

  public DockerPsTable parse(TextBlock t, ParseIssues issues) {
    int first = t.firstNonBlank();
    if (first < 0) {
      return new DockerPsTable(t.entry(), List.of());
    }
    String headerLine = t.lines().get(first);
    if (!isHeader(headerLine)) {
      issues.add(t, first, 1, "expected a docker ps header (CONTAINER ID IMAGE COMMAND CREATED STATUS"
          + " PORTS NAMES), got " + ParseIssues.quote(headerLine));
      return new DockerPsTable(t.entry(), List.of());
    }
    TableHeader header = TableHeader.parse(headerLine);
    List<DockerPsRow> rows = new ArrayList<>();
    for (int i = first + 1; i < t.size(); i++) {
      String line = t.lines().get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] cells = cells(header, line);
      if (cells == null) {
        issues.add(t, i, 0, "expected 7 docker ps columns (ports may be empty), got "
            + ParseIssues.quote(line));
        continue;
      }
      DockerPsRow row = toRow(t, i, cells, issues);
      if (row != null) {
        rows.add(row);
      }
    }
    return new DockerPsTable(t.entry(), rows);
  }

  /** The 7 cells in {@link #COLUMNS} order, by header offsets or else by tokens; null if neither fits. */
  private static String[] cells(TableHeader header, String line) {
    List<String> cut = header.cut(line);
    if (cut == null) {
      return DockerPsTokens.split(line);
    }
    String[] out = new String[COLUMNS.size()];
    for (int c = 0; c < COLUMNS.size(); c++) {
      out[c] = cut.get(header.indexOf(COLUMNS.get(c)));
      // Only PORTS may be empty; an empty cell elsewhere means the row does not fit the offsets.
      if (out[c].isEmpty() && !COLUMNS.get(c).equals("PORTS")) {
        return DockerPsTokens.split(line);
      }
    }
    // Old CLIs and the docs print the command unquoted; the offsets still hold when CREATED and STATUS read right.
    boolean fits = quoted(out[2]) || (out[3].endsWith(" ago") && STATUS.matcher(out[4]).lookingAt());
    return fits ? out : DockerPsTokens.split(line);
  }

  /** How docker ps's STATUS starts. Example matches: {@code Up 33 minutes}, {@code Exited (0) 2 hours ago}. */
  private static final java.util.regex.Pattern STATUS =
      java.util.regex.Pattern.compile("(?:Up|Exited|Created|Restarting|Paused|Removal|Dead)\\b");

  private static boolean quoted(String cell) {
    return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"");
  }

  private static DockerPsRow toRow(TextBlock t, int i, String[] c, ParseIssues issues) {
    String line = t.lines().get(i);
    if (!ID.matcher(c[0]).matches()) {
      issues.add(t, i, line.indexOf(c[0]) + 1, "expected a CONTAINER ID of 12 or 64 hex digits, got "
          + ParseIssues.quote(c[0]) + " in " + ParseIssues.quote(line));
      return null;
    }
    String command = quoted(c[2]) ? DockerPsTokens.unquote(c[2].substring(1, c[2].length() - 1)) : c[2];
    boolean truncated = false;
    if (command.endsWith("…")) {
      command = command.substring(0, command.length() - 1);
      truncated = true;
    } else if (command.endsWith("...")) {
      command = command.substring(0, command.length() - 3);
      truncated = true;
    }
    List<String> names = new ArrayList<>();
    for (String n : c[6].split(",")) {
      String name = n.strip();
      name = name.startsWith("/") ? name.substring(1) : name;
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return new DockerPsRow(t.ref(i), c[0], c[1], command, truncated, c[3], c[4], c[5], names);
  }
}
