package io.podmortem.source.listing;

import io.podmortem.model.ParseIssue;
import io.podmortem.source.ParseIssues;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Streams a listing from {@code find DIR -mindepth 1 -printf '%y %m %U %G %s %T@\t%P\t%l\n'} (collector/FORMAT.md)
 * line by line, straight from the bytes: no line becomes a String unless it is bad and must be quoted. A layer of
 * millions of entries passes through a 64 KB buffer.
 *
 * <pre>
 * f 644 0 0 6 1795470780.4381234560	etc/os-release.bak
 * l 777 0 0 7 1795470780.0000000000	bin/sh	busybox
 * c 0 0 0 0 1795470780.0000000000	bin/nc
 * #truncated 200000 of 512345
 * </pre>
 */
public final class ListingReader {
  private static final byte[] TRUNCATED = "#truncated ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OPAQUE = ".wh..wh..opq".getBytes(StandardCharsets.US_ASCII);
  private static final String EXPECTED = "expected '<type> <mode> <uid> <gid> <size> <mtime>\\t<path>\\t<target>', got ";

  /** Receives each good line. */
  interface Sink {
    void line(ListingLine l);
  }

  /**
   * How the reading went.
   *
   * @param total how many entries the directory held, where the collector cut the listing; else null
   * @param cutLines lines longer than the limit, skipped
   */
  record Result(int lines, Integer total, int cutLines) {}

  /** The most digits of uid, gid, size and mtime. */
  private static final int[] MAX_DIGITS = {10, 10, 18, 12};

  private final int maxLineBytes;
  private final ListingLine line = new ListingLine();
  private final long[] nums = new long[4];
  /** The previous good path, and for each of its folders the slash's offset and the hash state just before it. */
  private byte[] prev = new byte[256];
  private int prevLength;
  private int prevDepth;
  private long prevState;
  private int[] slashAt = new int[64];
  private long[] slashStates = new long[64];

  ListingReader(int maxLineBytes) {
    this.maxLineBytes = Math.max(256, maxLineBytes);
  }

  /** True when the line is one of a listing's. */
  public static boolean looksLike(String line) {
    ParseIssues issues = ParseIssues.bounded(1);
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    boolean[] seen = {false};
    new ListingReader(b.length + 1).parse(b, 0, b.length, 1, "", l -> seen[0] = true, issues);
    return seen[0];
  }

  /** Reads a listing held as text (a block of a transcript, a test's fixture) for its issues; returns its lines. */
  public static int check(io.podmortem.source.TextBlock t, ParseIssues issues) {
    int count = 0;
    ListingReader r = new ListingReader(Integer.MAX_VALUE);
    for (int i = 0; i < t.size(); i++) {
      byte[] b = t.lines().get(i).getBytes(StandardCharsets.UTF_8);
      r.parse(b, 0, b.length, t.lineNo(i), t.entry(), l -> { }, issues);
      count++;
    }
    return count;
  }

  Result read(InputStream in, String entry, Sink sink, ParseIssues issues) throws IOException {
    byte[] buf = new byte[1 << 16];
    int start = 0;
    int end = 0;
    int scan = 0;
    int lineNo = 0;
    int cut = 0;
    boolean skipping = false;
    Integer total = null;
    while (true) {
      // Whole lines in the buffer go straight through: the parse finds each line's end as it goes. Anything it does
      // not take (a line cut by the buffer's end, a bad line, a marker, a CR) is left to the careful path below.
      if (!skipping) {
        int nl;
        while (start < end && (nl = fields(buf, start, Math.min(end, start + maxLineBytes + 1), false, lineNo + 1,
            sink)) >= 0) {
          lineNo++;
          start = nl + 1;
        }
        scan = Math.max(scan, start);
      }
      int nl = indexOfNewline(buf, scan, end);
      if (nl >= 0) {
        lineNo++;
        if (!skipping && nl - start > maxLineBytes) {
          cut++;
          issues.add(new ParseIssue(entry, lineNo, 1, "a line longer than " + maxLineBytes + " bytes: skipped"));
        } else if (!skipping) {
          Integer t = parse(buf, start, nl, lineNo, entry, sink, issues);
          total = t != null ? t : total;
        }
        skipping = false;
        start = nl + 1;
        scan = start;
        continue;
      }
      if (!skipping && end - start > maxLineBytes) {
        // An over-long line: report it once and drop its bytes up to the next newline.
        cut++;
        skipping = true;
        issues.add(new ParseIssue(entry, lineNo + 1, 1, "a line longer than " + maxLineBytes + " bytes: skipped"));
      }
      if (skipping) {
        start = 0;
        end = 0;
      } else if (start > 0) {
        System.arraycopy(buf, start, buf, 0, end - start);
        end -= start;
        start = 0;
      }
      scan = end;
      if (end == buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 16, 2L * buf.length));
      }
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        if (end > start && !skipping) {
          lineNo++;
          Integer t = parse(buf, start, end, lineNo, entry, sink, issues);
          total = t != null ? t : total;
        } else if (skipping) {
          lineNo++;
        }
        return new Result(lineNo, total, cut);
      }
      end += n;
    }
  }

  /** Parses one line; returns the directory's total where the line is a {@code #truncated} marker. */
  private Integer parse(byte[] b, int s, int e, int lineNo, String entry, Sink sink, ParseIssues issues) {
    if (e > s && b[e - 1] == '\r') {
      e--;
    }
    if (e == s) {
      return null;
    }
    if (b[s] == '#' && startsWith(b, s, e, TRUNCATED)) {
      Integer total = truncated(b, s + TRUNCATED.length, e);
      if (total != null) {
        return total;
      }
    }
    if (fields(b, s, e, true, lineNo, sink) < 0) {
      return bad(b, s, e, lineNo, entry, issues);
    }
    return null;
  }

  /**
   * Parses the line at {@code s} and hands it to the sink; returns where it ends (its newline, or {@code limit} when
   * {@code limitEndsLine}). Returns -1, having handed nothing, for a line that is bad, or that reaches {@code limit}
   * with no newline when the limit does not end it; the caller then looks at it with care. Everything the fields
   * need is checked here, once, as the bytes go by.
   */
  private int fields(byte[] b, int s, int limit, boolean limitEndsLine, int lineNo, Sink sink) {
    int e = limit;
    int i = s;
    if (i + 2 >= e) {
      return -1;
    }
    char type = (char) (b[i++] & 0xff);
    if (!isType(type) || b[i++] != ' ') {
      return -1;
    }
    int mode = 0;
    int from = i;
    int c;
    while (i < e && (c = b[i] - '0') >= 0 && c <= 7 && i - from < 6) {
      mode = mode * 8 + c;
      i++;
    }
    if (i == from || i - from > 5 || i >= e || b[i++] != ' ') {
      return -1;
    }
    for (int k = 0; k < 4; k++) {
      long v = 0;
      from = i;
      int most = MAX_DIGITS[k];
      while (i < e && (c = b[i] - '0') >= 0 && c <= 9 && i - from <= most) {
        v = v * 10 + c;
        i++;
      }
      if (i == from || i - from > most) {
        return -1;
      }
      nums[k] = v;
      if (k < 3 && (i >= e || b[i++] != ' ')) {
        return -1;
      }
    }
    if (i < e && b[i] == '.') {
      from = ++i;
      while (i < e && (c = b[i] - '0') >= 0 && c <= 9) {
        i++;
      }
      if (i == from) {
        return -1;
      }
    }
    if (i >= e || b[i++] != '\t') {
      return -1;
    }
    int pathStart = i;
    // find lists a folder's entries together: most of a path is the previous one's. Resume the hash at the last
    // folder the two share, and hash only the rest.
    int same = prevLength == 0 ? 0 : Arrays.mismatch(prev, 0, prevLength, b, pathStart, e);
    if (same < 0) {
      same = prevLength;
    }
    int depth = 1;
    long state = PathHash.START;
    long slashState = PathHash.START;
    int nameStart = pathStart;
    int resume = pathStart;
    if (prevLength > 0 && same == prevLength && pathStart + same < e && b[pathStart + same] == '/') {
      // The previous entry is this one's folder.
      depth = prevDepth;
      state = prevState;
      resume = pathStart + same;
    } else {
      int d = prevDepth - 1;
      while (d >= 1 && slashAt[d] >= same) {
        d--;
      }
      if (d >= 1) {
        depth = d;
        state = slashStates[d];
        resume = pathStart + slashAt[d];
      }
    }
    i = resume;
    while (i < e) {
      byte ch = b[i];
      if (ch == '\t' || ch == '\n') {
        break;
      }
      if (ch == '/') {
        slashState = state;
        nameStart = i + 1;
        if (depth >= slashAt.length) {
          slashAt = Arrays.copyOf(slashAt, depth * 2);
          slashStates = Arrays.copyOf(slashStates, depth * 2);
        }
        slashAt[depth] = i - pathStart;
        slashStates[depth] = state;
        depth++;
      }
      state = PathHash.step(state, ch);
      i++;
    }
    int pathEnd = i;
    if (pathEnd == pathStart || i >= e || b[i] != '\t') {
      prevLength = 0;
      return -1;
    }
    // The link's target: the rest of the line, with no tab.
    int end = i + 1;
    while (end < e && b[end] != '\n') {
      if (b[end] == '\t') {
        prevLength = 0;
        return -1;
      }
      end++;
    }
    if (end == e && !limitEndsLine) {
      // The line goes on past the limit: the caller reads on, or finds it too long. Hash it afresh next time.
      prevLength = 0;
      return -1;
    }
    int length = pathEnd - pathStart;
    if (length > prev.length) {
      prev = Arrays.copyOf(prev, Math.max(length, prev.length * 2));
    }
    System.arraycopy(b, pathStart, prev, 0, length);
    prevLength = length;
    prevDepth = depth;
    prevState = state;
    ListingLine l = line;
    l.buf = b;
    l.pathStart = pathStart;
    l.pathEnd = pathEnd;
    l.nameStart = nameStart;
    l.lineNo = lineNo;
    l.type = type;
    l.mode = mode;
    l.uid = nums[0];
    l.gid = nums[1];
    l.size = nums[2];
    l.mtime = nums[3];
    l.hash = PathHash.finish(state);
    l.parentHash = depth > 1 ? PathHash.finish(slashState) : PathHash.ROOT;
    l.depth = depth;
    l.opaque = pathEnd - nameStart == OPAQUE.length && startsWith(b, nameStart, pathEnd, OPAQUE);
    l.whiteout = false;
    l.deleted = 0;
    if (!l.opaque && l.isWhName()) {
      long d = depth > 1 ? PathHash.step(slashState, '/') : PathHash.START;
      l.deleted = PathHash.finish(PathHash.state(b, nameStart + 4, pathEnd, d));
      l.whiteout = true;
    } else if (!l.opaque && type == 'c' && mode == 0) {
      l.deleted = l.hash;
      l.whiteout = true;
    }
    sink.line(l);
    return end;
  }

  private static boolean isType(char t) {
    return t == 'f' || t == 'd' || t == 'l' || t == 'c' || t == 'b' || t == 'p' || t == 's' || t == 'D';
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The first newline in {@code b[from, to)}, eight bytes at a time; -1 when there is none. */
  static int indexOfNewline(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(b, i) ^ 0x0a0a0a0a0a0a0a0aL;
      // A zero byte of x is a newline; the lowest set bit of t marks the first (later ones may be false alarms).
      long t = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
      if (t != 0) {
        return i + (Long.numberOfTrailingZeros(t) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static Integer truncated(byte[] b, int i, int e) {
    long kept = 0;
    int d = 0;
    while (i < e && b[i] >= '0' && b[i] <= '9' && d < 19) {
      kept = kept * 10 + (b[i++] - '0');
      d++;
    }
    byte[] of = " of ".getBytes(StandardCharsets.US_ASCII);
    if (d == 0 || !startsWith(b, i, e, of)) {
      return null;
    }
    i += of.length;
    long total = 0;
    d = 0;
    while (i < e && b[i] >= '0' && b[i] <= '9' && d < 19) {
      total = total * 10 + (b[i++] - '0');
      d++;
    }
    return d == 0 || i != e ? null : (int) Math.min(total, Integer.MAX_VALUE);
  }

  private static Integer bad(byte[] b, int s, int e, int lineNo, String entry, ParseIssues issues) {
    String text = new String(b, s, Math.min(e - s, 400), StandardCharsets.UTF_8);
    issues.add(new ParseIssue(entry, lineNo, 1, EXPECTED + ParseIssues.quote(text)));
    return null;
  }

  private static boolean startsWith(byte[] b, int s, int e, byte[] prefix) {
    if (e - s < prefix.length) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (b[s + k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }
}
