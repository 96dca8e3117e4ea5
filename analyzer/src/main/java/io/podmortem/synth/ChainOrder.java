package io.podmortem.synth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order of a bundle's entries after manifest.json, as the collector writes them (collector/FORMAT.md, "Entry
 * order"): every output but the listings by name, then the listings in chain order, then any listing left over.
 * Chain order lets a reader merge each container's layers while the archive streams.
 */
final class ChainOrder {
  private static final String LAYERS = "rootfs/layers/";
  private static final String UPPER = "rootfs/upper/";

  private ChainOrder() {}

  /** One containers.tsv line: its chain (layer keys lowest first, joined by ':'), id and upper entry. */
  private record Line(String chain, String id, List<String> lowestFirst, String upper) {}

  /**
   * Orders {@code names} (every entry but manifest.json) by the lines of rootfs/containers.tsv; only the names
   * are held, never the listings.
   */
  static List<String> of(Collection<String> names, List<String> tsvLines) {
    Set<String> have = Set.copyOf(names);
    List<String> byName = new ArrayList<>(names);
    byName.sort(null);
    Set<String> out = new LinkedHashSet<>();
    for (String n : byName) {
      if (!isListing(n)) {
        out.add(n);
      }
    }
    List<Line> lines = new ArrayList<>();
    for (String l : tsvLines) {
      if (l.isEmpty()) {
        continue;
      }
      String[] f = l.split("\t", -1);
      String keys = f.length > 5 ? f[5] : "-";
      List<String> lowestFirst = new ArrayList<>();
      if (!"-".equals(keys) && !keys.isEmpty()) {
        lowestFirst.addAll(List.of(keys.split(":")));
        Collections.reverse(lowestFirst);
      }
      lines.add(new Line(String.join(":", lowestFirst), f.length > 1 ? f[1] : "", lowestFirst,
          f.length > 4 ? f[4] : "-"));
    }
    lines.sort(Comparator.comparing(Line::chain).thenComparing(Line::id));
    for (Line l : lines) {
      for (String k : l.lowestFirst()) {
        String e = LAYERS + k + ".txt";
        if (have.contains(e)) {
          out.add(e);
        }
      }
      if (have.contains(l.upper())) {
        out.add(l.upper());
      }
    }
    out.addAll(byName);
    return List.copyOf(out);
  }

  private static boolean isListing(String name) {
    return name.startsWith(LAYERS) || name.startsWith(UPPER);
  }
}
