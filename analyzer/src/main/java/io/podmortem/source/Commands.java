package io.podmortem.source;

import java.util.List;

/** Small helpers for reading the words of a command line. */
public final class Commands {
  private Commands() {}

  /** The words without a leading {@code sudo} and its options. */
  public static List<String> withoutSudo(List<String> words) {
    int i = 0;
    if (!words.isEmpty() && words.get(0).equals("sudo")) {
      i = 1;
      while (i < words.size() && words.get(i).startsWith("-")) {
        i++;
      }
    }
    return words.subList(i, words.size());
  }

  /**
   * An argument vector as one shell line: a word with a space, a quote or another shell character is put in single
   * quotes, so that {@code ["app", "--password", "two words"]} reads {@code app --password 'two words'}, and the
   * redactor sees where the value ends.
   */
  public static String join(List<String> words) {
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      if (b.length() > 0) {
        b.append(' ');
      }
      int eq = w.indexOf('=');
      if (!w.isEmpty() && w.chars().allMatch(Commands::plain)) {
        b.append(w);
      } else if (eq > 0 && w.substring(0, eq + 1).chars().allMatch(Commands::plain)) {
        // --password='two words', NAME='a value': the name as typed, the value quoted.
        b.append(w, 0, eq + 1).append('\'').append(w.substring(eq + 1).replace("'", "'\\''")).append('\'');
      } else {
        b.append('\'').append(w.replace("'", "'\\''")).append('\'');
      }
    }
    return b.toString();
  }

  private static boolean plain(int c) {
    return c < 0x80 && (Character.isLetterOrDigit(c) || "_@%+=:,./-".indexOf(c) >= 0);
  }

  /** {@code /usr/bin/docker} gives {@code docker}. */
  public static String basename(String path) {
    int slash = path.lastIndexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  }

  /**
   * The value of an option given as {@code --name=value}, {@code --name value} or {@code -n value}; null if absent.
   */
  public static String option(List<String> words, String longName, String shortName) {
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.startsWith(longName + "=")) {
        return w.substring(longName.length() + 1);
      }
      if ((w.equals(longName) || (shortName != null && w.equals(shortName))) && i + 1 < words.size()) {
        return words.get(i + 1);
      }
    }
    return null;
  }
}
