package io.podmortem.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import io.podmortem.explain.Analysis;
import io.podmortem.model.Container;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-captured shape of a node (a ps forest, a docker ps table, one terminal session of docker inspect, cd
 * and find for every running container) gives the same per-container facts as the collector's bundle of the
 * same node: how many entries each root filesystem holds, and its base OS.
 */
class HandCapturedTest {
  private static final double SCALE = 0.1;
  private static final double LISTINGS = 1.0 / 9;

  @TempDir
  Path tmp;

  /** Per short ID: entries, OS, OS ID and version, and the pod. */
  private static Map<String, String> facts(Analysis a) {
    Map<String, String> out = new TreeMap<>();
    for (Container c : a.node().containers()) {
      out.put(c.shortId(), c.rootfs().entries() + " | " + c.rootfs().os() + " | " + c.rootfs().osId() + " | "
          + c.rootfs().osVersion() + " | " + (c.pod() == null ? null : c.pod().namespace() + "/" + c.pod().name()));
    }
    return out;
  }

  @Test
  void handCaptured_givesTheCollectorBundlesFacts_forEveryContainer() throws Exception {
    Path collector = tmp.resolve("collector.tar.gz");
    Path hand = tmp.resolve("hand.tar.gz");
    Synth.Result r = Synth.generate(5, SCALE, Synth.Shape.COLLECTOR, LISTINGS, collector);
    Synth.generate(5, SCALE, Synth.Shape.HAND, LISTINGS, hand);

    Map<String, String> fromCollector = facts(new Analyzer(Limits.defaults()).analyze(collector));
    Map<String, String> fromHand = facts(new Analyzer(Limits.defaults()).analyze(hand));

    assertThat(fromCollector).hasSize(r.pods() + r.containers());
    assertThat(fromHand).isEqualTo(fromCollector);
    // Not vacuous: running containers have counted entries and a known OS.
    assertThat(fromHand.values()).filteredOn(v -> !v.startsWith("null")).hasSizeGreaterThan(r.pods());
    assertThat(fromHand.values()).anyMatch(v -> v.contains("| debian | 12 |"));
  }

  @Test
  void handCaptured_sameSeed_sameBytes() throws Exception {
    Path a = tmp.resolve("a.tar.gz");
    Path b = tmp.resolve("b.tar.gz");
    Synth.generate(9, 0.02, Synth.Shape.HAND, LISTINGS, a);
    Synth.generate(9, 0.02, Synth.Shape.HAND, LISTINGS, b);
    assertThat(java.nio.file.Files.mismatch(a, b)).isEqualTo(-1L);
  }
}
