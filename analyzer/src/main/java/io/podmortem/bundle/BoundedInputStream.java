package io.podmortem.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most a number of bytes from a stream and remembers whether more were there. */
final class BoundedInputStream extends FilterInputStream {
  private long left;
  private boolean cut;

  BoundedInputStream(InputStream in, long max) {
    super(in);
    this.left = max;
  }

  @Override
  public int read() throws IOException {
    if (left <= 0) {
      cut |= super.read() >= 0;
      return -1;
    }
    int b = super.read();
    if (b >= 0) {
      left--;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (left <= 0) {
      cut |= super.read() >= 0;
      return -1;
    }
    int n = super.read(b, off, (int) Math.min(len, left));
    if (n > 0) {
      left -= n;
    }
    return n;
  }

  @Override
  public void close() {
    // The archive stream belongs to the reader.
  }

  boolean wasCut() {
    return cut;
  }
}
