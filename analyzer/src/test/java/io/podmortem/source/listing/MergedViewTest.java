package io.podmortem.source.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.source.ParseIssues;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The merged view, as overlayfs would show it, against a plain set of path strings. */
class MergedViewTest {
  /** A layer from "type path" lines; a {@code c} line is a whiteout device. */
  private static LayerIndex layer(String... lines) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String l : lines) {
      String[] f = l.split(" ", 2);
      text.append(f[0]).append(f[0].equals("c") ? " 0" : " 644").append(" 0 0 0 1\t").append(f[1]).append("\t\n");
    }
    LayerIndex.Builder b = new LayerIndex.Builder("x");
    new ListingReader(1 << 20).read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), "x",
        b, ParseIssues.bounded(1));
    return b.build(null);
  }

  @Test
  void size_unionOfLayers_minusWhiteoutsAndOpaqueDirs() throws IOException {
    LayerIndex base = layer("d bin", "f bin/sh", "f bin/nc", "d etc", "f etc/passwd", "d var", "d var/cache",
        "f var/cache/a", "f var/cache/b");
    LayerIndex mid = layer("d var", "d var/cache", "f var/cache/.wh..wh..opq", "f var/cache/c", "f etc/hosts");
    LayerIndex upper = layer("d bin", "c bin/nc", "f tmp", "f etc/.wh.passwd");
    // base 9; mid adds hosts, c and hides a, b; upper deletes nc and passwd, adds tmp.
    int expected = List.of("bin", "bin/sh", "etc", "etc/hosts", "var", "var/cache", "var/cache/c", "tmp").size();
    assertThat(MergedView.of(List.of(base, mid, upper)).size()).isEqualTo(expected);
    MergedView lower = MergedView.of(List.of(base, mid));
    assertThat(lower.sizeWith(upper, 1, List.of(base, mid))).isEqualTo(expected);
  }

  @Test
  void size_deletedDirectory_takesItsChildren() throws IOException {
    LayerIndex base = layer("d opt", "f opt/x", "f opt/y");
    LayerIndex upper = layer("c opt");
    assertThat(MergedView.of(List.of(base, upper)).size()).isZero();
  }

  @Test
  void size_pathListedAgainAboveAWhiteout_isBack() throws IOException {
    LayerIndex base = layer("d opt", "f opt/x");
    LayerIndex mid = layer("c opt");
    LayerIndex top = layer("d opt", "f opt/y");
    assertThat(MergedView.of(List.of(base, mid, top)).size()).isEqualTo(2);
  }

  /** The reference: the layers applied one by one to a set of strings, as overlayfs would show them. */
  private static int reference(List<List<String[]>> lowestFirst) {
    Set<String> paths = new HashSet<>();
    for (List<String[]> layer : lowestFirst) {
      Set<String> gone = new HashSet<>();
      Set<String> hidden = new HashSet<>();
      for (String[] e : layer) {
        String name = e[1].substring(e[1].lastIndexOf('/') + 1);
        String dir = e[1].contains("/") ? e[1].substring(0, e[1].lastIndexOf('/')) : "";
        if (name.equals(".wh..wh..opq")) {
          hidden.add(dir);
        } else if (e[0].equals("c")) {
          gone.add(e[1]);
        } else if (name.startsWith(".wh.")) {
          gone.add((dir.isEmpty() ? "" : dir + "/") + name.substring(4));
        }
      }
      paths.removeIf(p -> gone.stream().anyMatch(g -> p.equals(g) || p.startsWith(g + "/"))
          || hidden.stream().anyMatch(h -> h.isEmpty() || p.startsWith(h + "/")));
      for (String[] e : layer) {
        String name = e[1].substring(e[1].lastIndexOf('/') + 1);
        if (!e[0].equals("c") && !name.startsWith(".wh.")) {
          paths.add(e[1]);
        }
      }
    }
    return paths.size();
  }

  /** A random layer in find's order: a folder before what it holds, with whiteouts and opaque markers. */
  private static List<String[]> randomLayer(Random r) {
    List<String[]> out = new ArrayList<>();
    addChildren(r, "", 0, out);
    return out;
  }

  private static void addChildren(Random r, String dir, int depth, List<String[]> out) {
    String prefix = dir.isEmpty() ? "" : dir + "/";
    Set<String> used = new HashSet<>();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      String name = String.valueOf((char) ('a' + r.nextInt(4)));
      if (!used.add(name)) {
        continue;
      }
      int kind = r.nextInt(10);
      if (kind == 0) {
        out.add(new String[] {"c", prefix + name});
      } else if (kind == 1) {
        out.add(new String[] {"f", prefix + ".wh." + name});
      } else if (kind == 2 && used.add(".wh..wh..opq")) {
        out.add(new String[] {"f", prefix + ".wh..wh..opq"});
      } else if (kind < 6 && depth < 3) {
        out.add(new String[] {"d", prefix + name});
        addChildren(r, prefix + name, depth + 1, out);
      } else {
        out.add(new String[] {"f", prefix + name});
      }
    }
  }

  private static LayerIndex index(List<String[]> layer) throws IOException {
    return layer(layer.stream().map(e -> e[0] + " " + e[1]).toArray(String[]::new));
  }

  /** find gives a path's first position, or -1, both while it scans and once it has built its table. */
  @Test
  void find_givesTheFirstPosition_beforeAndAfterItsTable() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      lines.add("d d" + i);
      lines.add("f d" + i + "/f");
    }
    lines.add("f d3/f");
    LayerIndex l = layer(lines.toArray(String[]::new));
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 70; i++) {
        for (String p : new String[] {"d" + i, "d" + i + "/f", "x" + i}) {
          int expected = -1;
          for (int q = 0; q < l.size && expected < 0; q++) {
            expected = l.hash[q] == PathHash.of(p) ? q : -1;
          }
          assertThat(l.find(PathHash.of(p))).as("%s, round %d", p, round).isEqualTo(expected);
        }
      }
    }
    assertThat(l.find(PathHash.of("d3/f"))).isEqualTo(7);
  }

  /**
   * Lower layers listed in a shuffled order, which find never gives: most entries come before their folder and are
   * orphans. The upper dir's whiteouts and opaque folders must still delete them.
   */
  @Test
  void sizeWith_equalsTheReference_whenLowerLayersListEntriesBeforeTheirFolders() throws IOException {
    Random r = new Random(11);
    int orphaned = 0;
    for (int round = 0; round < 400; round++) {
      int k = 2 + r.nextInt(3);
      List<List<String[]>> layers = new ArrayList<>();
      List<LayerIndex> indexes = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        List<String[]> layer = randomLayer(r);
        if (i < k - 1) {
          java.util.Collections.shuffle(layer, r);
        }
        layers.add(layer);
        indexes.add(index(layer));
      }
      List<LayerIndex> lower = indexes.subList(0, k - 1);
      for (LayerIndex l : lower) {
        orphaned += l.orphans.size();
      }
      MergedView view = MergedView.of(lower);
      LayerIndex upper = indexes.get(k - 1);
      int fresh = 0;
      for (int q = 0; q < upper.size; q++) {
        fresh += view.contains(upper.hash[q]) ? 0 : 1;
      }
      assertThat(view.sizeWith(upper, fresh, lower)).as("round %d", round).isEqualTo(reference(layers));
    }
    assertThat(orphaned).as("orphans made").isGreaterThan(500);
  }

  @Test
  void size_equalsTheReference_onRandomStacks_andWithAnUpperDirOnTop() throws IOException {
    Random r = new Random(7);
    for (int round = 0; round < 400; round++) {
      int k = 1 + r.nextInt(4);
      List<List<String[]>> layers = new ArrayList<>();
      List<LayerIndex> indexes = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        layers.add(randomLayer(r));
        indexes.add(index(layers.get(i)));
      }
      assertThat(MergedView.of(indexes).size()).as("round %d", round).isEqualTo(reference(layers));
      if (k > 1) {
        List<LayerIndex> lower = indexes.subList(0, k - 1);
        MergedView view = MergedView.of(lower);
        LayerIndex upper = indexes.get(k - 1);
        int fresh = 0;
        for (int q = 0; q < upper.size; q++) {
          fresh += view.contains(upper.hash[q]) ? 0 : 1;
        }
        assertThat(view.sizeWith(upper, fresh, lower)).as("round %d with an upper dir", round)
            .isEqualTo(reference(layers));
      }
    }
  }
}
