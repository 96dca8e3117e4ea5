package io.podmortem.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code file} (or {@code file -L}) output, one {@link FileDescription} per line.
 *
 * <p>A real sample (udon, the pause container's rootfs):
 * <pre>
 * pause: ELF 64-bit LSB executable, x86-64, version 1 (GNU/Linux), statically linked, for GNU/Linux 3.2.0, ...
 * </pre>
 * file(1) joins the name and the description with {@code ": "}, padding with spaces to align several files. A name
 * may itself hold {@code ": "}, so the separator is the first one followed by a description file(1) prints.
 */
public final class FileDescriptionParser {
  /**
   * How a description begins, after an optional setuid/setgid/sticky mark.
   *
   * <p>Example matches: {@code ELF 64-bit LSB executable}, {@code symbolic link to ../usr/lib/os-release},
   * {@code POSIX shell script, ASCII text executable}, {@code setuid ELF 64-bit LSB pie executable}, {@code empty}
   */
  /** The permission marks file(1) puts before a description, such as {@code setuid ELF 64-bit ...}. */
  private static final Pattern MARKS = Pattern.compile("^(?:(?:setuid|setgid|sticky),? )*");

  private static final Pattern KNOWN_DESCRIPTION = Pattern.compile(
      "^(?:(?:setuid|setgid|sticky),? )*(?<kind>ELF\\b|ASCII text|UTF-8 Unicode|Unicode text|ISO-8859 text"
          + "|(?:broken )?symbolic link to |directory\\b|sticky directory|POSIX shell script|Bourne-Again shell script"
          + "|a \\S+ (?:\\S+ )?script|(?:Python|Perl|Ruby) script|data$|empty$|cannot open|gzip compressed data"
          + "|(?:POSIX |GNU )?tar archive|Zip archive|JSON|XML|character special|block special|fifo|socket"
          + "|current ar archive|PEM certificate|OpenSSH)");

  /**
   * The separator between the name and the description, with file(1)'s alignment padding.
   *
   * <p>Example matches: {@code ": "} in {@code pause: ELF}, {@code ":    "} in {@code a:    ASCII text}
   */
  private static final Pattern SEPARATOR = Pattern.compile(": +");

  private FileDescriptionParser() {}

  /** True when every non-blank line is a name, {@code ": "} and a description file(1) prints. */
  public static boolean looksLike(TextBlock t) {
    int lines = 0;
    for (String line : t.lines()) {
      if (line.isBlank()) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0)) || knownSplit(line) < 0) {
        return false;
      }
      lines++;
    }
    return lines > 0;
  }

  /** Parses each line; a line without {@code ": "} is recorded in {@code issues} and skipped. */
  public static List<FileDescription> parse(TextBlock t, ParseIssues issues) {
    List<FileDescription> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      String line = t.lines().get(i);
      if (line.isBlank()) {
        continue;
      }
      int at = knownSplit(line);
      if (at < 0) {
        // An unknown description: take the first separator, as file(1) names seldom hold ": ".
        Matcher m = SEPARATOR.matcher(line);
        at = m.find() && m.start() > 0 ? m.start() : -1;
      }
      if (at < 0) {
        issues.add(t, i, 1, "expected 'path: description', got " + ParseIssues.quote(line));
        continue;
      }
      Matcher sep = SEPARATOR.matcher(line);
      sep.find(at);
      String path = line.substring(0, at);
      String description = line.substring(sep.end()).stripTrailing();
      boolean elf = MARKS.matcher(description).replaceFirst("").startsWith("ELF");
      out.add(new FileDescription(t.ref(i), path, description, elf, description.contains("statically linked")));
    }
    return out;
  }

  /** Index of the first separator followed by a known description, or -1. */
  private static int knownSplit(String line) {
    Matcher sep = SEPARATOR.matcher(line);
    while (sep.find()) {
      if (sep.start() > 0 && KNOWN_DESCRIPTION.matcher(line.substring(sep.end())).lookingAt()) {
        return sep.start();
      }
    }
    return -1;
  }
}
