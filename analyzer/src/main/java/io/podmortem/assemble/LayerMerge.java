package io.podmortem.assemble;

import io.podmortem.source.Listing;
import io.podmortem.source.ListingEntry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rebuilds the merged view of a container's root filesystem from its layer listings, the way overlayfs shows it:
 * lower layers from the bottom up, then the upper dir; a whiteout deletes a path and everything below it, and an
 * opaque directory hides what the layers below hold in it.
 */
final class LayerMerge {
  private LayerMerge() {}

  /** The number of entries in the merged view; the layers are given lowest first, the upper dir last. */
  static int entries(List<Listing> lowestFirst) {
    return paths(lowestFirst).size();
  }

  /** The paths of the merged view. */
  static Set<String> paths(List<Listing> lowestFirst) {
    Set<String> paths = new HashSet<>();
    for (Listing layer : lowestFirst) {
      for (ListingEntry e : layer.entries()) {
        if (e.isOpaqueMarker()) {
          String dir = e.path().length() > e.name().length()
              ? e.path().substring(0, e.path().length() - e.name().length() - 1) : "";
          paths.removeIf(p -> p.startsWith(dir + "/"));
        } else if (e.isWhiteout()) {
          String gone = e.whitedOut();
          paths.remove(gone);
          paths.removeIf(p -> p.startsWith(gone + "/"));
        } else {
          paths.add(e.path());
        }
      }
    }
    return paths;
  }
}
