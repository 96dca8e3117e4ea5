package io.podmortem.model;

import java.util.List;
import java.util.Objects;

/**
 * Something that looks wrong, or worth knowing, with the sources it rests on.
 *
 * @param id the rule's stable id, such as {@code container-restarted}
 * @param subject what it is about: a container's short ID, a pod's namespace/name, or {@code node}
 */
public record Finding(String id, Severity severity, String subject, String message, List<SourceRef> evidence) {
  public Finding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    evidence = List.copyOf(new java.util.TreeSet<>(evidence));
  }
}
