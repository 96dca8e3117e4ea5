package io.podmortem.assemble;

import io.podmortem.source.Commands;
import io.podmortem.source.ShellWords;
import java.util.List;
import java.util.Set;

/**
 * A runtime shim's command line, which names the container (or, for containerd's CRI, the sandbox) it holds.
 *
 * <pre>
 * /usr/bin/containerd-shim-runc-v2 -namespace moby -id fd95c597ff31… -address /run/containerd/containerd.sock
 * docker-containerd-shim f9658074c32e2149c34afda3c3e6d34485192635fdbc8740b2453a0 /var/run/docker/libcontainerd/…
 * /usr/bin/conmon -b /run/containers/storage/overlay-containers/e0c…/userdata -c e0c85fe7… -u e0c85fe7… …
 * </pre>
 *
 * @param id the container ID as the command gives it (systemd-cgls may have cut it short)
 * @param namespace containerd's namespace ({@code moby} for Docker, {@code k8s.io} for the CRI), or null
 * @param name conmon's {@code -n}: the container's name, {@code k8s_<ctr>_<pod>_<ns>_<uid>_<attempt>} under
 *     CRI-O; null for other shims
 * @param logPath conmon's {@code -l}: {@code /var/log/pods/<ns>_<pod>_<uid>/<ctr>/<attempt>.log}; or null
 */
public record ShimCommand(String binary, String id, String namespace, String name, String logPath) {
  private static final Set<String> SHIMS = Set.of("containerd-shim-runc-v2", "containerd-shim-runc-v1",
      "containerd-shim", "docker-containerd-shim", "containerd-shim-kata-v2", "conmon");

  /**
   * containerd names every runtime v2 shim {@code containerd-shim-<runtime>-<version>}.
   *
   * <p>Example matches: {@code containerd-shim-spin-v2}, {@code containerd-shim-runsc-v1},
   * {@code containerd-shim-wasmtime-v1}
   */
  private static final java.util.regex.Pattern RUNTIME_V2_SHIM =
      java.util.regex.Pattern.compile("containerd-shim-[a-z0-9]{1,32}(?:-[a-z0-9]{1,32}){0,3}-v[12]");

  /** Parses a command; null when it is not a shim's. */
  public static ShimCommand parse(String command) {
    if (command == null || command.startsWith("[")) {
      return null;
    }
    List<String> w = ShellWords.words(command);
    if (w.isEmpty() || !(SHIMS.contains(Commands.basename(w.get(0)))
        || RUNTIME_V2_SHIM.matcher(Commands.basename(w.get(0))).matches())) {
      return null;
    }
    String binary = Commands.basename(w.get(0));
    String id;
    if (binary.equals("conmon")) {
      id = Commands.option(w, "--cid", "-c");
    } else if (binary.equals("docker-containerd-shim")) {
      id = w.size() > 1 ? w.get(1) : null;
    } else {
      id = Commands.option(w, "-id", null);
      if (id == null) {
        String workdir = Commands.option(w, "-workdir", null);
        id = workdir == null ? null : Commands.basename(workdir);
      }
    }
    if (id != null && id.endsWith("…")) {
      id = id.substring(0, id.length() - 1);
    }
    boolean conmon = binary.equals("conmon");
    return new ShimCommand(binary, id, Commands.option(w, "-namespace", null),
        conmon ? Commands.option(w, "--name", "-n") : null, conmon ? Commands.option(w, "--log-path", "-l") : null);
  }
}
