package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A host path mounted into a container that gives it the node: the root folder, /etc, /var/run, or a container
 * runtime's socket, through which it can start a privileged container of its own.
 */
public final class SensitiveMountRule implements Rule {
  private static final Set<String> SENSITIVE = Set.of("/", "/etc", "/var/run", "/run", "/var/run/docker.sock",
      "/run/docker.sock", "/run/containerd/containerd.sock", "/var/run/containerd/containerd.sock",
      "/var/run/crio/crio.sock", "/run/crio/crio.sock", "/var/lib/kubelet", "/root", "/proc", "/sys");

  @Override
  public String id() {
    return "sensitive-host-mount";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Container c : ctx.node().containers()) {
      if (c.security() == null) {
        continue;
      }
      for (String mount : c.security().hostMounts()) {
        String host = hostPath(mount);
        if (SENSITIVE.contains(host)) {
          boolean readOnly = readOnly(mount);
          out.add(new Finding(id(), readOnly && !host.endsWith(".sock") ? Severity.MEDIUM : Severity.HIGH,
              c.shortId(), Names.of(c) + " mounts the node's " + host + (readOnly ? " read-only" : "") + " ("
              + mount + ")" + (host.endsWith(".sock") ? ": through the runtime's socket it can start a privileged "
              + "container and so own the node." : "."), c.evidence().of("security")));
        }
      }
    }
    return out;
  }

  /** Docker's bind options come in any order after the second colon: {@code rslave,ro} is read-only too. */
  static boolean readOnly(String bind) {
    String[] parts = bind.split(":");
    return parts.length >= 3 && java.util.Arrays.asList(parts[parts.length - 1].split(",")).contains("ro");
  }

  /** {@code /var/run/docker.sock:/var/run/docker.sock:ro} gives {@code /var/run/docker.sock}. */
  static String hostPath(String bind) {
    int colon = bind.indexOf(':');
    String host = colon < 0 ? bind : bind.substring(0, colon);
    return host.length() > 1 && host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
  }
}
