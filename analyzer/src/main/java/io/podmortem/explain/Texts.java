package io.podmortem.explain;

import java.util.List;

/** Helpers for quoting bundle text inside finding messages. */
public final class Texts {
  private Texts() {}

  /** The text cut to {@code max} characters with an ellipsis. */
  public static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /**
   * The first word where two space-separated texts differ, as {@code [a, b]}; a word cut short by an ellipsis
   * counts as equal to any word it is a prefix of.
   */
  public static List<String> firstDifference(String a, String b) {
    String[] wa = a.split(" ");
    String[] wb = b.split(" ");
    for (int i = 0; i < Math.min(wa.length, wb.length); i++) {
      String x = wa[i];
      String y = wb[i];
      boolean cut = x.endsWith("…") && y.startsWith(x.substring(0, x.length() - 1))
          || y.endsWith("…") && x.startsWith(y.substring(0, y.length() - 1));
      if (!x.equals(y) && !cut) {
        return List.of(x, y);
      }
    }
    return List.of(abbreviate(a, 60), abbreviate(b, 60));
  }
}
