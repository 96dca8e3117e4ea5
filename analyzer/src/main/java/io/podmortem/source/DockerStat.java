package io.podmortem.source;

import io.podmortem.model.ResourceUsage;

/**
 * One row of {@code docker stats --no-stream}: a running container by its ID (short unless --no-trunc), or by its
 * name alone where a custom format's CONTAINER column holds one; either may be null.
 */
public record DockerStat(String id, String name, ResourceUsage usage) {}
