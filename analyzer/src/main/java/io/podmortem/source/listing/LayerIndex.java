package io.podmortem.source.listing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the merge needs of one listing, without a String or an object per entry: each path's hash and its parent's
 * position, in listing order, and the paths its whiteouts and opaque folders delete from the layers below. About 12
 * bytes an entry.
 */
final class LayerIndex {
  /** A top-level entry's parent. */
  static final int TOP = -1;
  /** An entry whose parent the listing did not show before it: its ancestors are in {@link #orphans}. */
  static final int ORPHAN = -2;

  final String entry;
  final int size;
  final long[] hash;
  final int[] parent;
  final Map<Integer, long[]> orphans;
  /** Paths whited out: each deletes itself and everything below it in lower layers. */
  final LongHashSet whiteouts;
  /** Opaque folders: each hides what lower layers hold below it. */
  final LongHashSet opaques;
  /** A {@code .wh..wh..opq} at the top: the layer hides every lower layer. */
  final boolean rootOpaque;
  /** How many entries the directory held, where the collector cut the listing; else null. */
  final Integer total;
  /** True when the listing held more than the index could keep: its entries are incomplete. */
  final boolean overflow;

  private LayerIndex(Builder b, Integer total) {
    this.entry = b.entry;
    this.size = b.size;
    this.hash = Arrays.copyOf(b.hash, b.size);
    this.parent = Arrays.copyOf(b.parent, b.size);
    this.orphans = b.orphans;
    this.whiteouts = b.whiteouts;
    this.opaques = b.opaques;
    this.rootOpaque = b.rootOpaque;
    this.total = total;
    this.overflow = b.overflow;
  }

  /**
   * Positions by hash, built once the layer has been asked for more than {@link #SCANS} different paths; slot value
   * is position + 1, 0 when empty. Before that, each new path is found by a scan of the hashes and remembered: an
   * upper dir deletes few paths, mostly the same few in every container of an image, and a scan reads the array in
   * order where a table of a million entries is built by as many cache misses.
   */
  private int[] positions;
  private static final int SCANS = 16;
  private final long[] scanned = new long[SCANS];
  private final int[] scannedAt = new int[SCANS];
  private int scans;

  /** The position of the path with this hash, or -1. */
  int find(long h) {
    if (positions == null) {
      for (int i = 0; i < scans; i++) {
        if (scanned[i] == h) {
          return scannedAt[i];
        }
      }
      if (scans < SCANS) {
        int at = -1;
        for (int q = 0; q < size; q++) {
          if (hash[q] == h) {
            at = q;
            break;
          }
        }
        scanned[scans] = h;
        scannedAt[scans++] = at;
        return at;
      }
      int cap = Integer.highestOneBit(Math.max(16, size) * 2 - 1) << 1;
      positions = new int[cap];
      for (int q = 0; q < size; q++) {
        int i = slot(hash[q], cap);
        while (positions[i] != 0) {
          i = (i + 1) & (cap - 1);
        }
        positions[i] = q + 1;
      }
    }
    int cap = positions.length;
    for (int i = slot(h, cap); positions[i] != 0; i = (i + 1) & (cap - 1)) {
      if (hash[positions[i] - 1] == h) {
        return positions[i] - 1;
      }
    }
    return -1;
  }

  private static int slot(long h, int cap) {
    return (int) (h ^ (h >>> 32)) & (cap - 1);
  }

  /**
   * Calls {@code out} with the hash of every entry below the one at {@code pos} (and of that entry too, with
   * {@code self}). find lists a folder's entries right after it, so they are the run of entries whose parent is in
   * the run.
   */
  void subtree(int pos, boolean self, java.util.function.LongConsumer out) {
    if (self) {
      out.accept(hash[pos]);
    }
    for (int q = pos + 1; q < size; q++) {
      int p = parent[q];
      if (p >= pos || p == ORPHAN && holds(orphans.get(q), hash[pos])) {
        out.accept(hash[q]);
      } else {
        break;
      }
    }
  }

  private static boolean holds(long[] values, long v) {
    for (long x : values) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  /** True when the index does not hold the whole directory: the collector cut it, or it was too large to keep. */
  boolean truncated() {
    return total != null || overflow;
  }

  boolean deletes() {
    return rootOpaque || !whiteouts.isEmpty() || !opaques.isEmpty();
  }

  /** Bytes held, for the memory budget. */
  long bytes() {
    return 12L * size + whiteouts.bytes() + opaques.bytes() + 64L * orphans.size() + 64;
  }

  /** Builds an index as the listing streams past. */
  static final class Builder implements ListingReader.Sink {
    private final String entry;
    private int size;
    private long[] hash = new long[1024];
    private int[] parent = new int[1024];
    private final Map<Integer, long[]> orphans = new HashMap<>();
    private final LongHashSet whiteouts = new LongHashSet(4);
    private final LongHashSet opaques = new LongHashSet(4);
    private boolean rootOpaque;
    /** The most entries, and ancestor hashes of orphans, to keep: past them the index stops growing. */
    private final int maxEntries;
    private long orphanAncestors;
    private boolean overflow;
    /** The last entry seen at each depth: find lists a folder before what it holds. */
    private long[] lastHash = new long[64];
    private int[] lastIndex = new int[64];

    Builder(String entry) {
      this(entry, Integer.MAX_VALUE - 16);
    }

    /** A builder that keeps at most {@code maxEntries}: a hostile listing must not fill the heap. */
    Builder(String entry, int maxEntries) {
      this.entry = entry;
      this.maxEntries = maxEntries;
    }

    @Override
    public void line(ListingLine l) {
      if (l.opaque) {
        if (l.depth == 1) {
          rootOpaque = true;
        } else {
          opaques.add(l.parentHash);
        }
        return;
      }
      if (l.whiteout) {
        whiteouts.add(l.deleted);
        return;
      }
      if (overflow || size >= maxEntries) {
        overflow = true;
        return;
      }
      if (size == hash.length) {
        hash = Arrays.copyOf(hash, (int) Math.min(maxEntries, size + (long) (size >> 1)));
        parent = Arrays.copyOf(parent, hash.length);
      }
      int d = l.depth;
      int p;
      if (d == 1) {
        p = TOP;
      } else if (d - 1 < lastHash.length && lastHash[d - 1] == l.parentHash) {
        p = lastIndex[d - 1];
      } else {
        p = ORPHAN;
        // Real listings have no orphans (find lists a folder first); a made-up one must not fill the heap with them.
        orphanAncestors += d;
        if (orphanAncestors > maxEntries) {
          overflow = true;
          return;
        }
        orphans.put(size, l.ancestors());
      }
      hash[size] = l.hash;
      parent[size] = p;
      if (d >= lastHash.length) {
        lastHash = Arrays.copyOf(lastHash, Math.max(d + 1, lastHash.length * 2));
        lastIndex = Arrays.copyOf(lastIndex, lastHash.length);
      }
      lastHash[d] = l.hash;
      lastIndex[d] = size;
      size++;
    }

    LayerIndex build(Integer total) {
      return new LayerIndex(this, total);
    }
  }
}
