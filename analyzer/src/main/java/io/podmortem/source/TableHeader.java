package io.podmortem.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns of a Go {@code tabwriter} table header (docker, kubectl), with start offsets in code points.
 *
 * <p>Go's tabwriter pads cells by counting runes, not bytes or display cells, so a {@code …} in a
 * docker COMMAND cell is one column wide and offsets must be counted in code points, not Java chars.
 */
final class TableHeader {
  /** One header column: its name as printed (may hold single spaces) and its start in code points. */
  record Column(String name, int start) {}

  private final List<Column> columns;

  private TableHeader(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  /**
   * Splits a header on runs of two or more spaces; single spaces stay inside a name
   * ({@code CONTAINER ID}, {@code NOMINATED NODE}). Tabwriter pads with at least one space past
   * the widest cell, and the widest cell of a header column is at least its name, so names never
   * touch.
   */
  static TableHeader parse(String header) {
    int[] cps = header.codePoints().toArray();
    List<Column> cols = new ArrayList<>();
    int i = 0;
    while (i < cps.length) {
      while (i < cps.length && cps[i] == ' ') {
        i++;
      }
      if (i >= cps.length) {
        break;
      }
      int start = i;
      while (i < cps.length && !(cps[i] == ' ' && (i + 1 >= cps.length || cps[i + 1] == ' '))) {
        i++;
      }
      cols.add(new Column(new String(cps, start, i - start), start));
    }
    return new TableHeader(cols);
  }

  List<Column> columns() {
    return columns;
  }

  int size() {
    return columns.size();
  }

  /** Index of the column with this name (case-insensitive), or -1. */
  int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().toUpperCase(Locale.ROOT).equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Cuts a row at the header's offsets, or returns null when the row does not fit them: a cell
   * that runs into the next column's gap, or a cell that does not start at its column.
   * Cells are stripped; an empty cell is "".
   */
  List<String> cut(String line) {
    int[] cps = line.codePoints().toArray();
    List<String> cells = new ArrayList<>(columns.size());
    for (int k = 0; k < columns.size(); k++) {
      int start = columns.get(k).start();
      int end = k + 1 < columns.size() ? columns.get(k + 1).start() : Integer.MAX_VALUE;
      if (start >= cps.length) {
        cells.add("");
        continue;
      }
      if (k > 0 && cps[start - 1] != ' ') {
        return null;
      }
      int to = Math.min(end, cps.length);
      String cell = new String(cps, start, to - start);
      if (cps[start] == ' ' && !cell.isBlank()) {
        return null;
      }
      cells.add(cell.strip());
    }
    return cells;
  }

  /** Splits a line on runs of at least {@code minGap} spaces, dropping leading and trailing space. */
  static List<String> splitOnGaps(String line, int minGap) {
    List<String> out = new ArrayList<>();
    String s = line.strip();
    int i = 0;
    int cellStart = 0;
    while (i < s.length()) {
      if (s.charAt(i) != ' ') {
        i++;
        continue;
      }
      int gapStart = i;
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
      if (i - gapStart >= minGap) {
        out.add(s.substring(cellStart, gapStart));
        cellStart = i;
      }
    }
    if (cellStart < s.length()) {
      out.add(s.substring(cellStart));
    }
    return out;
  }
}
