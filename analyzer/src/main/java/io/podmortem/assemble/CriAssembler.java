package io.podmortem.assemble;

import io.podmortem.model.PodRef;
import io.podmortem.model.RuntimeState;
import io.podmortem.model.Security;
import java.util.List;
import io.podmortem.source.CriContainer;
import io.podmortem.source.CriPod;
import java.util.Map;

/**
 * Folds what crictl says (containerd or CRI-O) into container drafts: a pod sandbox becomes the pod's sandbox
 * container, and each container gets its pod, name and attempt from the kubelet's labels, its state, its cgroup
 * from the runtime spec's {@code cgroupsPath}, and where its root filesystem is mounted.
 */
final class CriAssembler {
  private CriAssembler() {}

  static void sandbox(CriPod p, ContainerDraft c) {
    c.runtime = better(c.runtime, runtimeOf(p.annotations(), p.cgroupsPath(), null));
    c.evidence.add("id", p.ref()).add("name", p.ref());
    c.labelPod = new PodRef(p.namespace(), p.name(), p.uid());
    c.labelContainerName = "POD";
    c.labelAttempt = p.attempt();
    c.labelSandbox = true;
    c.sandboxId = p.id();
    String crioName = p.annotations().get("io.kubernetes.cri-o.ContainerName");
    if (c.name == null && crioName != null) {
      c.name = crioName;
    }
    boolean ready = "SANDBOX_READY".equals(p.state());
    if (c.state == null) {
      c.status = ready ? "ready" : "notready";
      c.evidence.add("status", p.ref());
      c.state = new RuntimeState(c.status, ready, p.pid(), null, false, null, p.createdAt(), null, null, null);
    }
    cgroup(c, p.cgroupsPath(), p.ref());
    if (p.hostNetwork() != null) {
      c.security = new Security(null, p.hostNetwork(), null, null, List.of(), List.of());
      c.evidence.add("security", p.ref());
    }
  }

  /**
   * The sandbox a container's POD ID names: crictl shows it as a pod sandbox, so it exists, and the POD column, where
   * the table has one, names its pod. Nothing is taken over a sandbox that crictl pods described.
   */
  static void sandboxOf(CriContainer k, ContainerDraft s) {
    s.sandboxId = s.sandboxId == null ? k.podSandboxId() : s.sandboxId;
    if (s.labelPod != null || s.labelSandbox) {
      return;
    }
    s.evidence.add("id", k.ref());
    Map<String, String> l = k.labels();
    s.runtime = better(s.runtime, runtimeOf(k.annotations(), k.cgroupsPath(), k.snapshotKey()));
    s.labelSandbox = true;
    s.labelContainerName = "POD";
    if (l.get("io.kubernetes.pod.name") != null) {
      s.labelPod = new PodRef(l.get("io.kubernetes.pod.namespace"), l.get("io.kubernetes.pod.name"),
          l.get("io.kubernetes.pod.uid"));
      s.evidence.add("name", k.ref());
    }
  }

  static void container(CriContainer k, ContainerDraft c) {
    c.runtime = better(c.runtime, runtimeOf(k.annotations(), k.cgroupsPath(), k.snapshotKey()));
    c.evidence.add("id", k.ref());
    c.criListed = true;
    Map<String, String> l = k.labels();
    if (l.get("io.kubernetes.pod.name") != null) {
      c.labelPod = new PodRef(l.get("io.kubernetes.pod.namespace"), l.get("io.kubernetes.pod.name"),
          l.get("io.kubernetes.pod.uid"));
      c.evidence.add("name", k.ref());
    }
    c.labelContainerName = k.name() != null ? k.name() : l.get("io.kubernetes.container.name");
    if (k.attempt() != null) {
      c.labelAttempt = k.attempt();
    }
    c.labelSandbox = "sandbox".equals(k.containerType());
    if (k.podSandboxId() != null && c.sandboxId == null) {
      c.sandboxId = k.podSandboxId();
    }
    c.imageId(k.image());
    c.imageId(k.imageRef());
    String crioName = k.annotations().get("io.kubernetes.cri-o.Name");
    if (crioName != null) {
      c.name = crioName;
    }
    // inspect names the image by reference; the list often gives only its sha256 ID.
    if (k.image() != null && (c.image == null || c.image.startsWith("sha256:"))) {
      c.image = k.image();
      c.evidence.add("image", k.ref());
    }
    if (k.args() != null && !k.args().isEmpty() && c.command == null) {
      c.command = io.podmortem.source.Commands.join(k.args());
      c.evidence.add("command", k.ref());
    }
    if (k.state() != null) {
      boolean running = k.state().equals("CONTAINER_RUNNING");
      c.status = k.state().replace("CONTAINER_", "").toLowerCase(java.util.Locale.ROOT);
      c.evidence.add("status", k.ref());
      // A list item lacks what inspect gave (exit code, start and end): keep those, whichever came first.
      RuntimeState old = c.state == null ? new RuntimeState(null, false, null, null, false, null, null, null, null,
          null) : c.state;
      c.state = new RuntimeState(c.status, running, or(k.pid(), old.pid()), or(k.exitCode(), old.exitCode()),
          "OOMKilled".equals(k.reason()) || (k.reason() == null && old.oomKilled()), null,
          or(k.createdAt(), old.createdAt()), or(k.startedAt(), old.startedAt()), or(k.finishedAt(),
          old.finishedAt()), or(k.user(), old.user()));
    }
    cgroup(c, k.cgroupsPath(), k.ref());
    if (k.privileged() && c.security == null) {
      c.security = new Security(true, null, null, null, List.of(), List.of());
      c.evidence.add("security", k.ref());
    }
    // containerd gives the bundle-relative "rootfs"; the mount is under the task's bundle directory, which exists
    // only while the container runs. A stopped container's path would name a folder that is gone.
    boolean mounted = k.rootPath() != null && (k.rootPath().startsWith("/") || "CONTAINER_RUNNING".equals(k.state()));
    if (mounted && c.rootfsPath == null) {
      c.rootfsPath = k.rootPath().startsWith("/") ? k.rootPath()
          : "/run/containerd/io.containerd.runtime.v2.task/k8s.io/" + k.id() + "/" + k.rootPath();
      c.evidence.add("rootfs", k.ref());
    }
  }

  private static void cgroup(ContainerDraft c, String cgroupsPath, io.podmortem.model.SourceRef ref) {
    String path = CgroupPaths.fromCgroupsPath(cgroupsPath);
    if (path == null) {
      return;
    }
    if (c.cgroup == null) {
      c.cgroup = path;
      c.evidence.add("cgroup", ref);
    }
    CgroupPlacement pl = CgroupPaths.parse(path);
    if (pl != null && c.placement == null) {
      c.placement = pl;
      c.evidence.add("qosClass", ref);
    }
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  /** A list item says only "cri"; inspect output names the runtime. Keep the more specific of the two. */
  static String better(String old, String found) {
    return old == null || old.equals("cri") ? found : old;
  }

  private static String runtimeOf(Map<String, String> annotations, String cgroupsPath, String snapshotKey) {
    if (annotations.keySet().stream().anyMatch(k -> k.startsWith("io.kubernetes.cri-o."))
        || (cgroupsPath != null && cgroupsPath.contains(":crio:"))) {
      return "cri-o";
    }
    if (snapshotKey != null || (cgroupsPath != null && cgroupsPath.contains("cri-containerd"))) {
      return "containerd";
    }
    return "cri";
  }
}
