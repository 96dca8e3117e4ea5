package io.podmortem.assemble;

import io.podmortem.model.Container;
import io.podmortem.model.Evidence;
import io.podmortem.model.PodRef;
import io.podmortem.model.ProcessKind;
import io.podmortem.model.Role;
import io.podmortem.model.RootFs;
import io.podmortem.model.RuntimeState;
import io.podmortem.model.Security;
import java.util.ArrayList;
import java.util.List;

/** A container while its facts are gathered from the ps forest, runtime tables and cgroups. */
final class ContainerDraft {
  final String shortId;
  String id;
  String name;
  String runtime;
  String image;
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
  String rootfsPath;
  CgroupPlacement placement;
  String cgroup;
  Integer shim;
  final List<Integer> processes = new ArrayList<>();
  final Evidence.Builder evidence = Evidence.builder();
  RootFs rootfs = RootFs.empty();

  ContainerDraft(String shortId) {
    this.shortId = shortId;
  }

  Container build(List<ProcessDraft> all) {
    Role role = role(all);
    PodRef pod = null;
    String containerName = null;
    Integer attempt = null;
    if (dockershim != null) {
      pod = new PodRef(dockershim.namespace(), dockershim.podName(), dockershim.podUid());
      containerName = dockershim.containerName();
      attempt = dockershim.attempt();
    } else if (labelPod != null) {
      pod = labelPod;
      containerName = labelContainerName;
      attempt = labelAttempt;
    } else if (placement != null) {
      pod = new PodRef(null, null, placement.podUid());
    }
    return new Container(id, shortId, name, runtime, role, containerName, attempt, restarts, image, pod,
        placement == null ? null : placement.qos(), cgroup, command, status, state, security, processes, shim, rootfs,
        evidence.build());
  }

  /**
   * The dockershim name says sandbox or app. Without a name, a container in a pod's cgroup whose only process is
   * {@code /pause} is taken for a sandbox, and a container outside every pod is plain.
   */
  private Role role(List<ProcessDraft> all) {
    if (kubeRole != null) {
      return kubeRole;
    }
    if (dockershim != null) {
      return dockershim.isSandbox() ? Role.SANDBOX : Role.APP;
    }
    if (labelPod != null) {
      return labelSandbox ? Role.SANDBOX : Role.APP;
    }
    if (placement == null) {
      return Role.PLAIN;
    }
    boolean onlyPause = !processes.isEmpty() && processes.stream()
        .map(all::get)
        .allMatch(p -> p.kind == ProcessKind.CONTAINER && p.row.command().equals("/pause"));
    return onlyPause ? Role.SANDBOX : Role.APP;
  }
}
