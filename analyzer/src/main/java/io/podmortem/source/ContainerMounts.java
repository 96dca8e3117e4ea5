package io.podmortem.source;

import io.podmortem.model.SourceRef;

/**
 * What a container's own mount table ({@code /proc/self/mountinfo} read inside it) says of it: the cgroup its
 * cgroup mounts are rooted at, and the pod sandbox whose hostname or resolv.conf it mounts. Either may be null.
 */
public record ContainerMounts(String cgroupPath, SourceRef cgroupRef, String sandboxId, SourceRef sandboxRef) {}
