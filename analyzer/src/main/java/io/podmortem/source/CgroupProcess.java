package io.podmortem.source;

import io.podmortem.model.SourceRef;

/**
 * A process listed in a {@code systemd-cgls} tree.
 *
 * @param group index in {@link CgroupTree#groups()} of the group that holds it
 * @param command the command as printed, without a trailing {@code …}
 * @param truncated true when systemd cut the command with {@code …}
 */
public record CgroupProcess(SourceRef ref, int group, int pid, String command, boolean truncated) {}
