package io.podmortem.source;

import io.podmortem.model.SourceRef;

/**
 * One entry of a pod's {@code containerStatuses}, {@code initContainerStatuses} or
 * {@code ephemeralContainerStatuses}.
 *
 * @param runtime the scheme of {@code containerID}: {@code docker}, {@code containerd} or {@code cri-o}; null
 *     while the container has no ID yet (waiting or creating)
 * @param containerId the ID after the scheme, or null
 * @param state {@code running}, {@code waiting} or {@code terminated}
 * @param reason the state's reason ({@code CrashLoopBackOff}, {@code Completed}, {@code OOMKilled}, …) or null
 * @param lastReason {@code lastState.terminated.reason}, or null
 */
public record KubeContainerStatus(
    SourceRef ref,
    String name,
    String runtime,
    String containerId,
    String image,
    String imageId,
    int restartCount,
    Boolean ready,
    String state,
    String reason,
    Integer exitCode,
    String startedAt,
    String finishedAt,
    String lastReason,
    Integer lastExitCode,
    String lastFinishedAt) {}
