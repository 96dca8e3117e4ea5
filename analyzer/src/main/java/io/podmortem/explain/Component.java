package io.podmortem.explain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A well-known component, as the knowledge base describes it, with the clues that recognise it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Component(
    String id,
    String name,
    String what,
    List<String> images,
    List<String> imagePrefixes,
    List<String> executables,
    List<String> commandContains) {

  public Component {
    images = images == null ? List.of() : List.copyOf(images);
    imagePrefixes = imagePrefixes == null ? List.of() : List.copyOf(imagePrefixes);
    executables = executables == null ? List.of() : List.copyOf(executables);
    commandContains = commandContains == null ? List.of() : List.copyOf(commandContains);
  }
}
