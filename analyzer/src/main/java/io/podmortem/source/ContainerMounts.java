package io.podmortem.source;

import io.podmortem.model.SourceRef;

/**
 * What a container's own mount table ({@code /proc/self/mountinfo} read inside it) says of it: the cgroup its
 * cgroup mounts are rooted at, the pod sandbox whose hostname or resolv.conf it mounts, and, under
 * containers/storage (CRI-O, podman), its own ID, whose userdata holds the {@code /run/secrets} it mounts. Any may
 * be null.
 */
public record ContainerMounts(String cgroupPath, SourceRef cgroupRef, String sandboxId, SourceRef sandboxRef,
    String containerId, SourceRef containerRef) {}
