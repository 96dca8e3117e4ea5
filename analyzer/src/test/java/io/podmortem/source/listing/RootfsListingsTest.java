package io.podmortem.source.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Drift;
import io.podmortem.model.SourceInfo;
import io.podmortem.model.SourceRef;
import io.podmortem.source.RootfsRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two images share a base layer B: image 1 is B+L1, image 2 is B+L2. Container a runs image 1 and changes a file;
 * b runs image 1 too and deletes /opt; c runs image 2 and adds a file. The results must not depend on the order of
 * the entries, and the chain order must let each layer go once no container still to come needs it.
 */
class RootfsListingsTest {
  private static final String ID_A = "a".repeat(64);
  private static final String ID_B = "b".repeat(64);
  private static final String ID_C = "c".repeat(64);

  private static final String BASE = lines("d etc", "f etc/passwd", "f etc/issue", "d opt", "f opt/x", "f opt/y");
  private static final String L1 = lines("d usr", "d usr/bin", "f usr/bin/app");
  private static final String L2 = lines("d srv", "f srv/index.html", "c etc/issue");

  private final List<SourceInfo> sources = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private static String lines(String... typeAndPath) {
    StringBuilder out = new StringBuilder();
    for (String l : typeAndPath) {
      String[] f = l.split(" ", 2);
      out.append(f[0]).append(f[0].equals("c") ? " 0" : " 644").append(" 0 0 5 1795470780.0\t").append(f[1])
          .append("\t\n");
    }
    return out.toString();
  }

  private static RootfsRow row(String id, String... keysUppermostFirst) {
    return new RootfsRow(new SourceRef("rootfs/containers.tsv", 1), "containerd", id, "running", "/u/" + id,
        "rootfs/upper/" + id + ".txt", List.of(keysUppermostFirst), null);
  }

  private static final List<RootfsRow> ROWS = List.of(row(ID_A, "l1", "base"), row(ID_B, "l1", "base"),
      row(ID_C, "l2", "base"));

  private RootfsListings listings(long budget) {
    return new RootfsListings(1 << 20, budget, sources::add, warnings::add);
  }

  private static void feed(RootfsListings l, String entry, String text) throws IOException {
    l.read(entry, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "find …");
  }

  private static void layers(RootfsListings l, String... keys) throws IOException {
    for (String k : keys) {
      feed(l, "rootfs/layers/" + k + ".txt", switch (k) {
        case "base" -> BASE;
        case "l1" -> L1;
        default -> L2;
      });
    }
  }

  private static void upper(RootfsListings l, String id) throws IOException {
    feed(l, "rootfs/upper/" + id + ".txt", switch (id.charAt(0)) {
      case 'a' -> lines("d etc", "f etc/passwd");
      case 'b' -> lines("c opt");
      default -> lines("d srv", "f srv/new.html");
    });
  }

  private static void assertResults(RootfsListings.Result r) {
    // Image 1: base 6 + L1 3 = 9; image 2: base 6 + L2 2 - issue = 7.
    assertThat(r.entries()).containsEntry(ID_A, 9).containsEntry(ID_B, 9 - 3).containsEntry(ID_C, 8);
    Drift a = r.drift().get(ID_A);
    assertThat(a.changed()).isEqualTo(1);
    assertThat(a.added() + a.deleted()).isZero();
    assertThat(a.all()).singleElement().satisfies(d -> assertThat(d.path()).isEqualTo("/etc/passwd"));
    assertThat(r.drift().get(ID_B).deleted()).isEqualTo(1);
    assertThat(r.drift().get(ID_C).added()).isEqualTo(1);
  }

  @Test
  void chainOrder_mergesAsItStreams_andLetsEachLayerGo() throws IOException {
    RootfsListings l = listings(1 << 30);
    l.rows(ROWS);
    layers(l, "base", "l1");
    upper(l, ID_A);
    assertThat(l.heldLayers()).isEqualTo(2);
    upper(l, ID_B);
    // Only c, on base and L2, is still to come: L1 is gone.
    assertThat(l.heldLayers()).isEqualTo(1);
    layers(l, "l2");
    upper(l, ID_C);
    assertThat(l.heldLayers()).isZero();
    assertResults(l.finish());
    assertThat(warnings).isEmpty();
    assertThat(sources).extracting(SourceInfo::entry).hasSize(6).allMatch(e -> e.startsWith("rootfs/"));
  }

  @Test
  void anyOtherOrder_givesTheSameResults() throws IOException {
    RootfsListings l = listings(1 << 30);
    upper(l, ID_C);
    layers(l, "l2", "l1");
    upper(l, ID_A);
    l.rows(ROWS);
    upper(l, ID_B);
    layers(l, "base");
    assertResults(l.finish());
    assertThat(warnings).isEmpty();
  }

  @Test
  void overTheBudget_aLayerIsNotMerged_andAWarningSaysSo() throws IOException {
    RootfsListings l = listings(200);
    l.rows(ROWS);
    layers(l, "base", "l1", "l2");
    upper(l, ID_A);
    upper(l, ID_B);
    upper(l, ID_C);
    RootfsListings.Result r = l.finish();
    assertThat(warnings).anyMatch(w -> w.contains("not merged") && w.contains("memory budget"));
    assertThat(r.entries()).doesNotContainKeys(ID_A, ID_B, ID_C);
  }

  @Test
  void truncatedLayer_givesNoEntryCount_butStillDrift() throws IOException {
    RootfsListings l = listings(1 << 30);
    l.rows(ROWS);
    feed(l, "rootfs/layers/base.txt", BASE + "#truncated 6 of 900000\n");
    layers(l, "l1");
    upper(l, ID_A);
    RootfsListings.Result r = l.finish();
    assertThat(r.entries()).doesNotContainKey(ID_A);
    assertThat(r.drift().get(ID_A).changed()).isEqualTo(1);
  }
}
