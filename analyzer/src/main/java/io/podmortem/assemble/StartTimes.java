package io.podmortem.assemble;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads ps's {@code lstart} ({@code %a %b %e %H:%M:%S %Y}, such as {@code Thu Mar  9 10:23:45 2023}). */
final class StartTimes {
  /** Runs of blanks, as ps pads a day of the month. Example match: the two spaces in {@code Nov  3}. */
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static final DateTimeFormatter LSTART = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);

  private StartTimes() {}

  /** ISO 8601, with {@code Z} when the source is known to be UTC; null when the text is no lstart. */
  static String iso(String lstart, boolean utc) {
    if (lstart == null) {
      return null;
    }
    try {
      LocalDateTime t = LocalDateTime.parse(SPACES.matcher(lstart.trim()).replaceAll(" "), LSTART);
      return t + (t.getSecond() == 0 ? ":00" : "") + (utc ? "Z" : "");
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
