package io.podmortem.assemble;

import io.podmortem.model.Drift;
import io.podmortem.source.Listing;
import io.podmortem.source.RootfsFact;
import io.podmortem.source.RootfsRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a collector's layer table and listings into root filesystem facts: where the rootfs is, and how many
 * entries its merged view holds, rebuilt from the layers the collector listed once each.
 */
final class LayerFacts {
  private LayerFacts() {}

  /** Each container's drift, by full ID, where its upper dir was listed. */
  static Map<String, Drift> drift(List<RootfsRow> rows, Map<String, Listing> listings) {
    Map<String, Drift> out = new java.util.HashMap<>();
    for (RootfsRow r : rows) {
      Listing upper = r.upperEntry() == null ? null : listings.get(r.upperEntry());
      if (upper == null) {
        continue;
      }
      List<Listing> lowestFirst = new ArrayList<>();
      for (int i = r.layerKeys().size() - 1; i >= 0; i--) {
        Listing l = listings.get("rootfs/layers/" + r.layerKeys().get(i) + ".txt");
        if (l != null) {
          lowestFirst.add(l);
        }
      }
      out.put(r.id(), DriftAssembler.of(upper, lowestFirst));
    }
    return out;
  }

  static List<RootfsFact> of(List<RootfsRow> rows, Map<String, Listing> listings) {
    List<RootfsFact> out = new ArrayList<>();
    for (RootfsRow r : rows) {
      String path = r.mergedDir() != null ? r.mergedDir() : r.upperDir();
      if (path != null) {
        out.add(new RootfsFact(r.id(), "path", path, r.ref()));
      }
      List<Listing> lowestFirst = new ArrayList<>();
      boolean complete = !r.layerKeys().isEmpty() || r.upperEntry() != null;
      for (int i = r.layerKeys().size() - 1; i >= 0; i--) {
        Listing l = listings.get("rootfs/layers/" + r.layerKeys().get(i) + ".txt");
        complete &= l != null && !l.truncated();
        if (l != null) {
          lowestFirst.add(l);
        }
      }
      if (r.upperEntry() != null) {
        Listing upper = listings.get(r.upperEntry());
        complete &= upper != null && !upper.truncated();
        if (upper != null) {
          lowestFirst.add(upper);
        }
      }
      if (complete) {
        out.add(new RootfsFact(r.id(), "entries", Integer.toString(LayerMerge.entries(lowestFirst)), r.ref()));
      }
    }
    return out;
  }
}
