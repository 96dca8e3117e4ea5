package io.podmortem.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads an archive on two threads: one inflates it, walks the tar headers and hashes each entry; the calling thread
 * parses. Inflating a gzip stream is one core's work, so parsing beside it rather than after it is what brings the
 * analysis close to the speed of {@code gzip -dc}. Entries pass through a fixed pool of buffers, so the thread that
 * runs ahead holds at most {@link #BUFFERS} of them.
 */
final class Pipeline {
  static final int BUFFER_BYTES = 1 << 17;
  static final int BUFFERS = 32;

  /** The reading that runs on the second thread, giving each entry to the handler it is passed. */
  @FunctionalInterface
  interface Producer {
    void run(EntryHandler forward) throws IOException;
  }

  private enum Kind { HEADER, DATA, END, DONE, FAILED }

  private record Msg(Kind kind, BundleEntry entry, byte[] buf, int len, Throwable error) {}

  private final BlockingQueue<Msg> queue = new ArrayBlockingQueue<>(BUFFERS + 8);
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
  private volatile boolean cancelled;

  private Pipeline() {
    for (int i = 0; i < BUFFERS; i++) {
      free.add(new byte[BUFFER_BYTES]);
    }
  }

  /** Runs the producer on a second thread and hands each entry to the handler on this one. */
  static void run(Producer producer, EntryHandler handler) throws IOException {
    new Pipeline().drive(producer, handler);
  }

  private void drive(Producer producer, EntryHandler handler) throws IOException {
    Thread t = new Thread(() -> {
      try {
        producer.run(this::forward);
        put(new Msg(Kind.DONE, null, null, 0, null));
      } catch (Throwable e) {
        if (!cancelled) {
          try {
            put(new Msg(Kind.FAILED, null, null, 0, e));
          } catch (InterruptedIOException ignored) {
            // The consumer is gone.
          }
        }
      }
    }, "podmortem-inflate");
    t.setDaemon(true);
    t.start();
    try {
      while (true) {
        Msg m = take();
        switch (m.kind()) {
          case HEADER -> {
            EntryStream in = new EntryStream();
            handler.entry(m.entry(), in);
            in.drain();
          }
          case DONE -> {
            return;
          }
          case FAILED -> rethrow(m.error());
          default -> recycle(m);
        }
      }
    } finally {
      cancelled = true;
      t.interrupt();
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** On the producer's thread: copies an entry into buffers from the pool and queues them. */
  private void forward(BundleEntry entry, InputStream content) throws IOException {
    put(new Msg(Kind.HEADER, entry, null, 0, null));
    try {
      while (true) {
        byte[] buf;
        try {
          buf = free.take();
        } catch (InterruptedException e) {
          throw new InterruptedIOException("cancelled");
        }
        int n = 0;
        try {
          for (int r; n < buf.length && (r = content.read(buf, n, buf.length - n)) > 0; ) {
            n += r;
          }
        } catch (IOException | RuntimeException e) {
          if (n > 0) {
            put(new Msg(Kind.DATA, null, buf, n, null));
          } else {
            free.add(buf);
          }
          throw e;
        }
        if (n <= 0) {
          free.add(buf);
          break;
        }
        put(new Msg(Kind.DATA, null, buf, n, null));
      }
    } finally {
      // A damaged entry ends where the damage starts: the parser keeps what came before it, and the reader's
      // warning names the entry.
      if (!cancelled) {
        put(new Msg(Kind.END, null, null, 0, null));
      }
    }
  }

  private void put(Msg m) throws InterruptedIOException {
    try {
      while (!queue.offer(m, 100, TimeUnit.MILLISECONDS)) {
        if (cancelled) {
          throw new InterruptedIOException("cancelled");
        }
      }
    } catch (InterruptedException e) {
      throw new InterruptedIOException("cancelled");
    }
  }

  private Msg take() throws InterruptedIOException {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }

  private void recycle(Msg m) {
    if (m.buf() != null) {
      free.add(m.buf());
    }
  }

  private static void rethrow(Throwable e) throws IOException {
    if (e instanceof IOException io) {
      throw io;
    }
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error err) {
      throw err;
    }
    throw new IOException(e);
  }

  /** One entry's bytes, as the buffers arrive. */
  private final class EntryStream extends InputStream {
    private Msg current;
    private int pos;
    private boolean ended;

    private boolean fill() throws IOException {
      while (!ended && (current == null || pos >= current.len())) {
        if (current != null) {
          recycle(current);
          current = null;
        }
        Msg m = take();
        switch (m.kind()) {
          case DATA -> {
            current = m;
            pos = 0;
          }
          case END -> ended = true;
          case FAILED -> {
            ended = true;
            rethrow(m.error());
          }
          default -> throw new IllegalStateException("unexpected " + m.kind() + " inside an entry");
        }
      }
      return !ended;
    }

    @Override
    public int read() throws IOException {
      return fill() ? current.buf()[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, current.len() - pos);
      System.arraycopy(current.buf(), pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public int available() {
      return current == null ? 0 : current.len() - pos;
    }

    void drain() throws IOException {
      while (fill()) {
        pos = current.len();
      }
      if (current != null) {
        recycle(current);
        current = null;
      }
    }
  }
}
