package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Finding;
import io.podmortem.model.Process;
import io.podmortem.model.ProcessKind;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A user process stuck in uninterruptible sleep (state D) waits on I/O, usually a hung disk or network filesystem,
 * and cannot be killed until it returns. Kernel threads sleep in D by design and are left out.
 */
public final class UninterruptibleProcessRule implements Rule {
  @Override
  public String id() {
    return "uninterruptible-process";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Process p : ctx.node().processes()) {
      if (p.kind() != ProcessKind.KERNEL_THREAD && p.state() != null && p.state().startsWith("D")) {
        out.add(new Finding(id(), Severity.MEDIUM, Processes.subject(p), "Process " + Processes.describe(p) + " "
            + Processes.where(p) + " is in uninterruptible sleep (D): it waits on I/O, often a hung disk or network "
            + "filesystem, and cannot be killed until that returns.", p.evidence().of("state")));
      }
    }
    return out;
  }
}
