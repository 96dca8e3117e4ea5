package io.podmortem.source;

import io.podmortem.model.SourceRef;

/**
 * One row of a {@code ps} forest.
 *
 * @param depth tree level: from the forest art, or from the PPID chain where there is no art; 0 for a root
 * @param parent index in {@link PsForest#rows()} of the parent row, or null for a root
 * @param pid PID where the output has a PID column, else null
 * @param ppid PPID where the output has a PPID column, else null
 * @param user USER/UID column as given (a numeric uid under {@code ps n})
 * @param command the command without the forest art; kernel threads keep their brackets
 * @param kernelThread true for a {@code [name]} row
 * @param started the STARTED column as given ({@code lstart}: {@code Thu Nov 26 22:25:45 2026}), or null
 * @param cgroup the CGROUP column as given (v1: {@code 12:pids:/kubepods/…,11:memory:/…}; v2: {@code 0::/…}), or
 *     null without one
 */
public record PsRow(
    SourceRef ref,
    int depth,
    Integer parent,
    Integer pid,
    Integer ppid,
    String user,
    String stat,
    String command,
    boolean kernelThread,
    String started,
    String cgroup) {}
