package io.podmortem.source.listing;

import java.util.List;

/**
 * The merged view of a stack of layers, the way overlayfs shows it: every path of every layer, less those a higher
 * layer deletes. A whiteout deletes its path and everything below it; an opaque folder hides what the layers below
 * hold in it; a path that a higher layer lists again is back.
 */
final class MergedView {
  private final LongHashSet visible;

  private MergedView(LongHashSet visible) {
    this.visible = visible;
  }

  /** The view of the layers, given lowest first. */
  static MergedView of(List<LayerIndex> lowestFirst) {
    int n = 0;
    for (LayerIndex l : lowestFirst) {
      n += l.size;
    }
    LongHashSet visible = new LongHashSet(n);
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
        for (int q = 0; q < layer.size; q++) {
          visible.add(layer.hash[q]);
        }
      } else {
        addUncovered(layer, whiteouts, opaques, visible);
      }
    }
    return new MergedView(visible);
  }

  /** Adds the layer's entries that no whiteout or opaque folder above covers; a parent comes before its children. */
  private static void addUncovered(LayerIndex layer, LongHashSet whiteouts, LongHashSet opaques, LongHashSet out) {
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
      if (!c) {
        out.add(layer.hash[q]);
      }
    }
  }

  boolean contains(long hash) {
    return visible.contains(hash);
  }

  int size() {
    return visible.size();
  }

  long bytes() {
    return visible.bytes();
  }
}
