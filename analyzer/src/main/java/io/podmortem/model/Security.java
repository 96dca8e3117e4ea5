package io.podmortem.model;

import java.util.List;

/**
 * How a container is confined, from the runtime's inspect output.
 *
 * @param hostNetwork true when it shares the node's network namespace
 * @param hostPid true when it shares the node's PID namespace and so sees every process
 * @param hostIpc true when it shares the node's IPC namespace
 * @param capAdd capabilities added beyond the runtime's default set
 * @param hostMounts host paths mounted into it, as {@code /host/path:/container/path[:mode]}
 */
public record Security(
    Boolean privileged,
    Boolean hostNetwork,
    Boolean hostPid,
    Boolean hostIpc,
    List<String> capAdd,
    List<String> hostMounts) {
  public Security {
    capAdd = List.copyOf(capAdd);
    hostMounts = List.copyOf(hostMounts);
  }
}
