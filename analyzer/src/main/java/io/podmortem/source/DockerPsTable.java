package io.podmortem.source;

import java.util.List;

/** A parsed {@code docker ps} table. */
public record DockerPsTable(String entry, List<DockerPsRow> rows) {
  public DockerPsTable {
    rows = List.copyOf(rows);
  }
}
