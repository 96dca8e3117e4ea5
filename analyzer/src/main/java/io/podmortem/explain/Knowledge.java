package io.podmortem.explain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podmortem.source.Commands;
import io.podmortem.source.ShellWords;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** What well-known containers are, read from {@code knowledge.json}: data, not code. */
public final class Knowledge {
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record File(List<Component> components) {}

  private final List<Component> components;

  private Knowledge(List<Component> components) {
    this.components = List.copyOf(components);
  }

  public static Knowledge load() {
    try (InputStream in = Knowledge.class.getResourceAsStream("knowledge.json")) {
      if (in == null) {
        throw new IllegalStateException("knowledge.json is missing from the class path");
      }
      return new Knowledge(new ObjectMapper().readValue(in, File.class).components());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read knowledge.json", e);
    }
  }

  /** The component an image reference names, by repository name or prefix; empty for a bare image ID. */
  public Optional<Component> byImage(String image) {
    if (image == null || Images.isId(image)) {
      return Optional.empty();
    }
    String repo = Images.repository(image);
    String base = Commands.basename(repo);
    for (Component c : components) {
      if (c.imagePrefixes().stream().anyMatch(repo::startsWith)) {
        return Optional.of(c);
      }
    }
    return components.stream().filter(c -> c.images().contains(base)).findFirst();
  }

  /** The component a command line reveals, by a telling fragment or by its executable's name. */
  public Optional<Component> byCommand(String command) {
    if (command == null) {
      return Optional.empty();
    }
    for (Component c : components) {
      if (c.commandContains().stream().anyMatch(command::contains)) {
        return Optional.of(c);
      }
    }
    List<String> words = ShellWords.words(command);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String exe = Commands.basename(words.get(0));
    return components.stream().filter(c -> c.executables().contains(exe)).findFirst();
  }

  public List<Component> components() {
    return components;
  }
}
