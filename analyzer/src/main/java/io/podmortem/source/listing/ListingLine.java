package io.podmortem.source.listing;

import java.nio.charset.StandardCharsets;

/**
 * One parsed line of a listing, as the reader hands it to a sink. The object is reused for every line and its bytes
 * are the reader's buffer, so a sink copies what it keeps; {@link #path()} decodes only when asked.
 */
final class ListingLine {
  byte[] buf;
  int pathStart;
  int pathEnd;
  int nameStart;
  int lineNo;
  char type;
  int mode;
  long uid;
  long gid;
  long size;
  long mtime;
  /** The path's hash and its parent's ({@link PathHash#ROOT} at the top); depth is 1 at the top. */
  long hash;
  long parentHash;
  int depth;
  /** A whiteout deletes {@link #deleted}; an opaque marker ({@code .wh..wh..opq}) hides what is below its folder. */
  boolean whiteout;
  boolean opaque;
  long deleted;

  String path() {
    return new String(buf, pathStart, pathEnd - pathStart, StandardCharsets.UTF_8);
  }

  /** The path a whiteout deletes: {@code a/.wh.b} deletes {@code a/b}; a whiteout device deletes itself. */
  String deletedPath() {
    if (nameStart + 4 <= pathEnd && isWhName()) {
      return new String(buf, pathStart, nameStart - pathStart, StandardCharsets.UTF_8)
          + new String(buf, nameStart + 4, pathEnd - nameStart - 4, StandardCharsets.UTF_8);
    }
    return path();
  }

  boolean isWhName() {
    return pathEnd - nameStart >= 4 && buf[nameStart] == '.' && buf[nameStart + 1] == 'w' && buf[nameStart + 2] == 'h'
        && buf[nameStart + 3] == '.';
  }

  /** The hashes of every ancestor folder, the listed directory's own excluded; topmost first. */
  long[] ancestors() {
    long[] out = new long[depth - 1];
    long s = PathHash.START;
    int k = 0;
    for (int i = pathStart; i < pathEnd && k < out.length; i++) {
      if (buf[i] == '/') {
        out[k++] = PathHash.finish(s);
      }
      s = PathHash.step(s, buf[i]);
    }
    return out;
  }
}
