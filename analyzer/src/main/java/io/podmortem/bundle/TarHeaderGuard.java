package io.podmortem.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Watches a tar stream's 512-byte headers as they pass to the tar reader, and stops the stream at a PAX header or
 * GNU long name or link ({@code x}, {@code g}, {@code L}, {@code K}) larger than the cap: the tar reader holds
 * such a header whole in memory, so a crafted 200 MiB one would fill a small heap before any entry is read.
 * Ordinary entries pass untouched: only the header blocks are looked at, and each entry's data is counted past.
 * Where the layout is one it does not follow (an old GNU sparse entry, a size it cannot read), it stops watching
 * and lets the tar reader judge.
 */
final class TarHeaderGuard extends FilterInputStream {
  private static final int BLOCK = 512;

  private final long cap;
  private final byte[] header = new byte[BLOCK];
  private final byte[] one = new byte[1];
  private long position;
  private long nextHeader;
  private int filled;
  private boolean watching = true;

  TarHeaderGuard(InputStream in, long cap) {
    super(in);
    this.cap = cap;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      one[0] = (byte) b;
      see(one, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      see(b, off, n);
    }
    return n;
  }

  /** Skips data, but never a header block: that is read, so that it is seen. May skip fewer bytes than asked. */
  @Override
  public long skip(long n) throws IOException {
    if (!watching || n <= 0) {
      return super.skip(n);
    }
    long room = nextHeader - position;
    if (room <= 0) {
      byte[] buf = new byte[(int) Math.min(n, BLOCK - filled)];
      int r = read(buf, 0, buf.length);
      return Math.max(r, 0);
    }
    long skipped = super.skip(Math.min(n, room));
    position += Math.max(skipped, 0);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void see(byte[] b, int off, int len) throws IOException {
    int i = 0;
    while (watching && i < len) {
      if (position < nextHeader) {
        int step = (int) Math.min(len - i, nextHeader - position);
        position += step;
        i += step;
        continue;
      }
      int step = Math.min(len - i, BLOCK - filled);
      System.arraycopy(b, off + i, header, filled, step);
      filled += step;
      position += step;
      i += step;
      if (filled == BLOCK) {
        filled = 0;
        header();
      }
    }
  }

  /** Checks one whole header block and finds where the next one starts. */
  private void header() throws IOException {
    nextHeader = position;
    if (allZero()) {
      return; // the end-of-archive blocks
    }
    char type = (char) (header[156] & 0xff);
    long size = size();
    if (size < 0 || type == 'S') {
      watching = false;
      return;
    }
    boolean held = type == 'x' || type == 'g' || type == 'L' || type == 'K'
        || type == 'X'; // Solaris' old PAX header
    if (held && size > cap) {
      String what = type == 'L' ? "a GNU long name" : type == 'K' ? "a GNU long link name" : "a PAX header";
      throw new IOException(what + " of " + size + " bytes, past the cap of " + cap + " bytes: the tar reader would "
          + "hold it whole");
    }
    nextHeader = position + (size + BLOCK - 1) / BLOCK * BLOCK;
  }

  private boolean allZero() {
    for (byte x : header) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  /** The size field (offset 124, 12 bytes): octal, or base-256 when its first byte has the high bit; -1 if neither. */
  private long size() {
    if ((header[124] & 0x80) != 0) {
      long v = 0;
      for (int k = 125; k < 136; k++) {
        if (v >>> 55 != 0) {
          return -1;
        }
        v = (v << 8) | (header[k] & 0xff);
      }
      return v;
    }
    long v = 0;
    boolean digits = false;
    for (int k = 124; k < 136; k++) {
      int c = header[k] & 0xff;
      if (c == 0 || c == ' ') {
        if (digits) {
          break;
        }
        continue;
      }
      if (c < '0' || c > '7' || v >>> 60 != 0) {
        return -1;
      }
      v = v * 8 + (c - '0');
      digits = true;
    }
    return v;
  }
}
