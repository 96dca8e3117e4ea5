package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Paths of a real sosreport (Debian's sos 4.0, made by .ci/run), and what their names say. */
class SosLayoutTest {
  @Test
  void aCommandsFile_givesTheCommandItWasNamedAfter() {
    assertThat(SosLayout.command("sosreport-vm-2026-12-02-atrcxtk/sos_commands/process/ps_alxwww"))
        .isEqualTo("ps alxwww");
    assertThat(SosLayout.command("sosreport-vm-2026-12-02-atrcxtk/sos_commands/process/"
        + "ps_axo_pid_ppid_user_group_lwp_nlwp_start_time_comm_cgroup"))
        .isEqualTo("ps axo pid ppid user group lwp nlwp start time comm cgroup");
    assertThat(SosLayout.command("sosreport-vm-2026-12-02-atrcxtk/sos_commands/host/hostname")).isEqualTo("hostname");
    assertThat(SosLayout.command("sosreport-vm-2026-12-02-atrcxtk/sos_commands/sos_extras/podmortem-ci-docker/"
        + "docker_ps_-a")).isEqualTo("docker ps -a");
    // The crio plugin's per-container subdir (sos/report/plugins/crio.py).
    assertThat(SosLayout.command("sos_commands/crio/containers/crictl_inspect_65058b1260a9"))
        .isEqualTo("crictl inspect 65058b1260a9");
  }

  @Test
  void otherPaths_giveNoCommand() {
    assertThat(SosLayout.command("sosreport-vm-2026-12-02-atrcxtk/proc/4074/mountinfo")).isNull();
    assertThat(SosLayout.command("sosreport-vm-2026-12-02-atrcxtk/sos_reports/manifest.json")).isNull();
    assertThat(SosLayout.command("ps/table.txt")).isNull();
    assertThat(SosLayout.command("sos_commands/process/")).isNull();
  }

  @Test
  void aCopiedCgroupFile_namesItsCgroup_withoutTheV1Hierarchy() {
    String root = "sosreport-vm-2026-12-02-atrcxtk/sys/fs/cgroup/";
    assertThat(SosLayout.cgroupOf(root + "memory/kubepods/burstable/pod3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70/"
        + "fa78527b41262c145a933da0c46313893c7499ab5aab6ece3f3e0bc7a28c4ea9/cgroup.procs"))
        .isEqualTo("/kubepods/burstable/pod3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70/"
            + "fa78527b41262c145a933da0c46313893c7499ab5aab6ece3f3e0bc7a28c4ea9");
    assertThat(SosLayout.cgroupOf(root + "cpu,cpuacct/docker/07216a680cac/tasks")).isEqualTo("/docker/07216a680cac");
    assertThat(SosLayout.cgroupOf(root + "unified/docker/cgroup.procs")).isEqualTo("/docker");
    assertThat(SosLayout.cgroupOf(root + "memory/cgroup.procs")).isEqualTo("/");
    // cgroup v2 mounts the one hierarchy at /sys/fs/cgroup itself.
    assertThat(SosLayout.cgroupOf("sys/fs/cgroup/kubepods.slice/kubepods-besteffort.slice/cgroup.procs"))
        .isEqualTo("/kubepods.slice/kubepods-besteffort.slice");
    assertThat(SosLayout.cgroupOf("sys/fs/cgroup/cgroup.procs")).isEqualTo("/");
  }

  @Test
  void otherCgroupFiles_nameNoCgroup() {
    assertThat(SosLayout.cgroupOf("sys/fs/cgroup/memory/docker/memory.stat")).isNull();
    assertThat(SosLayout.cgroupOf("sys/fs/cgroup/memory/docker/cgroup.procs.bak")).isNull();
    assertThat(SosLayout.cgroupOf("proc/1/cgroup")).isNull();
  }
}
