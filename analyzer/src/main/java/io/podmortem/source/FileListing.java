package io.podmortem.source;

import io.podmortem.model.SourceRef;
import java.util.List;

/**
 * A {@code find} listing, summarised: how many entries, and the first few paths.
 *
 * @param entries how many paths the listing holds under its starting point, which is not counted
 * @param sample up to a bounded number of paths, in listing order
 */
public record FileListing(SourceRef first, int entries, List<String> sample) {
  public FileListing {
    sample = List.copyOf(sample);
  }
}
