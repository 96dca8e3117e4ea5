package io.podmortem.model;

/**
 * What a container used when the node was collected, as the runtime measured it ({@code docker stats --no-stream}).
 * Values are kept as the runtime printed them.
 *
 * @param cpu CPU use, {@code 0.25%} (of one CPU; above 100% on several)
 * @param memory memory in use, {@code 352KiB}
 * @param memoryLimit the limit it counts against, {@code 23.54GiB}: the node's memory when the container has none
 * @param memoryPercent {@code memory} of {@code memoryLimit}, {@code 0.00%}
 * @param pids how many processes and threads the container holds
 */
public record ResourceUsage(String cpu, String memory, String memoryLimit, String memoryPercent, Integer pids,
    SourceRef ref) {}
