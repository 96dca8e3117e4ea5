package io.podmortem.source;

import io.podmortem.model.SourceRef;
import java.util.List;
import java.util.Map;

/**
 * A container as crictl shows it: from {@code crictl ps -a -o json}, {@code crictl inspect} (richer), or a
 * {@code crictl ps} table row. Fields a source lacks are null.
 *
 * @param id 64 hex from JSON, 13 from a table
 * @param image the image as the list shows it ({@code image.image}, often {@code sha256:…}); inspect's
 *     {@code status.image.image} is the reference
 * @param imageRef {@code imageRef}: the image's digest reference
 * @param state {@code CONTAINER_RUNNING}, {@code CONTAINER_EXITED}, {@code CONTAINER_CREATED} or
 *     {@code CONTAINER_UNKNOWN} (a table's {@code Running}/{@code Exited} mapped)
 * @param createdAt RFC 3339 in UTC (nanosecond strings converted); startedAt/finishedAt likewise, null when zero
 * @param containerType {@code container} or {@code sandbox}, from {@code io.kubernetes.cri.container-type} or
 *     CRI-O's {@code io.kubernetes.cri-o.ContainerType}
 * @param rootPath {@code info.runtimeSpec.root.path}: relative ({@code rootfs}) under containerd, absolute under
 *     CRI-O
 * @param snapshotKey containerd's {@code info.snapshotKey}; null under CRI-O
 * @param user {@code info.config.linux.security_context.run_as_user.value} or the spec's process user, as given
 */
public record CriContainer(
    SourceRef ref,
    String id,
    String podSandboxId,
    String name,
    Integer attempt,
    String image,
    String imageRef,
    String state,
    String createdAt,
    String startedAt,
    String finishedAt,
    Integer exitCode,
    String reason,
    Map<String, String> labels,
    Map<String, String> annotations,
    Integer pid,
    String cgroupsPath,
    String containerType,
    String rootPath,
    String snapshotKey,
    String runtimeType,
    String logPath,
    String user,
    List<String> args,
    boolean privileged) {
  public CriContainer {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    args = args == null ? List.of() : List.copyOf(args);
  }
}
