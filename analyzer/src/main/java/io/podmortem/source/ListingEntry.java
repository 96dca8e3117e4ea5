package io.podmortem.source;

/**
 * One entry of a layer or upper-dir listing (collector/FORMAT.md).
 *
 * @param type find's {@code %y}: {@code f}, {@code d}, {@code l}, {@code c}, …
 * @param mode permission bits, with setuid, setgid and sticky
 * @param mtime seconds since the epoch
 * @param path relative to the listed directory
 * @param target a symlink's target, else null
 * @param line the line of the listing it was read from
 */
public record ListingEntry(char type, int mode, long uid, long gid, long size, long mtime, String path, String target,
    int line) {

  /** An overlayfs whiteout: a char device with mode 0, or a {@code .wh.} file from a tar layer. */
  public boolean isWhiteout() {
    return (type == 'c' && mode == 0) || name().startsWith(".wh.") && !name().equals(".wh..wh..opq");
  }

  /** A {@code .wh..wh..opq} marker: the directory hides everything below it in lower layers. */
  public boolean isOpaqueMarker() {
    return name().equals(".wh..wh..opq");
  }

  /** The path a whiteout deletes. */
  public String whitedOut() {
    String n = name();
    String dir = path.length() > n.length() ? path.substring(0, path.length() - n.length()) : "";
    return n.startsWith(".wh.") ? dir + n.substring(4) : path;
  }

  public String name() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
