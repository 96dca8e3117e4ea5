package io.podmortem.model;

import java.util.List;

/**
 * Which node of the cluster the bundle is from, and how that was decided.
 *
 * @param name the node's name as the API knows it, or null when no source says
 * @param reason how the name was decided, in a sentence a reader can check against the evidence
 * @param refs the lines the decision rests on
 * @param disagreements what the sources said that the decision overrode (a hostname that is not the node name,
 *     pods of this node's containers that the API places elsewhere); empty when they agree
 */
public record NodeIdentity(String name, String reason, List<SourceRef> refs, List<String> disagreements) {
  public NodeIdentity {
    refs = List.copyOf(refs);
    disagreements = List.copyOf(disagreements);
  }
}
