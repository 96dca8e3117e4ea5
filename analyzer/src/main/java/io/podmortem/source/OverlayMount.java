package io.podmortem.source;

import io.podmortem.model.SourceRef;
import java.util.List;

/**
 * An overlay mount from {@code /proc/self/mountinfo}: a container's merged root and the layers behind it.
 *
 * @param lowerDirs uppermost first, as the mount options list them (Docker gives {@code l/<short>} links)
 */
public record OverlayMount(SourceRef ref, String mountPoint, List<String> lowerDirs, String upperDir) {
  public OverlayMount {
    lowerDirs = List.copyOf(lowerDirs);
  }

  /**
   * The container the mount point names, where it does: containerd's task bundle
   * ({@code /run/containerd/io.containerd.runtime.v2.task/k8s.io/<id>/rootfs}); else null, since Docker's and
   * containers/storage's mount points name a layer, not a container.
   */
  public String containerId() {
    String[] parts = mountPoint.split("/");
    for (int i = parts.length - 1; i > 0; i--) {
      if (parts[i].equals("rootfs") && parts[i - 1].matches("[0-9a-f]{64}")) {
        return parts[i - 1];
      }
    }
    return null;
  }
}
