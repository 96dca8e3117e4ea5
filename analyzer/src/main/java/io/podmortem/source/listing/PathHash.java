package io.podmortem.source.listing;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash of a listing path (relative, {@code /}-separated), built byte by byte so that the hash of every
 * ancestor falls out of one pass: the state just before a {@code /} is the parent's state. FNV-1a mixes the bytes;
 * a final avalanche spreads them. Never 0, which {@link LongHashSet} reserves.
 */
final class PathHash {
  static final long START = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  /** The hash of the listed directory itself, the parent of every top-level entry. */
  static final long ROOT = finish(START);

  private PathHash() {}

  static long step(long state, int b) {
    return (state ^ (b & 0xff)) * PRIME;
  }

  static long finish(long state) {
    long h = state;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }

  static long state(byte[] b, int from, int to, long start) {
    long s = start;
    for (int i = from; i < to; i++) {
      s = step(s, b[i]);
    }
    return s;
  }

  /** The hash of a path as text. */
  static long of(String path) {
    byte[] b = path.getBytes(StandardCharsets.UTF_8);
    return finish(state(b, 0, b.length, START));
  }
}
