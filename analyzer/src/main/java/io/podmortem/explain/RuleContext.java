package io.podmortem.explain;

import io.podmortem.model.Node;
import java.time.LocalDate;
import java.util.Map;

/** What a rule may read: the node, the snapshot date where known, and the knowledge base's explanations. */
public record RuleContext(Node node, LocalDate snapshotDate, Map<String, ContainerExplanation> explanations) {}
