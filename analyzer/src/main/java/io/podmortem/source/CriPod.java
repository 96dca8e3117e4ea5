package io.podmortem.source;

import io.podmortem.model.SourceRef;
import java.util.Map;

/**
 * A pod sandbox as crictl shows it: from {@code crictl pods -o json} items, {@code crictl inspectp}, or a
 * {@code crictl pods} table row (which lacks most fields).
 *
 * @param id the sandbox ID: 64 hex from JSON, 13 from a table
 * @param state {@code SANDBOX_READY} or {@code SANDBOX_NOTREADY} (a table's {@code Ready}/{@code NotReady} mapped)
 * @param createdAt RFC 3339 in UTC, converted from nanoseconds where crictl gave those; null if absent
 * @param pid the sandbox's (pause) process, from inspectp; else null
 * @param cgroupsPath {@code info.runtimeSpec.linux.cgroupsPath} from inspectp; else null
 * @param hostNetwork true when inspectp's status says the NODE network mode (or 2017 containerd's hostNetwork),
 *     CRI-O's HostNetwork annotation says so, or the OCI spec has no network namespace at all; else null
 */
public record CriPod(
    SourceRef ref,
    String id,
    String name,
    String namespace,
    String uid,
    Integer attempt,
    String state,
    String createdAt,
    Map<String, String> labels,
    Map<String, String> annotations,
    String runtimeHandler,
    Integer pid,
    String cgroupsPath,
    Boolean hostNetwork) {
  public CriPod {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }
}
