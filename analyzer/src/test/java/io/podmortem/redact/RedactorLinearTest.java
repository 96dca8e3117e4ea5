package io.podmortem.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every redaction pattern runs in linear time on any input. Time is not measured: the matcher reads the text
 * through a CharSequence that counts each character it is asked for, and on crafted runs (the characters each
 * pattern repeats, around the words that let it start) the count must stay within a fixed budget a character,
 * and grow no faster than the text.
 */
class RedactorLinearTest {
  /** Characters read a character of input, at most: a linear matcher reads each a few times per pattern. */
  private static final int BUDGET = 64;

  /** Pieces whose repetition makes a backtracking pattern restart, or rescan, at every character. */
  private static final List<String> UNITS = List.of("a", "a.", "-a", "a-", "A1", "0", " ", "=", ":", "a:", "://",
      "a://", "x:y", "@", "\"", "'", "/", "a/", "+", "_", "password", "--password", "password=", "password:",
      "PASSWORD_", "-----BEGIN ", "-----BEGIN A", "PRIVATE KEY-----", "eyJ", "eyJaaaaa.", "bearer ",
      "authorization", "authorization:", "aws", "aws secret", "secret", "AKIA", "ghp_", "xoxb-", "glpat-",
      "mysql ", "mysql -p", "redis-cli ", "-u ", "-u a", "sshpass ", "htpasswd -b a ", "aws configure set ",
      "Ab1+", "Ab1/", "Ab1=", "'a b", "\"a b", "pin", "-pin");

  private static final class Counting implements CharSequence {
    private final String s;
    long reads;

    Counting(String s) {
      this.s = s;
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public char charAt(int index) {
      reads++;
      return s.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      reads += end - start;
      return s.subSequence(start, end);
    }

    @Override
    public String toString() {
      return s;
    }
  }

  private static long reads(Pattern p, String text) {
    Counting c = new Counting(text);
    Matcher m = p.matcher(c);
    while (m.find()) {
      // every match, as the redactor finds them
    }
    return c.reads;
  }

  private static String run(String unit, int length) {
    StringBuilder b = new StringBuilder(length + 64);
    while (b.length() < length) {
      b.append(unit);
    }
    return b.toString();
  }

  @Test
  void everyPattern_onEveryCraftedRun_readsEachCharacterABoundedNumberOfTimes() {
    List<String> over = new ArrayList<>();
    for (Pattern p : Redactor.patterns()) {
      for (String unit : UNITS) {
        for (String frame : List.of("%s", "x %s", "%s://", "--password %s", "%s END")) {
          String small = frame.replace("%s", run(unit, 4_000));
          String large = frame.replace("%s", run(unit, 16_000));
          long a = reads(p, small);
          long b = reads(p, large);
          if (b > (long) BUDGET * large.length() || b > 6 * Math.max(a, small.length())) {
            over.add(p.pattern().substring(0, Math.min(60, p.pattern().length())) + " on '" + frame + "' of '"
                + unit + "': " + a + " reads for " + small.length() + " chars, " + b + " for " + large.length());
          }
        }
      }
    }
    assertThat(over).isEmpty();
  }
}
