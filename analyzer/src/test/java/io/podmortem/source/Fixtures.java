package io.podmortem.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Loads the real outputs under {@code src/test/resources/source} as text blocks named by their relative path. */
final class Fixtures {
  static final Path ROOT = Path.of("src/test/resources/source");

  private Fixtures() {}

  static TextBlock load(String relative) {
    return TextBlock.of(relative, read(ROOT.resolve(relative)));
  }

  /** The fixture {@code <format>/<name>} as a block named {@code name}, lines numbered from 1. */
  static TextBlock block(String format, String name) {
    return TextBlock.of(name, read(ROOT.resolve(format).resolve(name)));
  }

  /**
   * A file of the shared corpus of real outputs ({@code shared/wild/<folder>/<file>}, beside the checkout) as a
   * block named {@code entry}; the test is skipped where the corpus is not beside the checkout.
   */
  static TextBlock shared(String relative, String entry) {
    Path file = Path.of("../../shared/wild").resolve(relative);
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "shared/wild is not beside the checkout");
    return TextBlock.of(entry, read(file));
  }

  static TextBlock of(String entry, String text) {
    return TextBlock.of(entry, List.of(text.split("\n", -1)));
  }

  /** Every fixture of every format, so each parser can be run over the others' inputs. */
  static List<TextBlock> all() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(Files::isRegularFile).sorted()
          .map(p -> TextBlock.of(ROOT.relativize(p).toString(), read(p)))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> read(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
