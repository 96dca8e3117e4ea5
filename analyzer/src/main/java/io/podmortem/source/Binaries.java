package io.podmortem.source;

/** Tells an archive or other binary entry from text by its first bytes, so it is reported rather than parsed. */
final class Binaries {
  private Binaries() {}

  /** {@code gzip archive}, {@code xz archive}, {@code zip archive}, {@code tar archive}, {@code binary file}, or null. */
  static String kind(byte[] head) {
    if (starts(head, 0x1f, 0x8b)) {
      return "gzip archive";
    }
    if (starts(head, 0xfd, '7', 'z', 'X', 'Z')) {
      return "xz archive";
    }
    if (starts(head, 'P', 'K', 3, 4)) {
      return "zip archive";
    }
    if (starts(head, 'B', 'Z', 'h')) {
      return "bzip2 archive";
    }
    if (head.length >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a'
        && head[261] == 'r') {
      return "tar archive";
    }
    int nul = 0;
    for (byte b : head) {
      if (b == 0) {
        nul++;
      }
    }
    // Text has no NUL bytes; a few in 512 mark a binary file (an ELF, an image, a database).
    return nul > 2 ? "binary file" : null;
  }

  private static boolean starts(byte[] head, int... magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xff) != (magic[i] & 0xff)) {
        return false;
      }
    }
    return true;
  }
}
