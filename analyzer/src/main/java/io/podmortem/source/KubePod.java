package io.podmortem.source;

import io.podmortem.model.SourceRef;
import java.util.List;
import java.util.Map;

/**
 * A pod as {@code kubectl get pods -o json} shows it: the fields podmortem reads.
 *
 * @param ownerKind {@code metadata.ownerReferences[0].kind} (ReplicaSet, DaemonSet, Job, Node for a mirror pod)
 * @param annotations includes {@code kubernetes.io/config.mirror} and {@code kubernetes.io/config.hash} for
 *     static pods
 * @param containerNames the names {@code spec.containers} gives, in order
 * @param initContainerNames the names {@code spec.initContainers} gives: the API's own word on which containers
 *     are init containers, whatever the node's labels say
 */
public record KubePod(
    SourceRef ref,
    String namespace,
    String name,
    String uid,
    String nodeName,
    String phase,
    String qosClass,
    String startTime,
    String ownerKind,
    String ownerName,
    Map<String, String> annotations,
    List<String> containerNames,
    List<String> initContainerNames,
    List<KubeContainerStatus> containers,
    List<KubeContainerStatus> initContainers,
    List<KubeContainerStatus> ephemeralContainers) {
  public KubePod {
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    containerNames = List.copyOf(containerNames);
    initContainerNames = List.copyOf(initContainerNames);
    containers = List.copyOf(containers);
    initContainers = List.copyOf(initContainers);
    ephemeralContainers = List.copyOf(ephemeralContainers);
  }
}
