package io.podmortem.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.QosClass;
import org.junit.jupiter.api.Test;

/** The cgroup layouts of FORMATS.md §6 and §7. */
class CgroupPathsTest {
  private static final String ID = "e58a24d4d1c06e3a0f4a2d8c2b6c4d1e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c";

  @Test
  void systemdV2Containerd() {
    CgroupPlacement p = CgroupPaths.parse("/kubepods.slice/kubepods-besteffort.slice/"
        + "kubepods-besteffort-pod7fda01c4_0ece_403d_88b4_c371d66d132a.slice/cri-containerd-" + ID + ".scope");
    assertThat(p).isEqualTo(new CgroupPlacement(QosClass.BEST_EFFORT, "7fda01c4-0ece-403d-88b4-c371d66d132a",
        "/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod7fda01c4_0ece_403d_88b4_c371d66d132a.slice",
        ID, "cri-containerd"));
  }

  @Test
  void guaranteedSitsDirectlyUnderKubepods_andKindPrefix() {
    CgroupPlacement p = CgroupPaths.parse("/kubelet.slice/kubelet-kubepods.slice/"
        + "kubelet-kubepods-pod2b698bd8_b22c_4173_bf9d_900c652aab26.slice/cri-containerd-" + ID + ".scope");
    assertThat(p.qos()).isEqualTo(QosClass.GUARANTEED);
    assertThat(p.podUid()).isEqualTo("2b698bd8-b22c-4173-bf9d-900c652aab26");
  }

  @Test
  void cgroupfs_keepsDashes_andStaticHash() {
    CgroupPlacement p = CgroupPaths.parse("/kubepods/burstable/podb60126d8-9064-11eb-836e-7a2eb63c648a/" + ID);
    assertThat(p.qos()).isEqualTo(QosClass.BURSTABLE);
    assertThat(p.podUid()).isEqualTo("b60126d8-9064-11eb-836e-7a2eb63c648a");
    assertThat(p.containerId()).isEqualTo(ID);
    assertThat(CgroupPaths.parse("/kubepods/podc2a3008c1d9895f171cd394e38656ea0").qos())
        .isEqualTo(QosClass.GUARANTEED);
  }

  @Test
  void fromCgroupsPath_expandsSystemdSlices_andKeepsCgroupfs() {
    assertThat(CgroupPaths.fromCgroupsPath(
        "kubepods-besteffort-pod25fae09f_aef9_4b5a_950f_80ea16cf5e1e.slice:cri-containerd:" + ID)).isEqualTo(
        "/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod25fae09f_aef9_4b5a_950f_80ea16cf5e1e.slice/"
            + "cri-containerd-" + ID + ".scope");
    assertThat(CgroupPaths.fromCgroupsPath("kubepods-pod2b698bd8_b22c_4173_bf9d_900c652aab26.slice:crio:" + ID))
        .isEqualTo("/kubepods.slice/kubepods-pod2b698bd8_b22c_4173_bf9d_900c652aab26.slice/crio-" + ID + ".scope");
    assertThat(CgroupPaths.fromCgroupsPath("/kubepods/besteffort/pod1/" + ID)).isEqualTo("/kubepods/besteffort/pod1/"
        + ID);
  }

  /** The /proc/<pid>/cgroup shapes of FORMATS.md §7, with the elided IDs filled in. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "/kubepods/burstable/podb60126d8-9064-11eb-836e-7a2eb63c648a/ID | BURSTABLE | b60126d8-9064-11eb-836e-7a2eb63c648a",
      "/kubepods.slice/kubepods-podaaaee9a5_d4d6_11eb_851d_50af732f4b6f.slice/docker-ID.scope | GUARANTEED | "
          + "aaaee9a5-d4d6-11eb-851d-50af732f4b6f",
      "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod96b3a117_1111_2222_3333_444455556666.slice/"
          + "cri-containerd-ID.scope | BURSTABLE | 96b3a117-1111-2222-3333-444455556666",
      "/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod7fda01c4_0ece_403d_88b4_c371d66d132a.slice/"
          + "cri-containerd-ID.scope | BEST_EFFORT | 7fda01c4-0ece-403d-88b4-c371d66d132a",
      "/kubelet.slice/kubelet-kubepods.slice/kubelet-kubepods-besteffort.slice/kubelet-kubepods-besteffort-pod36f20d9d"
          + "_1111_2222_3333_444455556666.slice/cri-containerd-ID.scope | BEST_EFFORT | 36f20d9d-1111-2222-3333-444455556666",
      "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod90d81341_92de_11e7_8cf2_507b9d4141fa.slice/"
          + "crio-ID.scope | BURSTABLE | 90d81341-92de-11e7-8cf2-507b9d4141fa",
      "/system.slice/containerd.service/kubepods-burstable-pod94598a35_ad1e_4a00_91b1_1db37e8f52f6.slice:cri-containerd:"
          + "ID | BURSTABLE | 94598a35-ad1e-4a00-91b1-1db37e8f52f6",
      "/kubepods/kubepods/besteffort/pod3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70/ID | BEST_EFFORT | "
          + "3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70",
  })
  void formatsSection7_everyShape_givesQosPodAndContainer(String path, QosClass qos, String uid) {
    CgroupPlacement p = CgroupPaths.parse(path.replace("ID", ID));
    assertThat(p).as(path).isNotNull();
    assertThat(p.qos()).isEqualTo(qos);
    assertThat(p.podUid()).isEqualTo(uid);
    assertThat(p.containerId()).isEqualTo(ID);
  }

  @Test
  void hostPaths_areNotPods() {
    assertThat(CgroupPaths.parse("/system.slice/containerd.service")).isNull();
    assertThat(CgroupPaths.parse("/")).isNull();
  }
}
