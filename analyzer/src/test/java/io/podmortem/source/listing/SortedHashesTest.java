package io.podmortem.source.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The merged view's sort: unsigned order, repeats dropped, at every size the radix passes choose between. */
class SortedHashesTest {
  @Test
  void sortUnique_equalsASortedSet_andContainsFindsEachValue() {
    Random r = new Random(11);
    for (int n : new int[] {0, 1, 2, 17, 300, 4_097, 70_000, 1_100_000}) {
      long[] a = new long[n];
      for (int i = 0; i < n; i++) {
        // Well-mixed hashes, with repeats, and a few that share their top bytes (same run after the radix passes).
        a[i] = r.nextInt(10) == 0 && i > 0 ? a[r.nextInt(i)] : r.nextInt(10) == 0 ? r.nextLong() & 0xffffL
            : r.nextLong();
      }
      TreeSet<Long> reference = new TreeSet<>(Long::compareUnsigned);
      for (long v : a) {
        reference.add(v);
      }
      long[] sorted = a.clone();
      int k = SortedHashes.sortUnique(sorted, n, new long[n]);
      // Arrays.equals, not AssertJ's containsExactly, which is quadratic on a million values.
      assertThat(Arrays.equals(Arrays.copyOf(sorted, k), reference.stream().mapToLong(Long::longValue).toArray()))
          .as("n=%d: sorted unsigned, without repeats", n).isTrue();
      for (int i = 0; i < Math.min(n, 5_000); i++) {
        assertThat(SortedHashes.contains(sorted, k, a[i])).isTrue();
        long absent = r.nextLong();
        assertThat(SortedHashes.contains(sorted, k, absent)).isEqualTo(reference.contains(absent));
      }
    }
  }
}
