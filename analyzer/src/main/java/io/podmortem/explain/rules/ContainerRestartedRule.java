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
      String exits = earlierExits(ctx, c, refs);
      out.add(new Finding(id(), crashLoop ? Severity.MEDIUM : Severity.LOW, c.shortId(), what + "." + exits, refs));
    }
    return out;
  }

  /**
   * How the earlier attempts the node still holds ended, as {@code docker events} recorded it: their deaths, with
   * exit codes, and OOM kills. Empty when no event concerns them.
   */
  private static String earlierExits(RuleContext ctx, Container c, List<io.podmortem.model.SourceRef> refs) {
    List<String> said = new ArrayList<>();
    for (Container earlier : ctx.node().containers()) {
      if (earlier == c || earlier.pod() == null || !java.util.Objects.equals(c.pod(), earlier.pod())
          || !java.util.Objects.equals(c.containerName(), earlier.containerName()) || earlier.attempt() == null
          || earlier.attempt() >= c.attempt()) {
        continue;
      }
      for (io.podmortem.model.RuntimeEvent e : ctx.node().runtimeEvents()) {
        if (!earlier.shortId().equals(e.container())) {
          continue;
        }
        if (e.kind().equals("container-died")) {
          said.add("attempt " + earlier.attempt() + " (" + earlier.shortId() + ") exited"
              + (e.exitCode() == null ? "" : " with exit code " + e.exitCode()) + " at " + e.time());
          refs.add(e.ref());
        } else if (e.kind().equals("container-oom")) {
          said.add("attempt " + earlier.attempt() + " (" + earlier.shortId() + ") was OOM-killed at " + e.time());
          refs.add(e.ref());
        }
      }
    }
    return said.isEmpty() ? "" : " docker events recorded how: " + String.join("; ", said) + ".";
  }
}
