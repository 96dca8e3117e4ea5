package io.podmortem.source.listing;

import java.util.List;

/**
 * The merged view of a stack of layers, the way overlayfs shows it: every path of every layer, less those a higher
 * layer deletes. A whiteout deletes its path and everything below it; an opaque folder hides what the layers below
 * hold in it; a path that a higher layer lists again is back.
 */
final class MergedView {
  /** The visible paths' hashes, sorted unsigned, without repeats, in {@code visible[0, size)}. */
  private final long[] visible;
  private final int size;

  private MergedView(long[] visible, int size) {
    this.visible = visible;
    this.size = size;
  }

  /** The view of the layers, given lowest first. */
  static MergedView of(List<LayerIndex> lowestFirst) {
    long n = 0;
    for (LayerIndex l : lowestFirst) {
      n += l.size;
    }
    long[] all = new long[(int) Math.min(n, Integer.MAX_VALUE - 16)];
    int count = 0;
    int top = lowestFirst.size() - 1;
    for (int i = 0; i <= top; i++) {
      LayerIndex layer = lowestFirst.get(i);
      LongHashSet whiteouts = new LongHashSet(4);
      LongHashSet opaques = new LongHashSet(4);
      boolean hidden = false;
      for (int j = i + 1; j <= top; j++) {
        LayerIndex above = lowestFirst.get(j);
        hidden |= above.rootOpaque;
        whiteouts.addAll(above.whiteouts);
        opaques.addAll(above.opaques);
      }
      if (hidden) {
        continue;
      }
      if (whiteouts.isEmpty() && opaques.isEmpty()) {
        System.arraycopy(layer.hash, 0, all, count, layer.size);
        count += layer.size;
      } else {
        boolean[] covered = covered(layer, whiteouts, opaques);
        for (int q = 0; q < layer.size; q++) {
          if (!covered[q]) {
            all[count++] = layer.hash[q];
          }
        }
      }
    }
    int unique = SortedHashes.sortUnique(all, count, new long[count]);
    return new MergedView(all, unique);
  }

  /** Which entries of the layer the whiteouts and opaque folders cover; a parent comes before its children. */
  private static boolean[] covered(LayerIndex layer, LongHashSet whiteouts, LongHashSet opaques) {
    boolean[] covered = new boolean[layer.size];
    for (int q = 0; q < layer.size; q++) {
      int p = layer.parent[q];
      boolean c = whiteouts.contains(layer.hash[q]);
      if (!c && p >= 0) {
        c = covered[p] || opaques.contains(layer.hash[p]);
      } else if (!c && p == LayerIndex.ORPHAN) {
        for (long a : layer.orphans.get(q)) {
          c |= whiteouts.contains(a) || opaques.contains(a);
        }
      }
      covered[q] = c;
    }
    return covered;
  }

  /**
   * The size of this view with an upper dir on top, without building that view: this view's entries, plus the upper
   * dir's own that this view lacks ({@code fresh}), less the entries of this view the upper dir deletes and does not
   * hold again. {@code lowestFirst} are the layers this view was made of.
   */
  int sizeWith(LayerIndex upper, int fresh, List<LayerIndex> lowestFirst) {
    if (upper.rootOpaque) {
      return upper.size;
    }
    if (!upper.deletes()) {
      return size() + fresh;
    }
    LongHashSet again = new LongHashSet(upper.size);
    for (int q = 0; q < upper.size; q++) {
      again.add(upper.hash[q]);
    }
    LongHashSet gone = new LongHashSet(16);
    java.util.function.LongConsumer consider = h -> {
      if (contains(h) && !again.contains(h)) {
        gone.add(h);
      }
    };
    long[] whiteouts = upper.whiteouts.values();
    long[] opaques = upper.opaques.values();
    for (LayerIndex layer : lowestFirst) {
      if (!layer.orphans.isEmpty()) {
        // Not in find's order: what a folder holds is not one run after it. Walk the layer, as the view did.
        boolean[] covered = covered(layer, upper.whiteouts, upper.opaques);
        for (int q = 0; q < layer.size; q++) {
          if (covered[q]) {
            consider.accept(layer.hash[q]);
          }
        }
        continue;
      }
      // Look the deleted folders up, rather than walk every entry of every layer for each container.
      for (long w : whiteouts) {
        int pos = layer.find(w);
        if (pos >= 0) {
          layer.subtree(pos, true, consider);
        }
      }
      for (long o : opaques) {
        int pos = layer.find(o);
        if (pos >= 0) {
          layer.subtree(pos, false, consider);
        }
      }
    }
    return size() - gone.size() + fresh;
  }

  boolean contains(long hash) {
    return SortedHashes.contains(visible, size, hash);
  }

  int size() {
    return size;
  }
}
