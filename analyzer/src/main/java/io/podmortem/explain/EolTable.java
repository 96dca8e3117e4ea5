package io.podmortem.explain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** End-of-life dates of base OS releases, from the dated table in {@code eol.json}, which names its source. */
public final class EolTable {
  /** One release cycle and the day its regular security support ended. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Release(String distro, String name, String cycle, String eol, String note) {
    public LocalDate eolDate() {
      return LocalDate.parse(eol);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record File(String source, List<Release> releases) {}

  /** A version number in a PRETTY_NAME. Example matches: {@code 16.04.2} in "Ubuntu 16.04.2 LTS", {@code v3.13}. */
  private static final Pattern VERSION = Pattern.compile("\\bv?(?<v>\\d+(?:\\.\\d+)*)\\b");

  private final String source;
  private final List<Release> releases;

  private EolTable(String source, List<Release> releases) {
    this.source = source;
    this.releases = List.copyOf(releases);
  }

  public static EolTable load() {
    try (InputStream in = EolTable.class.getResourceAsStream("eol.json")) {
      if (in == null) {
        throw new IllegalStateException("eol.json is missing from the class path");
      }
      File f = new ObjectMapper().readValue(in, File.class);
      return new EolTable(f.source(), f.releases());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read eol.json", e);
    }
  }

  public String source() {
    return source;
  }

  /** The source's name alone: the text of {@link #source()} before its first space. */
  public String sourceName() {
    int space = source.indexOf(' ');
    return space < 0 ? source : source.substring(0, space);
  }

  /**
   * The release an os-release names: by ID and VERSION_ID where present, else by the distribution name and the
   * version number in PRETTY_NAME.
   */
  public Optional<Release> find(String id, String versionId, String prettyName) {
    String distro = id == null ? null : id.toLowerCase(Locale.ROOT);
    String version = versionId;
    if ((distro == null || version == null) && prettyName != null) {
      for (Release r : releases) {
        if (prettyName.toLowerCase(Locale.ROOT).startsWith(r.name().toLowerCase(Locale.ROOT))
            || prettyName.toLowerCase(Locale.ROOT).startsWith(r.distro())) {
          distro = distro == null ? r.distro() : distro;
          break;
        }
      }
      Matcher m = VERSION.matcher(prettyName);
      if (version == null && m.find()) {
        version = m.group("v");
      }
    }
    if (distro == null || version == null) {
      return Optional.empty();
    }
    for (Release r : releases) {
      if (r.distro().equals(distro) && (version.equals(r.cycle()) || version.startsWith(r.cycle() + "."))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
