package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Drift;
import io.podmortem.model.DriftEntry;
import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import io.podmortem.model.SourceRef;
import java.util.ArrayList;
import java.util.List;

/**
 * What a container wrote to its root filesystem that deserves a look. New executables and setuid or setgid files are
 * high, one finding each. Files in temp folders or hidden paths, and changes under /etc and the bin folders, are
 * medium: one finding per container that names them, since a busy node's containers write hundreds of such files
 * and a finding per file would bury the rest of the report. The container's drift table lists every one.
 */
public final class DriftRule implements Rule {
  /** The most paths one medium finding names; the rest are counted. */
  static final int MAX_NAMED = 8;

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
      List<DriftEntry> medium = new ArrayList<>();
      for (DriftEntry e : d.notable()) {
        if (!e.change().equals("deleted") && (e.executable() || e.setuidOrSetgid())) {
          out.add(new Finding(id(), Severity.HIGH, c.shortId(), Names.of(c) + " " + change(e) + " since it started.",
              List.of(e.ref())));
        } else {
          medium.add(e);
        }
      }
      // The builder keeps the first notable changes only: say so, rather than pass their number for the whole.
      String cut = d.notableCount() <= d.notable().size() ? "" : " The upper dir holds " + d.notableCount()
          + " notable changes in all; the report lists the first " + d.notable().size() + ".";
      if (medium.size() == 1) {
        DriftEntry e = medium.get(0);
        out.add(new Finding(id(), Severity.MEDIUM, c.shortId(), Names.of(c) + " " + change(e) + " since it started."
            + cut, List.of(e.ref())));
      } else if (!medium.isEmpty()) {
        out.add(grouped(c, medium, cut));
      }
    }
    return out;
  }

  private Finding grouped(Container c, List<DriftEntry> medium, String cut) {
    StringBuilder m = new StringBuilder(Names.of(c)).append(" made ").append(medium.size())
        .append(" notable changes since it started: ");
    List<SourceRef> refs = new ArrayList<>();
    int named = Math.min(medium.size(), MAX_NAMED);
    for (int i = 0; i < named; i++) {
      m.append(i == 0 ? "" : "; ").append(change(medium.get(i)));
      refs.add(medium.get(i).ref());
    }
    if (medium.size() > named) {
      m.append("; and ").append(medium.size() - named).append(" more in its drift table");
    }
    return new Finding(id(), Severity.MEDIUM, c.shortId(), m.append('.').append(cut).toString(), refs);
  }

  /** "added a file /tmp/x (mode 600, uid 0, 12 bytes)", or "deleted /etc/issue". */
  private static String change(DriftEntry e) {
    if (e.change().equals("deleted")) {
      // A deletion's listing entry is overlayfs's whiteout, whose mode and size say nothing of the deleted file.
      return "deleted " + e.path();
    }
    String what = e.setuidOrSetgid() ? "a setuid/setgid file" : e.executable() ? "an executable"
        : e.type() == 'l' ? "a symlink" : "a file";
    return e.change() + " " + what + " " + e.path() + " (mode " + Integer.toOctalString(e.mode()) + ", uid "
        + e.uid() + ", " + e.size() + " bytes)";
  }
}
