package io.podmortem.source;

import io.podmortem.model.SourceRef;
import java.util.List;

/**
 * One line of the collector's {@code rootfs/containers.tsv}: a container's layer chain.
 *
 * @param upperEntry the listing entry of its upper dir, or null
 * @param layerKeys its lower layers' keys, uppermost first
 * @param mergedDir its mount point while it runs, or null
 */
public record RootfsRow(SourceRef ref, String runtime, String id, String state, String upperDir, String upperEntry,
    List<String> layerKeys, String mergedDir) {
  public RootfsRow {
    layerKeys = List.copyOf(layerKeys);
  }
}
