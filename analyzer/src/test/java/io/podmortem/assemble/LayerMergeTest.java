package io.podmortem.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.source.Listing;
import io.podmortem.source.ListingEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merged view, as overlayfs would show it. */
class LayerMergeTest {
  private static Listing layer(String... lines) {
    List<ListingEntry> entries = new ArrayList<>();
    for (String l : lines) {
      String[] f = l.split(" ", 2);
      char type = f[0].charAt(0);
      int mode = type == 'c' ? 0 : 0644;
      entries.add(new ListingEntry(type, mode, 0, 0, 0, 0, f[1], null, entries.size() + 1));
    }
    return new Listing("x", entries, null);
  }

  @Test
  void entries_unionOfLayers_minusWhiteoutsAndOpaqueDirs() {
    Listing base = layer("d bin", "f bin/sh", "f bin/nc", "d etc", "f etc/passwd", "d var", "d var/cache",
        "f var/cache/a", "f var/cache/b");
    Listing mid = layer("d var", "d var/cache", "f var/cache/.wh..wh..opq", "f var/cache/c", "f etc/hosts");
    Listing upper = layer("d bin", "c bin/nc", "f tmp", "f etc/.wh.passwd");
    // base 9; mid adds hosts, c and hides a, b; upper deletes nc and passwd, adds tmp.
    assertThat(LayerMerge.entries(List.of(base, mid, upper)))
        .isEqualTo(List.of("bin", "bin/sh", "etc", "etc/hosts", "var", "var/cache", "var/cache/c", "tmp").size());
  }

  @Test
  void entries_deletedDirectory_takesItsChildren() {
    Listing base = layer("d opt", "f opt/x", "f opt/y");
    Listing upper = layer("c opt");
    assertThat(LayerMerge.entries(List.of(base, upper))).isZero();
  }
}
