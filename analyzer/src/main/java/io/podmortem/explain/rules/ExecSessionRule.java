package io.podmortem.explain.rules;

import io.podmortem.explain.ExecSessions;
import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.explain.Texts;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Process;
import io.podmortem.model.RuntimeEvent;
import io.podmortem.model.SourceRef;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Someone ran a command inside a container ({@code docker exec}, {@code kubectl exec}, {@code crictl exec}): a
 * process that runs beside the container's init, or a session that {@code docker events} recorded, which may have
 * ended before the snapshot and left no process.
 */
public final class ExecSessionRule implements Rule {
  @Override
  public String id() {
    return "exec-session";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    // Grouped once: a runtime's event log can hold many thousand sessions.
    java.util.Map<String, List<RuntimeEvent>> events = new java.util.HashMap<>();
    for (RuntimeEvent e : ctx.node().runtimeEvents()) {
      if (e.container() != null) {
        events.computeIfAbsent(e.container(), k -> new ArrayList<>()).add(e);
      }
    }
    for (Container c : ctx.node().containers()) {
      for (Process p : ExecSessions.of(ctx.node(), c)) {
        out.add(new Finding(id(), Severity.MEDIUM, c.shortId(), "Someone ran a command inside " + Names.of(c)
            .substring(0, 1).toLowerCase(java.util.Locale.ROOT) + Names.of(c).substring(1) + ": "
            + Processes.describe(p) + (p.startedAt() == null ? "" : ", started " + p.startedAt()) + ", runs beside "
            + "its init as a child of the runtime's shim, the way docker exec, kubectl exec and crictl exec start "
            + "them.", p.evidence().of("command")));
      }
      out.addAll(recorded(ctx, c, events.getOrDefault(c.shortId(), List.of())));
    }
    return out;
  }

  /**
   * The sessions {@code docker events} recorded in the container, each with its end where one was recorded. A
   * session whose command a live exec process runs is that process's, and already said.
   */
  private List<Finding> recorded(RuleContext ctx, Container c, List<RuntimeEvent> mine) {
    java.util.Set<String> live = new java.util.HashSet<>();
    ExecSessions.of(ctx.node(), c).forEach(p -> live.add(p.command()));
    java.util.Map<String, RuntimeEvent> ends = new java.util.HashMap<>();
    for (RuntimeEvent e : mine) {
      if (e.kind().equals("exec-finished") && e.session() != null) {
        ends.putIfAbsent(e.session(), e);
      }
    }
    List<Finding> out = new ArrayList<>();
    int more = 0;
    SourceRef lastMore = null;
    for (RuntimeEvent start : mine) {
      if (!start.kind().equals("exec-started") || start.command() == null) {
        continue;
      }
      if (out.size() == MAX_RECORDED) {
        more++;
        lastMore = start.ref();
        continue;
      }
      RuntimeEvent end = start.session() == null ? null : ends.get(start.session());
      String command = start.command().strip();
      if (end == null && live.contains(command)) {
        continue;
      }
      List<SourceRef> refs = new ArrayList<>(List.of(start.ref()));
      String ended;
      if (end != null) {
        refs.add(end.ref());
        ended = "it ended at " + end.time() + (end.exitCode() == null ? "" : " with exit code " + end.exitCode());
      } else {
        ended = "the events record no end, and no process of the snapshot runs it";
      }
      out.add(new Finding(id(), Severity.MEDIUM, c.shortId(), "Someone ran a command inside " + Names.of(c)
          .substring(0, 1).toLowerCase(java.util.Locale.ROOT) + Names.of(c).substring(1) + ": '"
          + Texts.abbreviate(command.replaceAll("\\s+", " "), 200) + "', started " + start.time()
          + " (docker events recorded the exec session); "
          + ended + ".", refs));
    }
    if (more > 0) {
      out.add(new Finding(id(), Severity.MEDIUM, c.shortId(), "docker events recorded " + more + " more exec "
          + "sessions inside " + Names.of(c).substring(0, 1).toLowerCase(java.util.Locale.ROOT)
          + Names.of(c).substring(1) + " than the " + MAX_RECORDED + " above; the last is cited.",
          List.of(lastMore)));
    }
    return out;
  }

  /** How many recorded sessions of one container are spelled out, each in a finding of its own. */
  private static final int MAX_RECORDED = 20;
}
