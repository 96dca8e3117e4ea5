package io.podmortem.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Tells a listener how many bytes have gone through, for a progress bar. */
final class ProgressInputStream extends FilterInputStream {
  private final LongConsumer listener;

  ProgressInputStream(InputStream in, LongConsumer listener) {
    super(in);
    this.listener = listener;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      listener.accept(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      listener.accept(n);
    }
    return n;
  }
}
