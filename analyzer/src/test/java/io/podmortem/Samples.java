package io.podmortem;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's samples are, for tests. */
public final class Samples {
  private Samples() {}

  public static Path dir() {
    String p = System.getProperty("podmortem.samples");
    Path dir = p != null ? Path.of(p) : Path.of("../samples");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("samples folder not found at " + dir.toAbsolutePath());
    }
    return dir;
  }

  public static Path udon() {
    return dir().resolve("udon");
  }
}
