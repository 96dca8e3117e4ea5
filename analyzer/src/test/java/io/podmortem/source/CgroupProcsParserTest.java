package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A copied {@code cgroup.procs}: PIDs alone, placed by the file's path. The PIDs and paths are those of the
 * sosreport .ci/run makes (Debian's sos 4.0, cgroup v1).
 */
class CgroupProcsParserTest {
  private static final String ENTRY = "sosreport-vm-2026-12-02-atrcxtk/sys/fs/cgroup/memory/kubepods/burstable/"
      + "pod3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70/e7af87cbb19027725374f7ebfb9ba312ea90ea9f6e6e15aa1dcf6320cbe8e809/"
      + "cgroup.procs";

  @Test
  void itsPids_areInTheCgroupItsPathNames() {
    TextBlock t = Fixtures.of(ENTRY, "4139\n4895\n");
    assertThat(new Sniffer().sniff(t, true)).isEqualTo(Format.CGROUP_PROCS);
    ProcCgroups placed = CgroupProcsParser.parse(t, ParseIssues.bounded(10));
    assertThat(placed.paths()).containsOnlyKeys(4139, 4895);
    assertThat(placed.paths().get(4895).path()).isEqualTo("/kubepods/burstable/pod3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70/"
        + "e7af87cbb19027725374f7ebfb9ba312ea90ea9f6e6e15aa1dcf6320cbe8e809");
    assertThat(placed.paths().get(4895).ref().line()).isEqualTo(2);
  }

  @Test
  void aLineThatIsNoPid_orAnotherPath_isNotOne() {
    assertThat(new Sniffer().sniff(Fixtures.of(ENTRY, "4139\nnot a pid\n"), true)).isNotEqualTo(Format.CGROUP_PROCS);
    assertThat(new Sniffer().sniff(Fixtures.of(ENTRY, "4139\n99999999999\n"), true)).isNotEqualTo(Format.CGROUP_PROCS);
    assertThat(new Sniffer().sniff(Fixtures.of("sys/fs/cgroup/memory/memory.max_usage_in_bytes", "4139\n4895\n"),
        true)).isNotEqualTo(Format.CGROUP_PROCS);
  }
}
