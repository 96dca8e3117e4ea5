package io.podmortem.cli;

import io.podmortem.assemble.NodeAssembler;
import io.podmortem.bundle.BundleReader;
import io.podmortem.bundle.Limits;
import io.podmortem.explain.Analysis;
import io.podmortem.explain.Explainer;
import io.podmortem.model.Node;
import io.podmortem.source.Observations;
import io.podmortem.source.SourceReader;
import java.nio.file.Path;
import java.util.List;

/** Runs the pipeline on one bundle: read, sniff and parse, assemble, explain. */
public final class Analyzer {
  private final Limits limits;

  public Analyzer(Limits limits) {
    this.limits = limits;
  }

  public Analysis analyze(Path bundle) {
    SourceReader sources = new SourceReader(limits.maxLineChars());
    List<String> warnings = new BundleReader(limits).read(bundle, sources);
    Observations obs = sources.warnings(warnings).observations();
    Node node = new NodeAssembler().assemble(obs);
    return Explainer.standard().explain(node, null);
  }
}
