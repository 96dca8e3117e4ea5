package io.podmortem.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShortEntriesTest {
  private static final String A = "3108683eff5386605ebc9f7d7c0c95c5abb08fd74aa2f13742d3c563f5dd970a";
  private static final String B = "3108683eff53ffffffffffffffffffffffffffffffffffffffffffffffffffff";
  private static final String C = "a374665fb11ddb71661a4eff4fa36a7d18bacf2403289b8899bc2cae780bff22";

  @Test
  void of_citesAnIdsEntryByItsUniqueGlob() {
    Map<String, String> s = ShortEntries.of(List.of("cri/ps.json", "cri/inspect/" + C + ".json",
        "rootfs/upper/" + C + ".txt"));

    assertThat(s).containsExactlyInAnyOrderEntriesOf(Map.of(
        "cri/inspect/" + C + ".json", "cri/inspect/a374665fb11d*.json",
        "rootfs/upper/" + C + ".txt", "rootfs/upper/a374665fb11d*.txt"));
  }

  @Test
  void of_keepsWholeTheNamesAGlobWouldNotTellApart() {
    Map<String, String> s = ShortEntries.of(List.of("cri/inspect/" + A + ".json", "cri/inspect/" + B + ".json",
        "cri/inspect/" + C + ".json", "cri/inspect/" + C + "-extra.json"));

    // A and B share their first 12 digits; C's glob would also match C-extra, whose own glob matches it alone.
    assertThat(s).containsExactly(
        Map.entry("cri/inspect/" + C + "-extra.json", "cri/inspect/a374665fb11d*-extra.json"));
  }

  @Test
  void of_countsOnlyWhatAShellGlobMatches() {
    // A * spans no slash: a folder named by the ID's start does not make the glob ambiguous.
    Map<String, String> s = ShortEntries.of(List.of("x/" + C + ".json", "x/a374665fb11d/y.json"));

    assertThat(s).containsExactly(Map.entry("x/" + C + ".json", "x/a374665fb11d*.json"));
  }

  @Test
  void of_leavesNamesAShellWouldReadDifferently_orWithTwoIds() {
    Map<String, String> s = ShortEntries.of(List.of("odd dir/" + C + ".json", "x/" + C + "$(id).json",
        "x/" + A + "/" + C + ".json", "x/" + C + "0.json"));

    assertThat(s).isEmpty();
  }
}
