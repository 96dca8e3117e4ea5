package io.podmortem.model;

import java.util.List;

/**
 * The collection's own facts, from a collector bundle's manifest: who collected what, when, and what failed.
 *
 * @param integrity outputs whose sha256 does not match the manifest, or that are missing
 */
public record Collection(
    String collector,
    String version,
    String host,
    String startedAt,
    String finishedAt,
    String user,
    List<CollectedCommand> commands,
    List<String> warnings,
    List<IntegrityProblem> integrity,
    SourceRef ref) {
  public Collection {
    commands = List.copyOf(commands);
    warnings = List.copyOf(warnings);
    integrity = List.copyOf(integrity);
  }
}
