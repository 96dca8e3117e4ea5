package io.podmortem.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code kubectl get pods} tables: with or without NAMESPACE ({@code --all-namespaces}),
 * RESTARTS and AGE, and the {@code -o wide} columns IP, NODE, NOMINATED NODE, READINESS GATES.
 *
 * <pre>
 * NAMESPACE     NAME                                  READY   STATUS    RESTARTS        AGE
 * kube-system   etcd-debian10x64                      1/1     Running   62 (108s ago)   144m
 * kube-system   coredns-f9fd979d6-9v5pb               1/1     Running   0               5m49s
 * </pre>
 *
 * Header names can hold a space (NOMINATED NODE), so rows are cut at the header's offsets; a row
 * that does not fit them is split on gaps of 2+ spaces. A new header after a blank line starts a
 * new table, as {@code kubectl get pods -A -w} and concatenated outputs print.
 */
public final class KubectlPodsParser {
  /**
   * RESTARTS: a count, and since kubectl 1.22 or so the time since the last restart.
   *
   * <p>Example matches: {@code 0}, {@code 62 (108s ago)}, {@code 1 (72d ago)}
   */
  private static final Pattern RESTARTS = Pattern.compile("(?<count>\\d+)(?: \\((?<ago>[^)]*)\\))?");

  private static final String NONE = "<none>";

  /** True when the first line is a {@code kubectl get pods} header. */
  public static boolean looksLike(TextBlock t) {
    int first = t.firstNonBlank();
    return first >= 0 && isHeader(t.lines().get(first));
  }

  /**
   * A pods header: NAME (after NAMESPACE, with -A) then READY and STATUS; or kubectl's 2015 header, POD then IP,
   * CONTAINER(S), IMAGE(S) and HOST, one row per container.
   */
  private static boolean isHeader(String line) {
    TableHeader h = TableHeader.parse(line);
    int name = h.indexOf("NAME");
    boolean current = (name == 0 || name == 1 && h.indexOf("NAMESPACE") == 0)
        && h.indexOf("READY") > name && h.indexOf("STATUS") > name;
    return current || (h.indexOf("POD") == 0 && h.indexOf("HOST") > 0 && h.indexOf("CONTAINER(S)") > 0);
  }

  /** An all-capitals header line of another kind of object, as kubectl get all prints after the pods. */
  private static boolean isOtherHeader(String line) {
    TableHeader h = TableHeader.parse(line);
    String s = line.strip();
    return h.size() >= 2 && h.indexOf("NAME") >= 0 && s.equals(s.toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * The namespace the command asked for, where the table shows none: {@code -n kube-system},
   * {@code --namespace=es-logging}, {@code --namespace es-logging}. Null for another command or none.
   */
  static String namespaceOf(String command) {
    if (command == null) {
      return null;
    }
    List<String> w = ShellWords.words(command);
    for (int i = 0; i < w.size(); i++) {
      String a = w.get(i);
      if ((a.equals("-n") || a.equals("--namespace")) && i + 1 < w.size()) {
        return w.get(i + 1);
      }
      if (a.startsWith("--namespace=")) {
        return a.substring("--namespace=".length());
      }
      if (a.startsWith("-n") && a.length() > 2 && !a.startsWith("--")) {
        return a.substring(2);
      }
    }
    return null;
  }

  public KubectlPodsTable parse(TextBlock t, ParseIssues issues) {
    int first = t.firstNonBlank();
    if (first < 0) {
      return new KubectlPodsTable(t.entry(), List.of());
    }
    if (!isHeader(t.lines().get(first))) {
      issues.add(t, first, 1, "expected a kubectl get pods header (NAME READY STATUS ...), got "
          + ParseIssues.quote(t.lines().get(first)));
      return new KubectlPodsTable(t.entry(), List.of());
    }
    TableHeader header = TableHeader.parse(t.lines().get(first));
    String namespace = namespaceOf(t.command());
    boolean skipping = false;
    List<KubectlPodRow> rows = new ArrayList<>();
    for (int i = first + 1; i < t.size(); i++) {
      String line = t.lines().get(i);
      if (line.isBlank()) {
        continue;
      }
      if (isHeader(line)) {
        header = TableHeader.parse(line);
        skipping = false;
        continue;
      }
      if (isOtherHeader(line)) {
        skipping = true;
        continue;
      }
      if (skipping) {
        continue;
      }
      List<String> cells = header.cut(line);
      if (header.indexOf("POD") == 0 && (cells == null ? line.startsWith(" ") : cells.get(0).isEmpty())) {
        continue; // 2015: a further container of the pod above
      }
      // kubectl prints <none> rather than an empty cell, so an empty cell means the row is cut short.
      if (cells == null || cells.contains("")) {
        cells = TableHeader.splitOnGaps(line, 2);
      }
      if (cells.size() != header.size()) {
        issues.add(t, i, 0, "expected " + header.size() + " columns as in the header, got "
            + cells.size() + " in " + ParseIssues.quote(line));
        continue;
      }
      KubectlPodRow row = toRow(t, i, header, cells, namespace, issues);
      if (row != null) {
        rows.add(row);
      }
    }
    return new KubectlPodsTable(t.entry(), rows);
  }

  private static KubectlPodRow toRow(TextBlock t, int i, TableHeader header, List<String> cells, String namespace,
      ParseIssues issues) {
    Integer restarts = null;
    String lastRestart = null;
    String restartCell = cell(header, cells, "RESTARTS");
    if (restartCell != null) {
      Matcher m = RESTARTS.matcher(restartCell);
      if (!m.matches() || m.group("count").length() > 9) {
        String line = t.lines().get(i);
        issues.add(t, i, line.indexOf(restartCell) + 1, "expected a RESTARTS column like '0' or"
            + " '62 (108s ago)', got " + ParseIssues.quote(restartCell) + " in " + ParseIssues.quote(line));
        return null;
      }
      restarts = Integer.valueOf(m.group("count"));
      lastRestart = m.group("ago");
    }
    String name = header.indexOf("POD") == 0 ? cell(header, cells, "POD") : cell(header, cells, "NAME");
    if (name != null && name.startsWith("pod/")) {
      name = name.substring(4); // kubectl get all names each object by kind
    }
    String node = header.indexOf("NODE") >= 0 ? cells.get(header.indexOf("NODE")) : null;
    if (node == null && header.indexOf("HOST") >= 0) {
      String host = cells.get(header.indexOf("HOST")); // 2015: node/address
      node = host.contains("/") ? host.substring(0, host.indexOf('/')) : host;
    }
    String ns = cell(header, cells, "NAMESPACE");
    return new KubectlPodRow(t.ref(i), ns != null ? ns : namespace, name,
        cell(header, cells, "READY"), cell(header, cells, "STATUS"), restarts, lastRestart,
        cell(header, cells, "AGE"), cell(header, cells, "IP"), node);
  }

  /** The cell under {@code name}, or null when the table lacks the column or shows {@code <none>}. */
  private static String cell(TableHeader header, List<String> cells, String name) {
    int c = header.indexOf(name);
    if (c < 0) {
      return null;
    }
    String v = cells.get(c);
    return v.equals(NONE) ? null : v;
  }
}
