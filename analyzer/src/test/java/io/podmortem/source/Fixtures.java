package io.podmortem.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads the text fixtures under {@code src/test/resources/source/}. */
final class Fixtures {
  static final Path ROOT = Path.of("src/test/resources/source");

  private Fixtures() {}

  /** The fixture {@code <format>/<name>} as a block named {@code name}, lines numbered from 1. */
  static TextBlock block(String format, String name) {
    return TextBlock.of(name, lines(ROOT.resolve(format).resolve(name)));
  }

  /** Every fixture of every format, for the must-not-throw sweeps. */
  static List<Path> all() {
    try (Stream<Path> s = Files.walk(ROOT)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
