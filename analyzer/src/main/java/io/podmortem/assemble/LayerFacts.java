package io.podmortem.assemble;

import io.podmortem.source.RootfsFact;
import io.podmortem.source.RootfsRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a collector's layer table into root filesystem facts: where the rootfs is, and how many entries its merged
 * view holds, as {@link io.podmortem.source.listing.RootfsListings} counted it from the layers the collector listed.
 */
final class LayerFacts {
  private LayerFacts() {}

  static List<RootfsFact> of(List<RootfsRow> rows, Map<String, Integer> mergedEntries) {
    List<RootfsFact> out = new ArrayList<>();
    for (RootfsRow r : rows) {
      String path = r.mergedDir() != null ? r.mergedDir() : r.upperDir();
      if (path != null) {
        out.add(new RootfsFact(r.id(), "path", path, r.ref()));
      }
      Integer entries = mergedEntries.get(r.id());
      if (entries != null) {
        out.add(new RootfsFact(r.id(), "entries", Integer.toString(entries), r.ref()));
      }
    }
    return out;
  }
}
