package io.podmortem.explain;

import io.podmortem.assemble.ShimCommand;
import io.podmortem.model.Container;
import io.podmortem.model.Node;
import io.podmortem.model.Process;
import io.podmortem.model.ProcessKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes that someone started inside a container with {@code docker exec}, {@code kubectl exec} or
 * {@code crictl exec}: the runtime starts them as children of the shim (or conmon), beside the container's init,
 * not below it. Under containerd's CRI one shim holds every container of a pod, each container's init a child of
 * it: there only a cgroup that puts two of the shim's children in one container shows an exec session.
 */
public final class ExecSessions {
  private ExecSessions() {}

  /** The container's processes whose parent is a shim and which are not its init. */
  public static List<Process> of(Node node, Container c) {
    List<Process> shimChildren = new ArrayList<>();
    for (Process p : node.processesOf(c)) {
      if (p.parent() == null || node.process(p.parent()).kind() != ProcessKind.SHIM) {
        continue;
      }
      ShimCommand shim = ShimCommand.parse(node.process(p.parent()).command());
      boolean podShim = shim != null && "k8s.io".equals(shim.namespace());
      if (!podShim || !p.evidence().of("container").isEmpty()) {
        shimChildren.add(p);
      }
    }
    if (shimChildren.size() < 2) {
      return List.of();
    }
    Integer initPid = c.state() == null ? null : c.state().pid();
    Process init = shimChildren.stream().filter(p -> initPid != null && initPid.equals(p.pid())).findFirst()
        .orElse(shimChildren.get(0));
    List<Process> out = new ArrayList<>(shimChildren);
    out.remove(init);
    return out;
  }
}
