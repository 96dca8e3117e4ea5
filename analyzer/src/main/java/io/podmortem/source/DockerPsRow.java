package io.podmortem.source;

import io.podmortem.model.SourceRef;
import java.util.List;

/**
 * One row of a {@code docker ps} table.
 *
 * @param id the ID as shown: 12 hex chars, or 64 with {@code --no-trunc}
 * @param command the command without its quotes; a truncated one keeps no ellipsis
 * @param commandTruncated true when the table cut the command ({@code …} or {@code ...})
 * @param names the names, split on commas, without a leading slash
 */
public record DockerPsRow(
    SourceRef ref,
    String id,
    String image,
    String command,
    boolean commandTruncated,
    String created,
    String status,
    String ports,
    List<String> names) {
  public DockerPsRow {
    names = List.copyOf(names);
  }
}
