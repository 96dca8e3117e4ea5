package io.podmortem.source;

import java.util.List;

/** A parsed {@code ps} listing: rows in output order, with parents resolved from the forest art or PPIDs. */
public record PsForest(String entry, List<PsRow> rows) {
  public PsForest {
    rows = List.copyOf(rows);
  }
}
