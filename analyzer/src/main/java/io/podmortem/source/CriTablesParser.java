package io.podmortem.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the {@code crictl ps} and {@code crictl pods} tables: Go tabwriter, min width 20, padding 3, IDs cut to 13.
 *
 * <pre>
 * CONTAINER           IMAGE               CREATED             STATE               NAME        ATTEMPT             POD ID              POD
 * 7d6ad449ae76b       ff78c7a65ec2b       2 days ago          Running             nginx       0                   cb07c78e24238       nginx
 * POD ID              CREATED             STATE               NAME                NAMESPACE           ATTEMPT
 * 3f075e72dfa28       3 days ago          Ready               virtlet-wcb8r       kube-system         0
 * </pre>
 *
 * Columns are found by name, so the 2018 {@code CONTAINER ID} header (no POD columns, {@code CONTAINER_RUNNING}
 * states), the v1.32 trailing {@code NAMESPACE} and the optional {@code RUNTIME} all read alike. CREATED is
 * relative ("About a minute ago") and is dropped: the records hold absolute times only.
 */
public final class CriTablesParser {
  /** An attempt number. Example match: {@code 3}. */
  private static final Pattern ATTEMPT = Pattern.compile("[0-9]{1,9}");

  /**
   * A container or sandbox ID as the table shows it.
   *
   * <p>Example matches: {@code 7d6ad449ae76b}, 64 hex with {@code --no-trunc}
   */
  private static final Pattern ID = Pattern.compile("(?<id>[0-9a-f]{13}|[0-9a-f]{64})");

  private static final Map<String, String> CONTAINER_STATES = Map.of("Running", "CONTAINER_RUNNING",
      "Exited", "CONTAINER_EXITED", "Created", "CONTAINER_CREATED", "Unknown", "CONTAINER_UNKNOWN");
  private static final Map<String, String> SANDBOX_STATES =
      Map.of("Ready", "SANDBOX_READY", "NotReady", "SANDBOX_NOTREADY");

  private CriTablesParser() {}

  public static boolean looksLikePods(TextBlock t) {
    int first = t.firstNonBlank();
    return first >= 0 && isPodsHeader(TableHeader.parse(t.lines().get(first)));
  }

  public static boolean looksLikeContainers(TextBlock t) {
    int first = t.firstNonBlank();
    return first >= 0 && (isContainersHeader(TableHeader.parse(t.lines().get(first)))
        || headerless(t.lines().get(first)) != null);
  }

  /** The header {@code crictl ps} prints, for rows pasted without it ({@code crictl ps | grep x}). */
  private static final String PS_HEADER = "CONTAINER           IMAGE               CREATED             STATE"
      + "               NAME                ATTEMPT             POD ID              POD";

  /**
   * The header a row of {@code crictl ps} would have had, when the line is such a row without one: cells split on
   * tabwriter's gaps, a 13-hex ID, a state word, an attempt and a 13-hex POD ID where the columns put them. Null for
   * any other line.
   */
  static TableHeader headerless(String line) {
    List<String> cells = TableHeader.splitOnGaps(line, 2);
    if (cells.size() != 8 && cells.size() != 9 || line.length() > 4096) {
      return null;
    }
    boolean row = ID.matcher(cells.get(0)).matches() && CONTAINER_STATES.containsKey(cells.get(3))
        && ATTEMPT.matcher(cells.get(5)).matches() && ID.matcher(cells.get(6)).matches()
        && cells.get(2).endsWith(" ago");
    return row ? TableHeader.parse(PS_HEADER + (cells.size() == 9 ? "               NAMESPACE" : "")) : null;
  }

  private static boolean isPodsHeader(TableHeader h) {
    return (h.indexOf("POD ID") == 0 || h.indexOf("PODSANDBOX ID") == 0) && hasAll(h, "CREATED", "STATE", "NAME");
  }

  /** crictl ps's header; the 2017 one had no IMAGE column ({@code CONTAINER ID CREATED STATE NAME}). */
  private static boolean isContainersHeader(TableHeader h) {
    return (h.indexOf("CONTAINER") == 0 || h.indexOf("CONTAINER ID") == 0) && hasAll(h, "CREATED", "STATE", "NAME");
  }

  private static boolean hasAll(TableHeader h, String... names) {
    for (String n : names) {
      if (h.indexOf(n) < 0) {
        return false;
      }
    }
    return true;
  }

  public static List<CriPod> parsePods(TextBlock t, ParseIssues issues) {
    List<CriPod> out = new ArrayList<>();
    for (Row r : rows(t, true, issues)) {
      String state = state(r, SANDBOX_STATES, "Ready or NotReady", "SANDBOX_", issues);
      out.add(new CriPod(t.ref(r.index), r.id, r.get("NAME"), r.get("NAMESPACE"), null, r.attempt(issues), state,
          null, Map.of(), Map.of(), r.get("RUNTIME"), null, null, null));
    }
    return out;
  }

  /**
   * Containers from the table. The POD and NAMESPACE cells are kept as the labels crictl prints them from
   * ({@code io.kubernetes.pod.name}, {@code io.kubernetes.pod.namespace}), so rows join like JSON items.
   */
  public static List<CriContainer> parseContainers(TextBlock t, ParseIssues issues) {
    List<CriContainer> out = new ArrayList<>();
    for (Row r : rows(t, false, issues)) {
      String state = state(r, CONTAINER_STATES, "Running, Exited, Created or Unknown", "CONTAINER_", issues);
      Map<String, String> labels = new HashMap<>();
      putIfPresent(labels, "io.kubernetes.pod.name", r.get("POD"));
      putIfPresent(labels, "io.kubernetes.pod.namespace", r.get("NAMESPACE"));
      putIfPresent(labels, "io.kubernetes.container.name", r.get("NAME"));
      out.add(new CriContainer(t.ref(r.index), r.id, r.get("POD ID"), r.get("NAME"), r.attempt(issues),
          r.get("IMAGE"), null, state, null, null, null, null, null, labels, Map.of(), null, null, null, null,
          null, null, null, null, List.of(), false));
    }
    return out;
  }

  private static void putIfPresent(Map<String, String> m, String key, String value) {
    if (value != null && !value.isEmpty()) {
      m.put(key, value);
    }
  }

  private static String state(Row r, Map<String, String> names, String expected, String prefix, ParseIssues is) {
    String cell = r.get("STATE");
    if (cell == null) {
      return null;
    }
    if (cell.startsWith(prefix)) {
      return cell;
    }
    String mapped = names.get(cell);
    if (mapped == null) {
      is.add(r.t, r.index, r.column("STATE"), "expected a STATE of " + expected + ", got " + ParseIssues.quote(cell)
          + " in " + ParseIssues.quote(r.line()));
    }
    return mapped;
  }

  /** One table row's cells by column name. */
  private static final class Row {
    final TextBlock t;
    final int index;
    final TableHeader header;
    final List<String> cells;
    final String id;

    Row(TextBlock t, int index, TableHeader header, List<String> cells) {
      this.t = t;
      this.index = index;
      this.header = header;
      this.cells = cells;
      this.id = cells.get(0);
    }

    String line() {
      return t.lines().get(index);
    }

    String get(String column) {
      int k = header.indexOf(column);
      return k < 0 || k >= cells.size() || cells.get(k).isEmpty() ? null : cells.get(k);
    }

    int column(String name) {
      String v = get(name);
      return v == null ? 0 : line().indexOf(v) + 1;
    }

    Integer attempt(ParseIssues issues) {
      String a = get("ATTEMPT");
      if (a == null) {
        return null;
      }
      if (!ATTEMPT.matcher(a).matches()) {
        issues.add(t, index, column("ATTEMPT"), "expected a number in ATTEMPT, got " + ParseIssues.quote(a)
            + " in " + ParseIssues.quote(line()));
        return null;
      }
      return Integer.parseInt(a);
    }
  }

  private static List<Row> rows(TextBlock t, boolean pods, ParseIssues issues) {
    List<Row> out = new ArrayList<>();
    int first = t.firstNonBlank();
    if (first < 0) {
      return out;
    }
    TableHeader header = TableHeader.parse(t.lines().get(first));
    int from = first + 1;
    TableHeader implied = pods ? null : headerless(t.lines().get(first));
    if (implied != null && !isContainersHeader(header)) {
      header = implied;
      from = first;
    }
    if (!(pods ? isPodsHeader(header) : isContainersHeader(header))) {
      issues.add(t, first, 1, "expected a crictl " + (pods ? "pods" : "ps") + " header, got "
          + ParseIssues.quote(t.lines().get(first)));
      return out;
    }
    for (int i = from; i < t.size(); i++) {
      String line = t.lines().get(i);
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = implied != null && header == implied ? TableHeader.splitOnGaps(line, 2)
          : cells(header, line);
      if (cells == null) {
        issues.add(t, i, 0, "expected " + header.size() + " columns under the header, got "
            + ParseIssues.quote(line));
        continue;
      }
      if (!ID.matcher(cells.get(0)).matches()) {
        issues.add(t, i, line.indexOf(cells.get(0)) + 1, "expected an ID of 13 or 64 hex digits, got "
            + ParseIssues.quote(cells.get(0)) + " in " + ParseIssues.quote(line));
        continue;
      }
      out.add(new Row(t, i, header, cells));
    }
    return out;
  }

  /**
   * Cells by the header's offsets; when a cell overflows its column (a name wider than the header's min width
   * was sized for), by runs of two or more spaces instead, which tabwriter's padding of 3 always leaves. Null
   * when neither gives one cell per column.
   */
  private static List<String> cells(TableHeader header, String line) {
    List<String> cut = header.cut(line);
    if (cut != null && cut.stream().noneMatch(String::isEmpty)) {
      return cut;
    }
    List<String> split = TableHeader.splitOnGaps(line, 2);
    return split.size() == header.size() ? split : cut;
  }
}
