package io.podmortem.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** The sources behind each fact of one subject, keyed by the fact's name. Immutable and sorted. */
public record Evidence(SortedMap<String, List<SourceRef>> refs) {
  public static final Evidence NONE = new Evidence(new TreeMap<>());

  public Evidence {
    TreeMap<String, List<SourceRef>> copy = new TreeMap<>();
    refs.forEach((k, v) -> copy.put(k, List.copyOf(new TreeSet<>(v))));
    refs = Collections.unmodifiableSortedMap(copy);
  }

  public List<SourceRef> of(String fact) {
    return refs.getOrDefault(fact, List.of());
  }

  /** Every ref of every fact, sorted and without duplicates. */
  public List<SourceRef> all() {
    TreeSet<SourceRef> all = new TreeSet<>();
    refs.values().forEach(all::addAll);
    return List.copyOf(all);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects refs while a subject is assembled. */
  public static final class Builder {
    private final Map<String, List<SourceRef>> refs = new TreeMap<>();

    public Builder add(String fact, SourceRef ref) {
      if (ref != null) {
        refs.computeIfAbsent(fact, k -> new ArrayList<>()).add(ref);
      }
      return this;
    }

    public Builder addAll(String fact, List<SourceRef> more) {
      more.forEach(r -> add(fact, r));
      return this;
    }

    public Evidence build() {
      return new Evidence(new TreeMap<>(refs));
    }
  }
}
