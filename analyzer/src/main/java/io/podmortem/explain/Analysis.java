package io.podmortem.explain;

import io.podmortem.model.Finding;
import io.podmortem.model.Node;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The node model with what the knowledge base and the rules add to it.
 *
 * @param snapshotDate the date the bundle was collected, where it says; null otherwise
 * @param explanations by container short ID
 * @param findings sorted by severity, then id, then subject
 * @param bundleDigest sha256 over the bundle's entries and their sha256, which keys the redaction tokens
 */
public record Analysis(Node node, LocalDate snapshotDate, Map<String, ContainerExplanation> explanations,
    List<Finding> findings, String bundleDigest) {
  public Analysis {
    explanations = Map.copyOf(explanations);
    findings = List.copyOf(findings);
  }

  public ContainerExplanation explanation(String shortId) {
    return explanations.get(shortId);
  }
}
