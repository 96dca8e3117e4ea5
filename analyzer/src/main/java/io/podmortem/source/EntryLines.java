package io.podmortem.source;

import io.podmortem.bundle.Limits;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry's lines as they stream: a head sample read first, for the recognizers, then the rest, consumed once in
 * the way the chosen format needs it: held up to {@link Limits#MAX_HELD_CHARS}, counted without being held, or read
 * as characters by a JSON parser.
 */
final class EntryLines {
  private final String entry;
  private final TextDecoder decoder;
  private final List<String> head = new ArrayList<>();
  private IOException failure;

  /** Reads the head: the lines up to the first that is not blank, and {@code headLines} more after it. */
  EntryLines(String entry, TextDecoder decoder, int headLines) throws IOException {
    this.entry = entry;
    this.decoder = decoder;
    int first = -1;
    long chars = 0;
    for (String l; (first < 0 || head.size() <= first + headLines) && chars < Limits.MAX_HELD_CHARS
        && (l = decoder.next()) != null; ) {
      head.add(l);
      chars += l.length() + Limits.HELD_LINE_COST;
      if (first < 0 && !l.isBlank()) {
        first = head.size() - 1;
      }
    }
  }

  /** The head sample, numbered from line 1. */
  TextBlock head(String command) {
    return new TextBlock(entry, 1, head, command);
  }

  /** The head lines. */
  List<String> headLines() {
    return head;
  }

  /** The next line after the head, or null at the end. */
  String next() throws IOException {
    return decoder.next();
  }

  /** The 1-based number of the line {@link #next} returned last. */
  int lineNo() {
    return decoder.lineNo();
  }

  /** What holding the lines gave: the block, and how many lines past the bound were counted, not kept. */
  record Held(TextBlock block, int lines, int leftOut) {}

  /** The whole entry as a block, up to {@link Limits#MAX_HELD_CHARS}; the lines past it are counted. */
  Held hold(String command) throws IOException {
    List<String> lines = new ArrayList<>(head);
    long chars = 0;
    for (String l : lines) {
      chars += l.length() + Limits.HELD_LINE_COST;
    }
    int leftOut = 0;
    for (String l; (l = next()) != null; ) {
      chars += l.length() + Limits.HELD_LINE_COST;
      if (chars <= Limits.MAX_HELD_CHARS) {
        lines.add(l);
      } else {
        leftOut++;
      }
    }
    return new Held(new TextBlock(entry, 1, lines, command), lines.size() + leftOut, leftOut);
  }

  /** Reads the rest without keeping it; returns how many lines the entry holds in all. */
  int count() throws IOException {
    while (next() != null) {
      // counted by the decoder
    }
    return Math.max(decoder.lineNo(), head.size());
  }

  /**
   * The entry's text, head and rest, lines joined by {@code \n}, for a parser that reads characters. A read that
   * fails (a damaged archive) is kept for {@link #rethrow}, so that the parser's error does not hide it.
   */
  Reader reader() {
    return new Reader() {
      private int index;
      private String current = "";
      private int pos;
      private boolean newline;
      private boolean done;

      private boolean advance() throws IOException {
        if (done) {
          return false;
        }
        String l;
        try {
          l = index < head.size() ? head.get(index) : next();
        } catch (IOException e) {
          failure = e;
          throw e;
        }
        if (l == null) {
          done = true;
          return false;
        }
        newline = index > 0;
        index++;
        current = l;
        pos = 0;
        return true;
      }

      @Override
      public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        while (!newline && pos >= current.length()) {
          if (!advance()) {
            return -1;
          }
        }
        if (newline) {
          newline = false;
          cbuf[off] = '\n';
          return 1;
        }
        int n = Math.min(len, current.length() - pos);
        current.getChars(pos, pos + n, cbuf, off);
        pos += n;
        return n;
      }

      @Override
      public void close() {
        // The entry's stream belongs to the bundle reader.
      }
    };
  }

  /** Throws the read failure a parser met through {@link #reader}, if any. */
  void rethrow() throws IOException {
    if (failure != null) {
      throw failure;
    }
  }
}
