package io.podmortem.explain.rules;

import io.podmortem.explain.EolTable;
import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.RootFs;
import io.podmortem.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** A container whose base OS was past its end of life on the snapshot date gets no security fixes. */
public final class EndOfLifeOsRule implements Rule {
  private final EolTable table;

  public EndOfLifeOsRule(EolTable table) {
    this.table = table;
  }

  @Override
  public String id() {
    return "base-os-end-of-life";
  }

  private static List<io.podmortem.model.SourceRef> osRefs(RootFs fs) {
    List<io.podmortem.model.SourceRef> refs = new ArrayList<>(fs.evidence().of("os"));
    refs.addAll(fs.evidence().of("osId"));
    refs.addAll(fs.evidence().of("osVersion"));
    return refs;
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Container c : ctx.node().containers()) {
      RootFs fs = c.rootfs();
      if (fs.os() == null && fs.osId() == null) {
        continue;
      }
      table.find(fs.osId(), fs.osVersion(), fs.os()).ifPresent(r -> {
        String note = r.note() == null ? "" : " (" + r.note() + ")";
        String inferred = c.inferred().containsKey("os") ? " (inferred from another container of the same image)" : "";
        String base = "Base OS " + (fs.os() != null ? fs.os() : r.name() + " " + r.cycle()) + inferred + ": "
            + r.name() + " "
            + r.cycle() + " reached its end of life on " + r.eol() + note + " (eol.json, from " + table.sourceName()
            + ").";
        if (ctx.snapshotDate() == null) {
          out.add(new Finding(id(), Severity.LOW, c.shortId(), base + " The bundle holds no collection date, so "
              + "whether it was already past then cannot be told; on any day after " + r.eol() + " it is.",
              osRefs(fs)));
        } else if (ctx.snapshotDate().isAfter(r.eolDate())) {
          out.add(new Finding(id(), Severity.MEDIUM, c.shortId(), base + " The snapshot was taken on "
              + ctx.snapshotDate() + ", after that: the image gets no security fixes.", osRefs(fs)));
        }
      });
    }
    return out;
  }
}
