package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Pod;
import io.podmortem.model.Role;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container whose attempt is above 0 was started again after an earlier instance of it exited. The node may
 * still hold several attempts of one container; the finding is about the latest, once per container of a pod. A
 * pod in CrashLoopBackOff makes it medium.
 */
public final class ContainerRestartedRule implements Rule {
  @Override
  public String id() {
    return "container-restarted";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    Map<String, Container> latest = new LinkedHashMap<>();
    for (Container c : ctx.node().containers()) {
      if (c.attempt() == null || c.attempt() == 0 || c.pod() == null) {
        continue;
      }
      String key = c.pod().uid() + "/" + c.containerName();
      latest.merge(key, c, (a, b) -> Comparator.comparing(Container::attempt).compare(a, b) >= 0 ? a : b);
    }
    // Grouped once: a runtime's event log, and a node, can hold many thousand of each.
    Map<String, List<io.podmortem.model.RuntimeEvent>> ends = new java.util.HashMap<>();
    for (io.podmortem.model.RuntimeEvent e : ctx.node().runtimeEvents()) {
      if (e.container() != null && (e.kind().equals("container-died") || e.kind().equals("container-oom"))) {
        ends.computeIfAbsent(e.container(), k -> new ArrayList<>()).add(e);
      }
    }
    Map<List<Object>, List<Container>> byName = new java.util.HashMap<>();
    for (Container k : ctx.node().containers()) {
      if (k.pod() != null) {
        byName.computeIfAbsent(java.util.Arrays.asList(k.pod(), k.containerName()), x -> new ArrayList<>()).add(k);
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Container c : latest.values()) {
      Pod pod = ctx.node().pods().stream().filter(p -> p.containerIds().contains(c.id() != null ? c.id()
          : c.shortId())).findFirst().orElse(null);
      boolean crashLoop = pod != null && "CrashLoopBackOff".equals(pod.status());
      String what = c.role() == Role.SANDBOX
          ? "The sandbox of pod " + c.pod().name() + " was recreated: this is attempt " + c.attempt()
              + ", so the pod lost its network namespace at least once"
          : "Container " + c.containerName() + " of pod " + c.pod().name() + " has restarted: the node holds attempt "
              + c.attempt() + (c.restarts() == null ? "" : " and the API counts " + c.restarts() + " restarts")
              + (crashLoop ? "; the pod is in CrashLoopBackOff, so it keeps failing"
                  : ", so an earlier instance exited (crashed, was OOM-killed or failed a probe)");
      List<io.podmortem.model.SourceRef> refs = new ArrayList<>(c.evidence().of("name"));
      if (crashLoop) {
        refs.addAll(pod.evidence().of("status"));
      }
      String exits = earlierExits(c, byName.getOrDefault(java.util.Arrays.asList(c.pod(), c.containerName()),
          List.of()), ends, refs);
      out.add(new Finding(id(), crashLoop ? Severity.MEDIUM : Severity.LOW, c.shortId(), what + "." + exits, refs));
    }
    return out;
  }

  /**
   * How the earlier attempts the node still holds ended, as {@code docker events} recorded it: their deaths, with
   * exit codes, and OOM kills. Empty when no event concerns them.
   */
  private static String earlierExits(Container c, List<Container> sameName,
      Map<String, List<io.podmortem.model.RuntimeEvent>> ends, List<io.podmortem.model.SourceRef> refs) {
    List<String> said = new ArrayList<>();
    int more = 0;
    for (Container earlier : sameName) {
      if (earlier == c || earlier.attempt() == null || earlier.attempt() >= c.attempt()) {
        continue;
      }
      for (io.podmortem.model.RuntimeEvent e : ends.getOrDefault(earlier.shortId(), List.of())) {
        if (said.size() == MAX_EXITS_SAID) {
          more++;
          continue;
        }
        said.add("attempt " + earlier.attempt() + " (" + earlier.shortId() + ") " + (e.kind().equals("container-oom")
            ? "was OOM-killed" : "exited" + (e.exitCode() == null ? "" : " with exit code " + e.exitCode()))
            + " at " + e.time());
        refs.add(e.ref());
      }
    }
    return said.isEmpty() ? "" : " docker events recorded how: " + String.join("; ", said)
        + (more == 0 ? "" : "; and " + more + " more") + ".";
  }

  /** How many earlier ends one finding spells out. */
  private static final int MAX_EXITS_SAID = 5;
}
