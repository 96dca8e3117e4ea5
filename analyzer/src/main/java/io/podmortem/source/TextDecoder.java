package io.podmortem.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes an entry as UTF-8 lines, one at a time as they arrive: bad bytes become U+FFFD, over-long lines are cut,
 * and both are counted. Lines are split on the bytes and each is decoded once; of an over-long line only the bytes
 * that can reach the cut are kept, so a line of any length costs at most the cut in memory.
 */
public final class TextDecoder {
  private final InputStream in;
  private final int maxLineChars;
  /** A UTF-8 character takes at most 4 bytes, and a bad byte becomes one character: past this, a line is cut. */
  private final int maxLineBytes;
  private int cutLines;
  private int lineNo;

  private final byte[] buf;
  private int pos;
  private int end;
  private boolean eof;

  private byte[] line = new byte[256];
  private int length;
  private boolean over;

  public TextDecoder(InputStream in, int maxLineChars) {
    this(in, maxLineChars, new byte[BUFFER_BYTES]);
  }

  /**
   * A decoder that reads through {@code buf}, which the caller may hand to the next entry's decoder once this one
   * is done: a sosreport holds thousands of small files, and a fresh buffer for each costs more than reading it.
   */
  TextDecoder(InputStream in, int maxLineChars, byte[] buf) {
    this.in = in;
    this.maxLineChars = maxLineChars;
    this.maxLineBytes = (int) Math.min(Integer.MAX_VALUE - 16, 4L * maxLineChars);
    this.buf = buf;
  }

  /** The read buffer's size. */
  static final int BUFFER_BYTES = 1 << 16;

  /** The next line without its end ({@code \n} or {@code \r\n}), or null at the end of the stream. */
  public String next() throws IOException {
    while (true) {
      if (pos >= end) {
        if (eof || !fill()) {
          if (length > 0 || over) {
            return finish();
          }
          return null;
        }
      }
      int nl = -1;
      for (int i = pos; i < end; i++) {
        if (buf[i] == '\n') {
          nl = i;
          break;
        }
      }
      if (nl >= 0) {
        if (length == 0 && !over && nl - pos <= maxLineBytes) {
          // The whole line is in the buffer: decode it from there, the common case.
          int start = pos;
          pos = nl + 1;
          return decode(buf, start, nl - start);
        }
        append(pos, nl);
        pos = nl + 1;
        return finish();
      }
      append(pos, end);
      pos = end;
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(buf);
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    end = n;
    return true;
  }

  private void append(int from, int to) {
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
    System.arraycopy(buf, from, line, length, n);
    length += n;
  }

  private String finish() {
    int before = cutLines;
    String s = decode(line, 0, length);
    if (over && cutLines == before) {
      cutLines++;
    }
    length = 0;
    over = false;
    if (line.length > 1 << 16) {
      // One long line must not keep its buffer for the rest of the entry.
      line = new byte[256];
    }
    return s;
  }

  /** One line's bytes as text, without a trailing {@code \r}, cut to the limit. */
  private String decode(byte[] b, int from, int n) {
    lineNo++;
    int len = n > 0 && b[from + n - 1] == '\r' ? n - 1 : n;
    String s = new String(b, from, len, StandardCharsets.UTF_8);
    if (s.length() > maxLineChars) {
      cutLines++;
      s = s.substring(0, maxLineChars);
    }
    return s;
  }

  /** The 1-based number of the line {@link #next} returned last. */
  public int lineNo() {
    return lineNo;
  }

  /** How many lines were longer than the limit and cut. */
  public int cutLines() {
    return cutLines;
  }
}
