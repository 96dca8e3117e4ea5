package io.podmortem.source;

/** The formats the sniffer recognises, with the names the report's Sources section shows. */
public enum Format {
  MANIFEST("podmortem manifest"),
  SOS_MANIFEST("sos manifest"),
  SOS_VERSION("sos version.txt"),
  TRANSCRIPT("shell transcript"),
  DOCKER_INSPECT("docker inspect JSON"),
  DOCKER_PS_JSON("docker ps JSON lines"),
  PROC_CGROUP("/proc/<pid>/cgroup"),
  CGROUP_PROCS("cgroup.procs"),
  MOUNTINFO("mountinfo"),
  ROOTFS_TABLE("container layer table"),
  LISTING("file listing"),
  CRI_PODS("crictl pods"),
  CRI_CONTAINERS("crictl containers"),
  KUBECTL_PODS_JSON("kubectl get pods JSON"),
  JSON("JSON"),
  STDERR("stderr"),
  PS_FOREST("ps"),
  PSTREE("pstree"),
  DOCKER_PS("docker ps table"),
  DOCKER_EVENTS("docker events"),
  DOCKER_STATS("docker stats"),
  KUBECTL_PODS("kubectl get pods table"),
  SYSTEMD_CGLS("systemd-cgls tree"),
  OS_RELEASE("os-release"),
  FILE_OUTPUT("file output"),
  FIND_LISTING("find listing"),
  TREE_LISTING("ls -R or tar -t listing"),
  COUNT("wc -l count"),
  VALUE("single value"),
  EMPTY("empty"),
  UNKNOWN("unknown");

  private final String label;

  Format(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
