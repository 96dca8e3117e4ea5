package io.podmortem.source;

import java.util.List;

/**
 * A parsed layer or upper-dir listing.
 *
 * @param total how many entries the directory held, where the collector cut the listing; else null
 */
public record Listing(String entry, List<ListingEntry> entries, Integer total) {
  public Listing {
    entries = List.copyOf(entries);
  }

  public boolean truncated() {
    return total != null;
  }
}
