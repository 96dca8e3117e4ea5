package io.podmortem.assemble;

import io.podmortem.model.QosClass;

/**
 * What a cgroup path says about the container or pod in it.
 *
 * @param podUid the pod UID with dashes restored (the systemd driver writes them as underscores), or null
 * @param podCgroup the path of the pod's own cgroup, or null
 * @param containerId the 64-hex container ID of a container's scope, or null for a pod-level cgroup
 * @param runtime {@code docker}, {@code cri-containerd}, {@code crio}, or null where the path does not say
 */
public record CgroupPlacement(QosClass qos, String podUid, String podCgroup, String containerId, String runtime) {}
