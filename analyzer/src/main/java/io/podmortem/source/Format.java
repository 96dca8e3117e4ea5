package io.podmortem.source;

/** The formats the sniffer recognises, with the names the report's Sources section shows. */
public enum Format {
  TRANSCRIPT("shell transcript"),
  PS_FOREST("ps"),
  DOCKER_PS("docker ps table"),
  KUBECTL_PODS("kubectl get pods table"),
  SYSTEMD_CGLS("systemd-cgls tree"),
  OS_RELEASE("os-release"),
  FILE_OUTPUT("file output"),
  FIND_LISTING("find listing"),
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
