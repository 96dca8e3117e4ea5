package io.podmortem.bundle;

import java.util.List;
import java.util.Map;

/**
 * What reading a bundle left besides the entries themselves.
 *
 * @param sha256 hex sha256 of each file entry that was read whole, by entry name
 * @param warnings limits that cut the reading short, and damage that ended it
 */
public record ReadSummary(List<String> warnings, Map<String, String> sha256) {
  public ReadSummary {
    warnings = List.copyOf(warnings);
    sha256 = Map.copyOf(sha256);
  }
}
