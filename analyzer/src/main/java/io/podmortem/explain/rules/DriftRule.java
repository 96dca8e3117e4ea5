package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Drift;
import io.podmortem.model.DriftEntry;
import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * What a container wrote to its root filesystem that deserves a look: new executables and setuid or setgid files
 * (high), files in temp folders or hidden paths, and changes under /etc and the bin folders (medium).
 */
public final class DriftRule implements Rule {
  @Override
  public String id() {
    return "drift";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Container c : ctx.node().containers()) {
      Drift d = c.rootfs().drift();
      if (d == null) {
        continue;
      }
      for (DriftEntry e : d.notable()) {
        boolean high = !e.change().equals("deleted") && (e.executable() || e.setuidOrSetgid());
        String what = e.setuidOrSetgid() ? "a setuid/setgid file" : e.executable() ? "an executable"
            : e.type() == 'l' ? "a symlink" : "a file";
        // A deletion's listing entry is overlayfs's whiteout, whose mode and size say nothing of the deleted file.
        String details = e.change().equals("deleted") ? ""
            : " (mode " + Integer.toOctalString(e.mode()) + ", uid " + e.uid() + ", " + e.size() + " bytes)";
        out.add(new Finding(id(), high ? Severity.HIGH : Severity.MEDIUM, c.shortId(), Names.of(c) + " "
            + e.change() + " " + (e.change().equals("deleted") ? "" : what + " ") + e.path() + details
            + " since it started.", List.of(e.ref())));
      }
    }
    return out;
  }
}
