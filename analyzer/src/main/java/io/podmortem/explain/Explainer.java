package io.podmortem.explain;

import io.podmortem.explain.rules.Rules;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Node;
import io.podmortem.model.Process;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Adds what the knowledge base knows about each container, and runs every rule. */
public final class Explainer {
  private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
      .thenComparing(Finding::id).thenComparing(Finding::subject).thenComparing(Finding::message);

  private final Knowledge knowledge;
  private final List<Rule> rules;

  public Explainer(Knowledge knowledge, List<Rule> rules) {
    this.knowledge = knowledge;
    this.rules = List.copyOf(rules);
  }

  public static Explainer standard() {
    return new Explainer(Knowledge.load(), Rules.all(EolTable.load()));
  }

  public Analysis explain(Node node, LocalDate snapshotDate) {
    return explain(node, snapshotDate, "");
  }

  public Analysis explain(Node node, LocalDate snapshotDate, String bundleDigest) {
    Map<String, ContainerExplanation> explanations = new HashMap<>();
    for (Container c : node.containers()) {
      explanations.put(c.shortId(), explain(node, c));
    }
    RuleContext ctx = new RuleContext(node, snapshotDate, explanations);
    List<Finding> findings = new ArrayList<>();
    for (Rule r : rules) {
      findings.addAll(r.evaluate(ctx));
    }
    findings.sort(ORDER);
    return new Analysis(node, snapshotDate, explanations, findings, bundleDigest);
  }

  private ContainerExplanation explain(Node node, Container c) {
    Optional<Component> byImage = knowledge.byImage(c.image());
    if (byImage.isPresent()) {
      return new ContainerExplanation(byImage.get(), "image " + c.image(), null);
    }
    String command = firstCommand(node, c);
    Optional<Component> byCommand = knowledge.byCommand(command);
    if (byCommand.isEmpty()) {
      return new ContainerExplanation(null, null, null);
    }
    String note = Images.isId(c.image())
        ? "Its command '" + shorten(command) + "' reveals " + byCommand.get().name() + "."
        : null;
    return new ContainerExplanation(byCommand.get(), "command " + shorten(command), note);
  }

  /** The container's first process's command (the most complete), or the runtime's possibly cut command. */
  private static String firstCommand(Node node, Container c) {
    List<Process> ps = node.processesOf(c);
    if (!ps.isEmpty()) {
      return ps.get(0).command();
    }
    return c.command();
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 59) + "…" : s;
  }
}
