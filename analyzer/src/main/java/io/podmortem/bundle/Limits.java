package io.podmortem.bundle;

/**
 * Bounds on what a bundle may make the analyzer read, so a hostile bundle cannot exhaust time or memory.
 *
 * @param maxEntryBytes bytes read from one entry; the rest is skipped and reported
 * @param maxTotalBytes inflated bytes read from the whole bundle
 * @param maxEntries entries read from the bundle
 * @param maxLineChars characters kept of one line; the rest is cut and reported
 * @param maxSkipBytes bytes of over-limit entries the reader may inflate to skip them; past that it stops
 */
public record Limits(long maxEntryBytes, long maxTotalBytes, int maxEntries, int maxLineChars, long maxSkipBytes) {
  /** The limits with a skip budget as large as the whole bundle's. */
  public Limits(long maxEntryBytes, long maxTotalBytes, int maxEntries, int maxLineChars) {
    this(maxEntryBytes, maxTotalBytes, maxEntries, maxLineChars, maxTotalBytes);
  }

  public static Limits defaults() {
    return new Limits(512L << 20, 16L << 30, 200_000, 1 << 20, 1L << 30);
  }
}
