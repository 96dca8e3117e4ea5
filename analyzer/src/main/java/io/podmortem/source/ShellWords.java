package io.podmortem.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line the way a POSIX shell would for simple commands: words, quotes, backslashes and pipes.
 * Expansions are not performed; {@code $X} stays as written.
 */
public final class ShellWords {
  private ShellWords() {}

  /** The stages of a pipeline, each a list of words. {@code find . | wc -l} gives {@code [[find, .], [wc, -l]]}. */
  public static List<List<String>> pipeline(String line) {
    List<List<String>> stages = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
          word.append(line.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (c == '|' || c == ';' || c == '&') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        if (!words.isEmpty()) {
          stages.add(List.copyOf(words));
          words.clear();
        }
        if (c != '|') {
          break; // Only the first command of a list is interpreted.
        }
        if (i + 1 < line.length() && line.charAt(i + 1) == '|') {
          break;
        }
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    if (!words.isEmpty()) {
      stages.add(List.copyOf(words));
    }
    return List.copyOf(stages);
  }

  /** The words of the first command of a line. */
  public static List<String> words(String line) {
    List<List<String>> p = pipeline(line);
    return p.isEmpty() ? List.of() : p.get(0);
  }
}
