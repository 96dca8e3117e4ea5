package io.podmortem.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it, so the reader can enforce the bundle's total. */
final class CountingInputStream extends FilterInputStream {
  private long count;

  CountingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count += n;
    }
    return n;
  }

  @Override
  public void close() {
    // The archive stream belongs to the reader.
  }

  /** Reads what the handler left, so the next entry starts in the right place and is counted. */
  void skipRest() throws IOException {
    byte[] buf = new byte[1 << 14];
    while (read(buf, 0, buf.length) >= 0) {
      // Draining.
    }
  }

  long count() {
    return count;
  }
}
