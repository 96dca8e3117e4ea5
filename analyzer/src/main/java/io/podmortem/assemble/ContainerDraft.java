package io.podmortem.assemble;

import io.podmortem.model.Container;
import io.podmortem.model.Evidence;
import io.podmortem.model.PodRef;
import io.podmortem.model.ProcessKind;
import io.podmortem.model.QosClass;
import io.podmortem.model.Role;
import io.podmortem.model.RootFs;
import io.podmortem.model.RuntimeState;
import io.podmortem.model.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A container while its facts are gathered from the ps forest, runtime tables and cgroups. */
final class ContainerDraft {
  /** An image's content ID. Example match: {@code sha256:2095…80aa}, 64 hex digits in full. */
  private static final java.util.regex.Pattern IMAGE_ID = java.util.regex.Pattern.compile("sha256:[0-9a-f]{64}");

  final String shortId;
  String id;
  String name;
  String runtime;
  String image;
  /** The image's content ID ({@code sha256:…}), where a source gives it: what "the same image" means. */
  String imageId;
  String sandboxId;
  String command;
  String status;
  DockershimName dockershim;
  PodRef labelPod;
  String labelContainerName;
  Integer labelAttempt;
  boolean labelSandbox;
  RuntimeState state;
  Security security;
  Integer restarts;
  Role kubeRole;
  /** A role read from the pod's timeline where no label or API status says it (an init container). */
  Role inferredRole;
  /** crictl listed it as a container: a CRI container, which always runs in a pod sandbox. */
  boolean criListed;
  String rootfsPath;
  /** The upper dir the runtime's inspect output names, where it does. */
  String upperDir;
  CgroupPlacement placement;
  /** The pod its cgroup's pod UID names, with the name the API or kubectl gives it; set once pods are joined. */
  PodRef joinedPod;
  /** The pod's QoS class, for a container whose own cgroup was not seen; set once the pods are joined. */
  QosClass podQos;
  String cgroup;
  Integer shim;
  final List<Integer> processes = new ArrayList<>();
  final Evidence.Builder evidence = Evidence.builder();
  /** Facts that no source states but the analysis inferred, with how: role, qosClass, os. */
  final Map<String, String> inferred = new TreeMap<>();
  RootFs rootfs = RootFs.empty();
  io.podmortem.model.ResourceUsage usage;

  ContainerDraft(String shortId) {
    this.shortId = shortId;
  }

  /**
   * Records the image's ID. A bare {@code sha256:<64 hex>} content ID wins over a digest reference
   * ({@code repo@sha256:…}), which names the same image less directly; the first of either kind is kept.
   */
  void imageId(String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    boolean bare = IMAGE_ID.matcher(value).matches();
    if (imageId == null ? bare || value.contains("@sha256:") : bare && !IMAGE_ID.matcher(imageId).matches()) {
      imageId = value;
    }
  }

  Container build(List<ProcessDraft> all) {
    Role role = role(all);
    if (role == Role.APP && criListed && placement == null && labelPod == null && dockershim == null
        && kubeRole == null && inferredRole == null) {
      inferred.put("role", "crictl lists it as a container, and the CRI runs every container inside a pod "
          + "sandbox; its row does not say which pod");
    }
    PodRef pod = null;
    String containerName = null;
    Integer attempt = null;
    if (dockershim != null) {
      pod = new PodRef(dockershim.namespace(), dockershim.podName(), dockershim.podUid());
      containerName = dockershim.containerName();
      attempt = dockershim.attempt();
    } else {
      // A crictl table without a POD column still names the container and its attempt.
      containerName = labelContainerName;
      attempt = labelAttempt;
      if (labelPod != null) {
        pod = labelPod;
      } else if (joinedPod != null) {
        pod = joinedPod;
      } else if (placement != null) {
        pod = new PodRef(null, null, placement.podUid());
      }
    }
    QosClass qos = placement != null && placement.qos() != null ? placement.qos() : podQos;
    return new Container(id, shortId, name, runtime, role, containerName, attempt, restarts, image, imageId,
        sandboxId, pod, qos, cgroup, command, status, state, security, processes, shim, rootfs, evidence.build(),
        new TreeMap<>(inferred), usage);
  }

  /**
   * The dockershim name says sandbox or app. Without a name, a container in a pod's cgroup whose only process is
   * {@code /pause} is taken for a sandbox, and a container outside every pod is plain.
   */
  /** The container's name in its pod, from the dockershim name or the kubelet's labels. */
  String containerName() {
    return dockershim != null ? dockershim.containerName() : labelContainerName;
  }

  Integer attempt() {
    return dockershim != null ? dockershim.attempt() : labelAttempt;
  }

  /** The pod's UID, from the name, the labels or the cgroup. */
  String podUid() {
    if (dockershim != null) {
      return dockershim.podUid();
    }
    if (labelPod != null) {
      return labelPod.uid();
    }
    return placement == null ? null : placement.podUid();
  }

  Role role(List<ProcessDraft> all) {
    if (kubeRole != null) {
      return kubeRole;
    }
    if (inferredRole != null) {
      return inferredRole;
    }
    if (dockershim != null) {
      return dockershim.isSandbox() ? Role.SANDBOX : Role.APP;
    }
    if (labelSandbox) {
      return Role.SANDBOX;
    }
    if (labelPod != null) {
      return Role.APP;
    }
    if (placement == null) {
      // The CRI runs every container inside a pod sandbox: one that crictl lists is a pod's, though its row may
      // not say which (a crictl ps table without a POD ID column).
      return criListed ? Role.APP : Role.PLAIN;
    }
    // ps args prints /pause; ps comm (sos's ps axo …,comm,cgroup) prints pause.
    boolean onlyPause = !processes.isEmpty() && processes.stream()
        .map(all::get)
        .allMatch(p -> p.kind == ProcessKind.CONTAINER && (p.row.command().equals("/pause")
            || p.row.command().equals("pause")));
    return onlyPause ? Role.SANDBOX : Role.APP;
  }
}
