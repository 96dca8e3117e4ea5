package io.podmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Checks a bundle's entries are in chain order (collector/FORMAT.md, "Entry order") by the properties a streaming
 * reader needs, without reimplementing the order: rootfs/containers.tsv and every other output before any listing,
 * each layer after the layers below it in every chain, each upper dir after all of its chain's layers.
 */
public final class ChainOrderCheck {
  private ChainOrderCheck() {}

  /** Reads only the names and containers.tsv; returns how many containers.tsv lines had listings to check. */
  public static int assertChainOrder(Path bundle) throws IOException {
    List<String> names = new ArrayList<>();
    String tsv = null;
    try (InputStream in = Files.newInputStream(bundle);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        names.add(e.getName());
        if (e.getName().equals("rootfs/containers.tsv")) {
          ByteArrayOutputStream buf = new ByteArrayOutputStream();
          tar.transferTo(buf);
          tsv = buf.toString(StandardCharsets.UTF_8);
        }
      }
    }
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      at.put(names.get(i), i);
    }
    assertThat(names).as("entries").isNotEmpty().first().isEqualTo("manifest.json");
    List<String> outputs = names.stream().filter(n -> !n.equals("manifest.json") && !isListing(n)).toList();
    List<String> listings = names.stream().filter(ChainOrderCheck::isListing).toList();
    assertThat(outputs).as("outputs other than listings, by name").isSorted();
    if (listings.isEmpty()) {
      return 0;
    }
    assertThat(tsv).as("rootfs/containers.tsv in a bundle with listings").isNotNull();
    int lastOutput = outputs.isEmpty() ? 0 : at.get(outputs.get(outputs.size() - 1));
    assertThat(lastOutput).as("last output (%s) before the first listing (%s)",
        outputs.isEmpty() ? "-" : outputs.get(outputs.size() - 1), listings.get(0)).isLessThan(at.get(listings.get(0)));
    assertThat(at.get("rootfs/containers.tsv")).isLessThan(at.get(listings.get(0)));
    int checked = 0;
    for (String line : tsv.split("\n")) {
      String[] f = line.split("\t", -1);
      assertThat(f).as("containers.tsv line %s", line).hasSize(7);
      List<String> chain = new ArrayList<>();
      if (!f[5].equals("-")) {
        List<String> uppermostFirst = List.of(f[5].split(":"));
        for (int i = uppermostFirst.size() - 1; i >= 0; i--) {
          String layer = "rootfs/layers/" + uppermostFirst.get(i) + ".txt";
          if (at.containsKey(layer)) {
            chain.add(layer);
          }
        }
      }
      for (int i = 1; i < chain.size(); i++) {
        assertThat(at.get(chain.get(i - 1))).as("container %s: %s (lower) before %s", f[1], chain.get(i - 1),
            chain.get(i)).isLessThan(at.get(chain.get(i)));
      }
      if (at.containsKey(f[4])) {
        for (String layer : chain) {
          assertThat(at.get(layer)).as("container %s: its layer %s before its upper %s", f[1], layer, f[4])
              .isLessThan(at.get(f[4]));
        }
      }
      if (!chain.isEmpty() || at.containsKey(f[4])) {
        checked++;
      }
    }
    return checked;
  }

  private static boolean isListing(String name) {
    return name.startsWith("rootfs/layers/") || name.startsWith("rootfs/upper/");
  }
}
