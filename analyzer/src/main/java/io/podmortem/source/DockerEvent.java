package io.podmortem.source;

import io.podmortem.model.SourceRef;
import java.util.Map;

/**
 * One line of {@code docker events}.
 *
 * @param type {@code container}, {@code image}, {@code network}, …
 * @param action {@code die}, {@code kill}, {@code oom}, {@code exec_start}, …
 * @param command the command of an exec event ({@code exec_start: sleep 1000001}), else null
 * @param id the object's ID: a container's full ID for a container event
 * @param attributes what follows in parentheses: {@code exitCode}, {@code signal}, {@code name}, {@code image}, …
 */
public record DockerEvent(String time, String type, String action, String command, String id,
    Map<String, String> attributes, SourceRef ref) {
  public DockerEvent {
    attributes = Map.copyOf(attributes);
  }
}
