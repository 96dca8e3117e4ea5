package io.podmortem.source;

import io.podmortem.model.ParseIssue;
import java.util.ArrayList;
import java.util.List;

/** Collects parse issues up to a bound, and counts the rest, so hostile input cannot fill memory. */
public final class ParseIssues {
  private final int max;
  private final List<ParseIssue> issues = new ArrayList<>();
  private int dropped;

  private ParseIssues(int max) {
    this.max = max;
  }

  public static ParseIssues bounded(int max) {
    return new ParseIssues(max);
  }

  /** Records an issue at a line of the block; the message should quote the offending text. */
  public void add(TextBlock text, int index, int column, String message) {
    add(new ParseIssue(text.entry(), text.lineNo(index), column, message));
  }

  public void add(ParseIssue issue) {
    if (issues.size() < max) {
      issues.add(issue);
    } else {
      dropped++;
    }
  }

  public List<ParseIssue> list() {
    if (dropped == 0) {
      return List.copyOf(issues);
    }
    List<ParseIssue> out = new ArrayList<>(issues);
    ParseIssue last = issues.get(issues.size() - 1);
    out.add(new ParseIssue(last.entry(), 0, 0, dropped + " more issues not shown"));
    return List.copyOf(out);
  }

  public boolean isEmpty() {
    return issues.isEmpty();
  }

  /** Quotes text for a message, cut to a readable length. */
  public static String quote(String s) {
    String t = s.length() > 80 ? s.substring(0, 77) + "..." : s;
    return "'" + t + "'";
  }
}
