package io.podmortem.model;

/**
 * One file a container changed on disk: what its upper dir holds against its image layers.
 *
 * @param change {@code added}, {@code changed} or {@code deleted}
 * @param path the path inside the container, starting with {@code /}
 * @param type find's type letter: {@code f}, {@code d}, {@code l}, …
 * @param mode permission bits with setuid, setgid and sticky
 * @param mtime seconds since the epoch
 */
public record DriftEntry(String change, String path, char type, int mode, long uid, long gid, long size, long mtime,
    SourceRef ref) {

  public boolean executable() {
    return type == 'f' && (mode & 0111) != 0;
  }

  public boolean setuidOrSetgid() {
    return type == 'f' && (mode & 06000) != 0;
  }
}
