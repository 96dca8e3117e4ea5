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

  /**
   * The memory an xz stream may ask for to be decompressed, in KiB. xz -9 needs 65 MiB (a 64 MiB dictionary);
   * a stream that asks for more was not made by a collector or by sos, and would fill a small heap.
   */
  public static final int XZ_MEMORY_KIB = 80 * 1024;

  /**
   * The largest PAX header or GNU long name a tar bundle may hold, in bytes. A long path or a file's xattrs take a
   * few KiB; the tar reader holds such a header whole.
   */
  public static final long MAX_TAR_HEADER_BYTES = 1L << 20;

  /** How deep a folder bundle is walked. The collector's deepest entry is three levels down. */
  public static final int MAX_FOLDER_DEPTH = 32;

  /**
   * The most of one entry, or of one command's output in a transcript, that is held as lines for a parser that
   * reads a block whole (a ps table, a kubectl table, a cgroup tree): characters plus {@link #HELD_LINE_COST} a
   * line. A busy node's ps table is a few MiB; past this, the rest of the entry is counted, not read.
   */
  public static final long MAX_HELD_CHARS = 32L << 20;

  /** What a held line costs beside its characters: the String, its array and the list's slot, in bytes. */
  public static final int HELD_LINE_COST = 48;

  /** The objects read from one JSON entry (containers, sandboxes, pods); a node holds a few thousand at most. */
  public static final int MAX_JSON_ITEMS = 20_000;

  /** The runtime events kept from one entry ({@code docker events}): the last ones, nearest the incident. */
  public static final int MAX_RUNTIME_EVENTS = 20_000;

  /** How deep JSON may nest. A pod's managedFields nest some 15 levels; the tree reader recurses once a level. */
  public static final int MAX_JSON_DEPTH = 200;

  /** The longest JSON string, in characters; a line is cut at a mebicharacter anyway. */
  public static final int MAX_JSON_STRING = 1 << 20;

  /** The tokens one JSON object (one container, one pod) may hold; a pod with managedFields takes a few thousand. */
  public static final int MAX_JSON_OBJECT_TOKENS = 1 << 20;

  /**
   * 2 GiB an entry: every entry streams, so its size costs time, not memory; a session of 28 million lines (a
   * busy node's every merged dir listed by find) is 1.3 GB.
   */
  public static Limits defaults() {
    return new Limits(2L << 30, 16L << 30, 200_000, 1 << 20, 1L << 30);
  }
}
