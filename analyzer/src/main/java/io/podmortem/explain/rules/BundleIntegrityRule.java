package io.podmortem.explain.rules;

import io.podmortem.explain.Rule;
import io.podmortem.explain.RuleContext;
import io.podmortem.model.Collection;
import io.podmortem.model.Finding;
import io.podmortem.model.IntegrityProblem;
import io.podmortem.model.Severity;
import io.podmortem.model.SourceRef;
import java.util.ArrayList;
import java.util.List;

/**
 * An output whose bytes differ from the sha256 the collector recorded, or that is missing: the bundle was changed
 * after collection, or damaged. What it says cannot be trusted as evidence.
 */
public final class BundleIntegrityRule implements Rule {
  @Override
  public String id() {
    return "bundle-integrity";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    Collection c = ctx.node().collection();
    List<Finding> out = new ArrayList<>();
    if (c == null) {
      return out;
    }
    for (IntegrityProblem p : c.integrity()) {
      String message = p.actual() == null
          ? "The manifest lists " + p.entry() + " with sha256 " + p.expected() + ", but the bundle does not hold it "
              + "whole: it was removed, cut by a limit, or the archive broke off."
          : p.entry() + " does not match the manifest: sha256 " + p.actual() + " where the collector recorded "
              + p.expected() + ". It was changed after collection; treat what it shows as unverified.";
      out.add(new Finding(id(), Severity.HIGH, p.entry(), message, List.of(c.ref(), new SourceRef(p.entry(), 0))));
    }
    return out;
  }
}
