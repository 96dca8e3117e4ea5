package io.podmortem.source;

import java.util.List;

/** A parsed {@code kubectl get pods} table, with or without NAMESPACE and {@code -o wide} columns. */
public record KubectlPodsTable(String entry, List<KubectlPodRow> rows) {
  public KubectlPodsTable {
    rows = List.copyOf(rows);
  }
}
