package io.podmortem.model;

/**
 * What is known of a container's root filesystem.
 *
 * @param path the merged directory on the host
 * @param upperDir the container's writable layer on the host (containerd: {@code snapshots/<N>/fs}, where N is
 *     unrelated to the container's ID), or null
 * @param entries number of entries a listing or count shows, or null
 * @param os PRETTY_NAME of the container's os-release, or null
 * @param osId os-release ID, or null
 * @param osVersion os-release VERSION_ID, or the version read from PRETTY_NAME, or null
 * @param binary a binary of the rootfs that {@code file} described, or null
 * @param staticBinary true when {@code file} says that binary is statically linked
 * @param drift what the container changed on disk, from its upper dir; null when it was not listed
 */
public record RootFs(
    String path,
    String upperDir,
    Integer entries,
    String os,
    String osId,
    String osVersion,
    String binary,
    String binaryDescription,
    Boolean staticBinary,
    Drift drift,
    Evidence evidence) {

  public static RootFs empty() {
    return new RootFs(null, null, null, null, null, null, null, null, null, null, Evidence.NONE);
  }

  public boolean isEmpty() {
    return path == null && upperDir == null && entries == null && os == null && binary == null && drift == null;
  }

  /** This root filesystem with an OS read elsewhere, citing where. */
  public RootFs withOs(String os, String osId, String osVersion, java.util.List<SourceRef> refs) {
    java.util.TreeMap<String, java.util.List<SourceRef>> ev = new java.util.TreeMap<>(evidence.refs());
    ev.put("os", refs);
    return new RootFs(path, upperDir, entries, os, osId, osVersion, binary, binaryDescription, staticBinary, drift,
        new Evidence(ev));
  }

  public RootFs withDrift(Drift d) {
    return new RootFs(path, upperDir, entries, os, osId, osVersion, binary, binaryDescription, staticBinary, d,
        evidence);
  }
}
