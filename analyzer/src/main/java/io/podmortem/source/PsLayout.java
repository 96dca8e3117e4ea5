package io.podmortem.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns of a {@code ps} listing: the names before the command column, and where the command
 * column starts in the header (or -1 for a headerless listing).
 */
record PsLayout(List<String> columns, int commandOffset) {
  /** Column names that end a ps header and take the rest of the line. */
  private static final Set<String> COMMAND_NAMES = Set.of("CMD", "COMMAND", "ARGS");

  /** Names that make a header line recognisably ps: at least one must be present. */
  private static final Set<String> KEY_NAMES = Set.of("PID", "PPID", "USER", "UID", "STAT", "S");

  static final Set<String> USER_NAMES = Set.of("USER", "UID", "RUSER", "EUSER", "RUID", "EUID");

  /**
   * One ps header name, as procps prints them.
   *
   * <p>Example matches: {@code PID}, {@code %CPU}, {@code STAT}, {@code STARTED}, {@code TT}
   */
  private static final Pattern HEADER_NAME = Pattern.compile("(?<name>[A-Z%][A-Z0-9%_+-]*)");

  PsLayout {
    columns = List.copyOf(columns);
  }

  /** The layout of {@code ps faxno user,stat,cmd} printed without its header. */
  static PsLayout headerless() {
    return new PsLayout(List.of("USER", "STAT"), -1);
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
      if (COMMAND_NAMES.contains(name)) {
        commandOffset = start;
        // The command is the last column: anything after it in the header is not ours to read.
        break;
      }
      names.add(name);
    }
    if (commandOffset < 0 || line.substring(commandOffset).strip().contains(" ")) {
      return null;
    }
    if (names.stream().noneMatch(KEY_NAMES::contains)) {
      return null;
    }
    return new PsLayout(names, commandOffset);
  }
}
