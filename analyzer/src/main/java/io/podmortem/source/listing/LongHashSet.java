package io.podmortem.source.listing;

/**
 * A set of non-zero longs, by open addressing: 8 bytes a slot and no object per element, where a
 * {@code HashSet<Long>} would take about 100 bytes. It holds a layer's whiteouts and opaque folders, and an upper
 * dir's paths while its view's size is counted.
 */
final class LongHashSet {
  private long[] slots;
  private int size;
  private int mask;

  LongHashSet(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
    slots = new long[cap];
    mask = cap - 1;
  }

  /** Adds a value; returns true when it was not there. Zero is reserved for an empty slot. */
  boolean add(long v) {
    if (v == 0) {
      throw new IllegalArgumentException("0 marks an empty slot");
    }
    int i = spread(v) & mask;
    while (true) {
      long s = slots[i];
      if (s == 0) {
        slots[i] = v;
        if (++size * 2 > slots.length) {
          grow();
        }
        return true;
      }
      if (s == v) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  boolean contains(long v) {
    int i = spread(v) & mask;
    while (true) {
      long s = slots[i];
      if (s == v) {
        return v != 0;
      }
      if (s == 0) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void addAll(LongHashSet other) {
    for (long v : other.slots) {
      if (v != 0) {
        add(v);
      }
    }
  }

  /** The values, in no order. */
  long[] values() {
    long[] out = new long[size];
    int k = 0;
    for (long v : slots) {
      if (v != 0) {
        out[k++] = v;
      }
    }
    return out;
  }

  /** Bytes held, for the memory budget. */
  long bytes() {
    return 8L * slots.length + 32;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    mask = slots.length - 1;
    size = 0;
    for (long v : old) {
      if (v != 0) {
        add(v);
      }
    }
  }

  private static int spread(long v) {
    // The values are already well mixed hashes; fold the high half in for the low bits the mask keeps.
    return (int) (v ^ (v >>> 32));
  }
}
