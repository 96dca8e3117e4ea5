package io.podmortem.assemble;

import io.podmortem.model.PodRef;
import io.podmortem.model.RuntimeState;
import io.podmortem.model.Security;
import io.podmortem.source.DockerContainer;

/**
 * Folds what {@code docker inspect} says into a container draft. Inspect is the most precise source, so its values
 * replace those of tables; its dockershim labels name the pod where the container's name does not.
 */
final class DockerInspectAssembler {
  private DockerInspectAssembler() {}

  static void apply(DockerContainer d, ContainerDraft c) {
    c.runtime = d.engine();
    c.name = d.name();
    c.evidence.add("name", d.ref()).add("id", d.ref());
    c.dockershim = DockershimName.parse(d.name());
    if (c.dockershim == null && d.label("io.kubernetes.pod.name") != null) {
      c.labelPod = new PodRef(d.label("io.kubernetes.pod.namespace"), d.label("io.kubernetes.pod.name"),
          d.label("io.kubernetes.pod.uid"));
      c.labelContainerName = d.label("io.kubernetes.container.name");
      c.labelSandbox = "podsandbox".equals(d.label("io.kubernetes.docker.type"));
    }
    c.imageId(d.imageId());
    if (d.label("io.kubernetes.sandbox.id") != null) {
      c.sandboxId = d.label("io.kubernetes.sandbox.id");
    } else if ("podsandbox".equals(d.label("io.kubernetes.docker.type")) || (c.dockershim != null
        && c.dockershim.isSandbox())) {
      c.sandboxId = d.id();
    }
    if (d.image() != null) {
      c.image = d.image();
      c.evidence.add("image", d.ref());
    }
    java.util.List<String> argv = new java.util.ArrayList<>();
    if (d.path() != null && !d.path().isEmpty()) {
      argv.add(d.path());
    }
    argv.addAll(d.args());
    String command = io.podmortem.source.Commands.join(argv);
    if (!command.isBlank()) {
      c.command = command;
      c.evidence.add("command", d.ref());
    }
    c.status = d.status();
    c.evidence.add("status", d.ref());
    c.state = new RuntimeState(d.status(), d.running(), d.pid() == 0 ? null : d.pid(), d.exitCode(), d.oomKilled(),
        d.restartCount(), d.createdAt(), d.startedAt(), d.finishedAt(), d.user());
    c.security = new Security(d.privileged(), "host".equals(d.networkMode()), "host".equals(d.pidMode()),
        "host".equals(d.ipcMode()), d.capAdd(), d.binds());
    c.evidence.add("security", d.ref());
    if (d.cgroupParent() != null && !d.cgroupParent().isEmpty()) {
      CgroupPlacement pl = CgroupPaths.parse(d.cgroupParent());
      if (pl != null && c.placement == null) {
        c.placement = new CgroupPlacement(pl.qos(), pl.podUid(), pl.podCgroup(), d.id(), "docker");
        c.evidence.add("qosClass", d.ref());
      }
      if (c.cgroup == null) {
        c.cgroup = d.cgroupParent().endsWith(".slice")
            ? d.cgroupParent() + "/docker-" + d.id() + ".scope"
            : d.cgroupParent() + "/" + d.id();
        c.evidence.add("cgroup", d.ref());
      }
    }
    // GraphDriver names a merged dir for every container, but overlay2 mounts it only while the container runs.
    if (d.mergedDir() != null && d.running() && c.rootfsPath == null) {
      c.rootfsPath = d.mergedDir();
      c.evidence.add("rootfs", d.ref());
    }
    // The upper dir holds what the container wrote, and stays until it is removed.
    if (d.upperDir() != null && !d.upperDir().isEmpty() && c.upperDir == null) {
      c.upperDir = d.upperDir();
      c.evidence.add("upperDir", d.ref());
    }
  }
}
