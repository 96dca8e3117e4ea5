package io.podmortem.bundle;

import java.io.IOException;
import java.io.InputStream;

/** Receives each entry of a bundle as it streams past. */
@FunctionalInterface
public interface EntryHandler {
  /**
   * Handles one entry. {@code content} is empty for anything but a file, is bounded by the limits, and must not
   * be used after the call returns.
   */
  void entry(BundleEntry entry, InputStream content) throws IOException;
}
