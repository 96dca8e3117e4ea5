package io.podmortem.source;

import io.podmortem.model.SourceRef;

/**
 * One row of {@code kubectl get pods}. Columns the table lacks are null.
 *
 * @param restarts the count of RESTARTS (without the {@code (5m ago)} part)
 * @param lastRestart the {@code 5m ago} part of RESTARTS, or null
 * @param node the NODE cell as printed, {@code <none>} for a pod not scheduled yet; null without a NODE column
 */
public record KubectlPodRow(
    SourceRef ref,
    String namespace,
    String name,
    String ready,
    String status,
    Integer restarts,
    String lastRestart,
    String age,
    String ip,
    String node) {}
