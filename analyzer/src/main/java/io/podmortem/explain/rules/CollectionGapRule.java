package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.CollectedCommand;
import io.podmortem.model.Collection;
import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A collector command that failed or timed out leaves a gap: the finding says what the report cannot tell
 * because of it. Skipped commands (a tool the node lacks) are listed in the report, not flagged.
 */
public final class CollectionGapRule implements Rule {
  /** What each folder of the bundle tells, and so what its loss rules out. */
  private static final Map<String, String> RULES_OUT = Map.of(
      "ps/", "processes, their users and their PIDs",
      "proc/", "which container each process runs in",
      "cgroup/", "the cgroup tree and the QoS classes it shows",
      "mounts/", "which overlay mounts back each running container",
      "docker/", "Docker's own view of its containers: names, images, states and layers",
      "cri/", "the CRI runtime's view of pods and containers",
      "kube/", "pod status as the API server sees it",
      "rootfs/", "what the containers' root filesystems hold",
      "host/", "facts about the host itself");
  /** The same for sos's plugins, named by the manifest. */
  private static final Map<String, String> PLUGIN_RULES_OUT = Map.of(
      "process", "processes, their users and their PIDs",
      "cgroups", "the cgroup tree and the QoS classes it shows",
      "docker", "Docker's own view of its containers: names, images, states and layers",
      "crio", "the CRI runtime's view of pods and containers",
      "containerd", "the CRI runtime's view of pods and containers",
      "podman", "podman's own view of its containers: names, images, states and layers",
      "kubernetes", "pod status as the API server sees it",
      "host", "facts about the host itself");

  @Override
  public String id() {
    return "collection-gap";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    Collection c = ctx.node().collection();
    List<Finding> out = new ArrayList<>();
    if (c == null) {
      return out;
    }
    boolean sos = "sos".equals(c.collector());
    // sos may run one command twice (a device under two names): one finding says it.
    java.util.Set<String> said = new java.util.HashSet<>();
    for (CollectedCommand k : c.commands()) {
      if (!"failed".equals(k.status()) && !"timeout".equals(k.status())) {
        continue;
      }
      String what = sos ? PLUGIN_RULES_OUT.get(k.name()) : k.output() == null ? null : RULES_OUT.entrySet().stream()
          .filter(e -> k.output().startsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
      String how = "timeout".equals(k.status()) ? "timed out" : "failed with exit code " + k.exitCode();
      String who = sos ? "sos's " + k.name() + " plugin ran '" + k.commandLine() + "', which "
          : "The collector's '" + k.commandLine() + "' ";
      String message = who + how + (what == null ? "." : ": the report may lack " + what + ".")
          + (k.stderr() == null ? "" : " Its stderr is in " + k.stderr() + ".");
      if (said.add(message)) {
        out.add(new Finding(id(), "timeout".equals(k.status()) ? Severity.MEDIUM : Severity.LOW,
            k.name() == null ? "collection" : k.name(), message, List.of(c.ref())));
      }
    }
    return out;
  }
}
