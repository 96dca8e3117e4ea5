package io.podmortem.source;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The layout of a ps listing printed without its header: {@code ps … | grep x}, {@code ps --no-headers}, or a paste
 * whose first line was cut. procps's default formats are known, so the header each would have had is tried on the
 * first rows, most columns first, and the first layout every row fits is the listing's. Each column's cells are
 * checked by their shape, so {@code ps ax} (PID TTY STAT TIME) is not taken for {@code ps aux}.
 */
final class PsHeaderless {
  /** A known format: the header it prints, and the command that prints it, for the evidence. */
  record Known(String header, String command) {}

  static final List<Known> FORMATS = List.of(
      new Known("USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND", "ps aux"),
      new Known("PPID PID PGID SID TTY TPGID STAT UID TIME COMMAND", "ps axj"),
      new Known("UID PID PPID C STIME TTY TIME CMD", "ps -ef"),
      new Known("PID TTY STAT TIME COMMAND", "ps ax"),
      new Known("PID TTY TIME CMD", "ps -e"),
      new Known("PID PPID CMD", "ps -o pid,ppid,cmd"));

  private static final Pattern NUMBER = Pattern.compile("\\d{1,10}");
  private static final Pattern USER = Pattern.compile("\\d{1,10}|[A-Za-z_][A-Za-z0-9_.-]{0,31}[+$]?");
  private static final Pattern TTY = Pattern.compile("\\?|pts/\\d{1,5}|tty\\w{1,8}|console|ttyS\\d{1,5}");
  private static final Pattern TIME = Pattern.compile("(?:\\d{1,6}-)?\\d{1,6}:\\d\\d(?::\\d\\d)?");
  private static final Pattern PERCENT = Pattern.compile("\\d{1,4}\\.\\d");
  private static final Pattern START = Pattern.compile("\\d\\d:\\d\\d|[A-Z][a-z]{2}\\d\\d|\\d{4}|[A-Z][a-z]{2}");
  private static final Map<String, Pattern> CELLS = Map.ofEntries(
      Map.entry("PID", NUMBER), Map.entry("PPID", NUMBER), Map.entry("PGID", NUMBER), Map.entry("SID", NUMBER),
      Map.entry("TPGID", Pattern.compile("-?\\d{1,10}")), Map.entry("UID", USER), Map.entry("USER", USER),
      Map.entry("TTY", TTY), Map.entry("TIME", TIME), Map.entry("%CPU", PERCENT), Map.entry("%MEM", PERCENT),
      Map.entry("VSZ", NUMBER), Map.entry("RSS", NUMBER), Map.entry("START", START), Map.entry("STIME", START),
      Map.entry("C", NUMBER), Map.entry("STAT", PsLineReader.STAT));

  /** Rows a layout must fit before it is taken. */
  private static final int SAMPLE = 20;

  private PsHeaderless() {}

  /** The known format whose header fits the first rows, or null. */
  static Known find(TextBlock t, int first) {
    for (Known k : FORMATS) {
      if (fits(t, first, k.header().split(" "))) {
        return k;
      }
    }
    return null;
  }

  private static boolean fits(TextBlock t, int first, String[] columns) {
    int rows = 0;
    for (int i = first; i < t.size() && rows < SAMPLE; i++) {
      String line = t.lines().get(i);
      if (line.isBlank()) {
        continue;
      }
      if (line.length() > 65536 || !fitsRow(line.strip().split("\\s+", columns.length), columns)) {
        return false;
      }
      rows++;
    }
    return rows > 0;
  }

  private static boolean fitsRow(String[] cells, String[] columns) {
    if (cells.length < columns.length) {
      return false;
    }
    for (int c = 0; c < columns.length - 1; c++) {
      Pattern p = CELLS.get(columns[c]);
      if (p != null && !p.matcher(cells[c]).matches()) {
        return false;
      }
    }
    return true;
  }
}
