package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Overlay mounts from FORMATS.md §8 and §12, and a containerd task mount. */
class MountinfoParserTest {
  @Test
  void parse_dockerOverlay_lowerLinksUpperDir_noContainerInThePath() {
    ParseIssues issues = ParseIssues.bounded(10);
    List<OverlayMount> mounts = MountinfoParser.parse(Fixtures.load("mountinfo/formats-12-docker.txt"), issues);
    assertThat(issues.list()).isEmpty();
    assertThat(mounts).singleElement().satisfies(m -> {
      assertThat(m.mountPoint()).isEqualTo("/var/lib/docker/overlay2/418199c0…/merged");
      assertThat(m.lowerDirs()).containsExactly("/var/lib/docker/overlay2/l/MYYOFRHBKHH3SO7WF4IIGDEDMI",
          "/var/lib/docker/overlay2/l/XTI4DYK2P3YBMVCD4U3JA3ABEQ");
      assertThat(m.upperDir()).isEqualTo("/var/lib/docker/overlay2/418199c0…/diff");
      assertThat(m.containerId()).isNull();
    });
  }

  @Test
  void parse_containerdTaskMount_namesTheContainer_andItsNumberedSnapshot() {
    List<OverlayMount> mounts = MountinfoParser.parse(Fixtures.load("mountinfo/containerd-cgv2-sample.txt"),
        ParseIssues.bounded(10));
    assertThat(mounts).hasSize(2);
    assertThat(mounts.get(0).containerId())
        .isEqualTo("c3fa420381e9031513bd860e9cab2d34142c138334c462e29dad258011ec619e");
    assertThat(mounts.get(0).upperDir())
        .matches("/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/\\d+/fs");
  }

  /**
   * Inside a CRI-O container (OpenTelemetry's crio_proc_self_mountinfo, shared/wild/otel-mountinfo-crio): its
   * hostname, resolv.conf and .containerenv come from the sandbox's userdata, its /run/secrets from its own, whose
   * ID is the one OpenTelemetry's test expects.
   */
  @Test
  void container_crio_ownIdFromRunSecrets_sandboxFromHostname() {
    ContainerMounts m = MountinfoParser.container(Fixtures.shared("otel-mountinfo-crio/a.txt", "mountinfo"));
    assertThat(m.containerId()).isEqualTo("a8f62e52ed7c2cd85242dcf0eb1d727b643540ceca7f328ad7d2f31aedf07731");
    assertThat(m.sandboxId()).startsWith("2ac4c84cb0d3");
    assertThat(m.containerRef().line()).isEqualTo(14);
  }

  @Test
  void parse_octalEscapes_andOtherMountsSkipped_andBadLine() {
    TextBlock t = Fixtures.of("mountinfo", String.join("\n",
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
        "60 42 0:51 / /mnt/with\\040space rw - overlay overlay rw,lowerdir=/a\\040b,upperdir=/u",
        "not a mount"));
    ParseIssues issues = ParseIssues.bounded(10);
    List<OverlayMount> mounts = MountinfoParser.parse(t, issues);
    assertThat(mounts).singleElement().satisfies(m -> {
      assertThat(m.mountPoint()).isEqualTo("/mnt/with space");
      assertThat(m.lowerDirs()).containsExactly("/a b");
    });
    assertThat(issues.list()).extracting(Object::toString)
        .containsExactly("mountinfo:3:1: expected a mountinfo line, got 'not a mount'");
  }
}
