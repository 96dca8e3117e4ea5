package io.podmortem.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes an entry as UTF-8 lines: bad bytes become U+FFFD, over-long lines are cut, and both are counted. Lines are
 * split on the bytes and each is decoded once; of an over-long line only the bytes that can reach the cut are kept.
 */
public final class TextDecoder {
  private final int maxLineChars;
  /** A UTF-8 character takes at most 4 bytes, and a bad byte becomes one character: past this, a line is cut. */
  private final int maxLineBytes;
  private int cutLines;

  private byte[] line = new byte[256];
  private int length;
  private boolean over;

  public TextDecoder(int maxLineChars) {
    this.maxLineChars = maxLineChars;
    this.maxLineBytes = (int) Math.min(Integer.MAX_VALUE - 16, 4L * maxLineChars);
  }

  public List<String> lines(InputStream in) throws IOException {
    List<String> out = new ArrayList<>();
    byte[] buf = new byte[1 << 16];
    int n;
    while ((n = in.read(buf)) >= 0) {
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          append(buf, start, i);
          out.add(finish());
          start = i + 1;
        }
      }
      append(buf, start, n);
    }
    if (length > 0 || over) {
      out.add(finish());
    }
    return out;
  }

  private void append(byte[] b, int from, int to) {
    int n = Math.min(to - from, maxLineBytes - length);
    if (n < to - from) {
      over = true;
    }
    if (n <= 0) {
      return;
    }
    if (length + n > line.length) {
      line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(length + n, 2L * line.length)));
    }
    System.arraycopy(b, from, line, length, n);
    length += n;
  }

  private String finish() {
    String s = new String(line, 0, length, StandardCharsets.UTF_8);
    if (over || s.length() > maxLineChars) {
      cutLines++;
      s = s.substring(0, Math.min(s.length(), maxLineChars));
    }
    length = 0;
    over = false;
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  /** How many lines were longer than the limit and cut. */
  public int cutLines() {
    return cutLines;
  }
}
