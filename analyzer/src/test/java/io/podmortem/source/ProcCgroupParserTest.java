package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcCgroupParserTest {
  @Test
  void parse_realV1Hybrid_picksTheLineNamingTheContainer() {
    TextBlock t = Fixtures.load("proc-cgroup/engine-20.10-v1-cgroupfs.txt");
    ProcCgroups cg = ProcCgroupParser.parse(t, ParseIssues.bounded(10));
    assertThat(cg.paths().get(14287).path()).isEqualTo("/kubepods/burstable/pod3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70/"
        + "c31ffd0d2c2cb5bdfa82c7e3b88632bf2d22aa5b0cf8c6f63d2835a6373f655d");
    assertThat(cg.paths().get(14287).ref().line()).isEqualTo(1);
    assertThat(cg.paths().get(1).path()).isEqualTo("/");
  }

  @Test
  void parse_v2AndSystemdPaths_andABadLine() {
    TextBlock t = Fixtures.of("cgroup.txt", String.join("\n",
        "2201 0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod7fda01c4_0ece_403d_88b4_c371d66d132a"
            + ".slice/cri-containerd-e58a24d4d1c06e3a0f4a2d8c2b6c4d1e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c.scope",
        "77 0::/system.slice/sshd.service",
        "garbage"));
    ParseIssues issues = ParseIssues.bounded(10);
    ProcCgroups cg = ProcCgroupParser.parse(t, issues);
    assertThat(cg.paths().get(2201).path()).endsWith(".scope");
    assertThat(cg.paths().get(77).path()).isEqualTo("/system.slice/sshd.service");
    assertThat(issues.list()).extracting(Object::toString)
        .containsExactly("cgroup.txt:3:1: expected '<pid> <id>:<controllers>:<path>' or "
            + "'<id>:<controllers>:<path>', got 'garbage'");
  }

  /** A real pasted {@code cat /proc/self/cgroup} (Qard/container-info fixture): no pid prefix, v1 controllers. */
  @Test
  void parse_oneProcessFileWithoutPids_keepsItsBestPath() {
    TextBlock t = Fixtures.shared("qard-proc-cgroup/a.txt", "cgroup");
    ParseIssues issues = ParseIssues.bounded(10);

    assertThat(ProcCgroupParser.looksLike(t)).isTrue();
    ProcCgroups cg = ProcCgroupParser.parse(t, issues);
    assertThat(issues.list()).isEmpty();
    assertThat(cg.paths()).containsOnlyKeys(-1);
    assertThat(cg.paths().get(-1).path()).contains("34dc0b5e626f");
  }

  @Test
  void looksLike_aLoneRootLineOrATime_isNotACgroupFile() {
    assertThat(ProcCgroupParser.looksLike(Fixtures.of("x", "0::/"))).isFalse();
    assertThat(ProcCgroupParser.looksLike(Fixtures.of("x", "12:30 meeting"))).isFalse();
  }
}
