package io.podmortem.source.listing;

/**
 * Sorting and searching path hashes in unsigned order. A merged view of a chain of layers is the sorted set of its
 * paths' hashes: built by sorting the layers' hash lists joined, it touches memory in order, where adding each hash
 * to a hash set costs a cache miss per entry (most of the merge's time on a large node).
 */
final class SortedHashes {
  /** The radix passes take enough top bytes to leave runs of about this many values. */
  private static final int RUN = 16;

  private SortedHashes() {}

  /**
   * Sorts {@code a[0, n)} and drops repeats; returns the count left. {@code tmp} must hold {@code n}. The hashes are
   * well mixed, so sorting by the top bytes (LSD radix, a byte a pass) leaves short runs for a comparison sort.
   */
  static int sortUnique(long[] a, int n, long[] tmp) {
    int bytes = 1;
    while (bytes < 8 && (long) n >>> (8 * bytes) > RUN) {
      bytes++;
    }
    long[] src = a;
    long[] dst = tmp;
    int[] count = new int[256];
    for (int shift = 64 - 8 * bytes; shift < 64; shift += 8) {
      java.util.Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) (src[i] >>> shift) & 0xff]++;
      }
      int sum = 0;
      for (int b = 0; b < 256; b++) {
        int c = count[b];
        count[b] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        long v = src[i];
        dst[count[(int) (v >>> shift) & 0xff]++] = v;
      }
      long[] t = src;
      src = dst;
      dst = t;
    }
    if (src != a) {
      System.arraycopy(src, 0, a, 0, n);
    }
    // Finish each run of equal top bytes. Within a run the sign bit is the same, so signed order is unsigned order;
    // a hostile listing can make runs long, which Arrays.sort takes in its stride.
    int shift = 64 - 8 * bytes;
    for (int i = 0; i < n; ) {
      int j = i + 1;
      while (j < n && a[j] >>> shift == a[i] >>> shift) {
        j++;
      }
      if (j - i > 1) {
        java.util.Arrays.sort(a, i, j);
      }
      i = j;
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (k == 0 || a[i] != a[k - 1]) {
        a[k++] = a[i];
      }
    }
    return k;
  }

  /** True when {@code v} is in {@code a[0, n)}, sorted unsigned. */
  static boolean contains(long[] a, int n, long v) {
    int lo = 0;
    int hi = n - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Long.compareUnsigned(a[mid], v);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }
}
