package io.podmortem.model;

/**
 * Something the container runtime recorded as it happened, that no snapshot of the node keeps: an exec session
 * started or ended, a container killed, dead or OOM-killed ({@code docker events}).
 *
 * @param time when, as the runtime printed it (RFC 3339)
 * @param container the container's short ID, or null when the node no longer holds it
 * @param kind {@code exec-started}, {@code exec-finished}, {@code container-killed}, {@code container-died} or
 *     {@code container-oom}
 * @param what the event in words, with its exit code, signal or command
 * @param command an exec session's command, as the runtime recorded it; else null
 * @param session the exec session's ID, which its start and its end share; else null
 * @param exitCode the exit code of a container's or a session's end; else null
 */
public record RuntimeEvent(String time, String container, String kind, String what, String command, String session,
    Integer exitCode, SourceRef ref) {}
