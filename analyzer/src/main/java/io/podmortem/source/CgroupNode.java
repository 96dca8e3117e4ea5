package io.podmortem.source;

import io.podmortem.model.SourceRef;

/**
 * One control group of a {@code systemd-cgls} tree.
 *
 * @param parent index in {@link CgroupTree#groups()} of the parent group, or null for the root
 * @param name the name as printed, trimmed, without {@code (#N)} and the delegation mark
 * @param path the full path from the root, such as {@code /kubepods.slice/kubepods-burstable.slice}
 * @param cgroupId the {@code (#N)} id systemd prints on some hosts, or null
 * @param delegated true when systemd marked the group delegated with a trailing {@code …}
 */
public record CgroupNode(SourceRef ref, int index, Integer parent, String name, String path, Long cgroupId, boolean delegated) {}
