package io.podmortem.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Decodes an entry as UTF-8 lines: bad bytes become U+FFFD, over-long lines are cut, and both are counted. */
public final class TextDecoder {
  private final int maxLineChars;
  private int cutLines;

  public TextDecoder(int maxLineChars) {
    this.maxLineChars = maxLineChars;
  }

  public List<String> lines(InputStream in) throws IOException {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    boolean cut = false;
    int c;
    while ((c = r.read()) >= 0) {
      if (c == '\n') {
        out.add(finish(line));
        line.setLength(0);
        cut = false;
      } else if (line.length() < maxLineChars) {
        line.append((char) c);
      } else if (!cut) {
        cut = true;
        cutLines++;
      }
    }
    if (line.length() > 0) {
      out.add(finish(line));
    }
    return out;
  }

  private static String finish(StringBuilder line) {
    int n = line.length();
    if (n > 0 && line.charAt(n - 1) == '\r') {
      line.setLength(n - 1);
    }
    return line.toString();
  }

  /** How many lines were longer than the limit and cut. */
  public int cutLines() {
    return cutLines;
  }
}
