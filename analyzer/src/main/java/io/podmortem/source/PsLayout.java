package io.podmortem.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns of a {@code ps} listing: the names before the command column, where the command column starts in
 * the header (or -1 for a headerless listing), and the names of the single-word columns that follow the command
 * (sos runs {@code ps axo pid,ppid,user,group,lwp,nlwp,start_time,comm,cgroup}: CGROUP comes after COMMAND).
 */
record PsLayout(List<String> columns, int commandOffset, List<String> trailing) {
  /** Column names that end a ps header and take the rest of the line. */
  private static final Set<String> COMMAND_NAMES = Set.of("CMD", "COMMAND", "ARGS");

  /** Names that make a header line recognisably ps: at least one must be present. */
  private static final Set<String> KEY_NAMES = Set.of("PID", "PPID", "USER", "UID", "STAT", "S");

  static final Set<String> USER_NAMES = Set.of("USER", "UID", "RUSER", "EUSER", "RUID", "EUID");

  /**
   * Columns that may follow the command: their cells are single words, so a row's last words are theirs and the
   * command is what comes before. A column whose cells can hold spaces (lstart's STARTED) may not.
   */
  private static final Set<String> TRAILING_NAMES = Set.of("CGROUP", "PID", "PPID", "PGID", "SID", "LWP", "NLWP",
      "SPID", "TID", "USER", "UID", "GROUP", "GID", "STAT", "S", "TIME", "ELAPSED", "START", "RSS", "VSZ", "SZ",
      "NI", "PRI", "PSR", "%CPU", "%MEM", "TTY", "TT", "WCHAN", "F", "CLS", "ADDR");

  /**
   * One ps header name, as procps prints them.
   *
   * <p>Example matches: {@code PID}, {@code %CPU}, {@code STAT}, {@code STARTED}, {@code TT}
   */
  private static final Pattern HEADER_NAME = Pattern.compile("(?<name>[A-Z%][A-Z0-9%_+-]*)");

  PsLayout {
    columns = List.copyOf(columns);
    trailing = List.copyOf(trailing);
  }

  /** The layout of {@code ps faxno user,stat,cmd} printed without its header. */
  static PsLayout headerless() {
    return new PsLayout(List.of("USER", "STAT"), -1, List.of());
  }

  /** The layout of a known format printed without its header: its columns, and no offsets to align by. */
  static PsLayout headerless(String header) {
    PsLayout l = fromHeader(header);
    return new PsLayout(l.columns(), -1, l.trailing());
  }

  boolean hasHeader() {
    return commandOffset >= 0;
  }

  int indexOf(String name) {
    return columns.indexOf(name);
  }

  int userIndex() {
    for (int i = 0; i < columns.size(); i++) {
      if (USER_NAMES.contains(columns.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Reads a ps header line, or returns null when the line is not one. */
  static PsLayout fromHeader(String line) {
    List<String> names = new ArrayList<>();
    List<String> trailing = new ArrayList<>();
    int commandOffset = -1;
    int i = 0;
    while (i < line.length()) {
      while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i >= line.length()) {
        break;
      }
      int start = i;
      while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      String name = line.substring(start, i);
      if (!HEADER_NAME.matcher(name).matches()) {
        return null;
      }
      if (commandOffset >= 0) {
        if (!TRAILING_NAMES.contains(name)) {
          return null;
        }
        trailing.add(name);
      } else if (COMMAND_NAMES.contains(name)) {
        commandOffset = start;
      } else {
        names.add(name);
      }
    }
    if (commandOffset < 0 || names.stream().noneMatch(KEY_NAMES::contains)) {
      return null;
    }
    return new PsLayout(names, commandOffset, trailing);
  }
}
