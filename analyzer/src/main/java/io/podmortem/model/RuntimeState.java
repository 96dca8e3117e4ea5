package io.podmortem.model;

/**
 * What the runtime says of a container's life, from {@code docker inspect} or {@code crictl inspect}.
 *
 * @param status the runtime's word: {@code running}, {@code exited}, {@code created}, …
 * @param exitCode the exit code of the last run, where it has ended
 * @param restartCount the runtime's own restart count (Docker's restart policy; kubelet counts attempts instead)
 * @param user the user the image or the run asked for ({@code Config.User}); empty means the image default
 */
public record RuntimeState(
    String status,
    boolean running,
    Integer pid,
    Integer exitCode,
    boolean oomKilled,
    Integer restartCount,
    String createdAt,
    String startedAt,
    String finishedAt,
    String user) {}
