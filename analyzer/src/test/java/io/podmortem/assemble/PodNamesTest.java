package io.podmortem.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PodNamesTest {
  @Test
  void infer_ownerKindFromTheNamePattern() {
    assertThat(PodNames.infer("coredns-558bd4d5db-4nvrg", "udon", false, "Running").kind()).isEqualTo("ReplicaSet");
    assertThat(PodNames.infer("kube-proxy-6d8kg", "udon", false, "Running").kind()).isEqualTo("DaemonSet");
    assertThat(PodNames.infer("ingress-nginx-admission-patch-jdq4t", "udon", null, "Completed").kind())
        .isEqualTo("Job");
    assertThat(PodNames.infer("etcd-udon", "udon", true, "Running").kind()).isEqualTo("Node");
    assertThat(PodNames.infer("zk-0", null, false, null).kind()).isEqualTo("StatefulSet");
    assertThat(PodNames.infer("report-28391820-q8z7w", null, false, null).name()).isEqualTo("report-28391820");
    assertThat(PodNames.infer("standalone", null, false, null)).isNull();
  }

  @Test
  void infer_nodeSuffixOnAnApiPod_isNotStatic() {
    assertThat(PodNames.infer("web-udon", "udon", false, "Running")).isNull();
  }

  @Test
  void dockershimName_sixAndSevenParts() {
    DockershimName n = DockershimName.parse(
        "/k8s_weave_weave-net-mchmg_kube-system_b9af9615-8cde-4a18-8555-6da1f51b7136_1");
    assertThat(n).isEqualTo(new DockershimName("weave", "weave-net-mchmg", "kube-system",
        "b9af9615-8cde-4a18-8555-6da1f51b7136", 1));
    assertThat(DockershimName.parse("k8s_POD_etcd-udon_kube-system_c2a3008c1d9895f171cd394e38656ea0_0_1a2b3c4d")
        .isSandbox()).isTrue();
    assertThat(DockershimName.parse("k8s_a_b_c")).isNull();
    assertThat(DockershimName.parse("nginx")).isNull();
  }

  /**
   * The dockertools naming before Kubernetes 1.2, in the shape kubernetes#19354 shows (FORMATS.md §3): a hash, and a
   * random last part. FORMATS elides the middle of the pod name; the node part here is made up.
   */
  @org.junit.jupiter.api.Test
  void dockershimName_before12_hasAHashAndNoAttempt() {
    DockershimName n = DockershimName.parse(
        "k8s_POD.6059dfa2_kube-scheduler-ip-172-20-0-98.us-west-2.compute.internal_kube-system_"
            + "c9bc5a66e6d1ac4e107961af3ad2bcca_fcf872d4");

    org.assertj.core.api.Assertions.assertThat(n).isEqualTo(new DockershimName("POD",
        "kube-scheduler-ip-172-20-0-98.us-west-2.compute.internal", "kube-system", "c9bc5a66e6d1ac4e107961af3ad2bcca",
        null));
    org.assertj.core.api.Assertions.assertThat(n.isSandbox()).isTrue();
  }
}
