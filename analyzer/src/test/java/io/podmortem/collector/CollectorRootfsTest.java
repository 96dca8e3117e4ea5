package io.podmortem.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.ChainOrderCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Root filesystem listings against a fake overlay2 storage in a temp folder: stubbed docker names the layer
 * chains, a canned mountinfo names the overlay mounts. No engine, no real mounts.
 */
class CollectorRootfsTest {

  static final String C1 = "1111111111111111111111111111111111111111111111111111111111111111";
  static final String C2 = "2222222222222222222222222222222222222222222222222222222222222222";
  static final String C3 = "3333333333333333333333333333333333333333333333333333333333333333";

  @TempDir Path dir;
  Path storage;
  Path hostSecret;

  @BeforeEach
  void fakeStorage() throws IOException {
    storage = Files.createDirectories(dir.resolve("storage/overlay2")).toRealPath();
    hostSecret = Files.writeString(dir.resolve("host-secret"), "SECRET=on-the-host\n").toRealPath();
    Path l1 = Files.createDirectories(storage.resolve("L1/diff"));
    write(l1, "usr/lib/os-release", "ID=fake\nVERSION_ID=1\n");
    write(l1, "bin/app", "#!/bin/sh\necho app\n");
    Files.createDirectories(l1.resolve("etc"));
    Files.createSymbolicLink(l1.resolve("etc/os-release"), Path.of("../usr/lib/os-release"));
    write(l1, "bin/a", "");
    write(l1, "bin/b", "");
    Path l2 = Files.createDirectories(storage.resolve("L2/diff"));
    write(l2, "etc/hostname", "fake\n");
    Files.createDirectories(storage.resolve("l"));
    Files.createSymbolicLink(storage.resolve("l/SHORTONE"), Path.of("../L1/diff"));
    Files.createSymbolicLink(storage.resolve("l/SHORTTWO"), Path.of("../L2/diff"));
    // c1 runs: its merged dir is what the container sees.
    write(storage.resolve("C1/diff"), "tmp/dropper.sh", "#!/bin/sh\n");
    Path merged = storage.resolve("C1/merged");
    write(merged, "usr/lib/os-release", "ID=merged\n");
    write(merged, "bin/app", "#!/bin/sh\necho app\n");
    Files.createDirectories(merged.resolve("etc"));
    Files.createSymbolicLink(merged.resolve("etc/os-release"), Path.of("/usr/lib/os-release"));
    // c2 stopped: its /etc/os-release tries to climb out of the root to a host file.
    Path up2 = Files.createDirectories(storage.resolve("C2/diff/etc"));
    Files.createSymbolicLink(up2.resolve("os-release"), Path.of("/../../../../.." + hostSecret));
    // c3 runs under containerd, found only by its mount.
    write(storage.resolve("C3/diff"), "var/log/x", "x\n");
  }

  /** Absolute links made on purpose; removed here so JUnit does not warn about links out of the temp dir. */
  @AfterEach
  void removeAbsoluteLinks() throws IOException {
    Files.deleteIfExists(storage.resolve("C1/merged/etc/os-release"));
    Files.deleteIfExists(storage.resolve("C2/diff/etc/os-release"));
  }

  static void write(Path root, String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  CollectorRun collector() throws IOException {
    Path rootfs = dir.resolve("docker-rootfs.txt");
    String lowers = storage.resolve("L1/diff") + ":" + storage.resolve("L2/diff");
    Files.writeString(rootfs,
        C1 + "|running|" + storage.resolve("C1/diff") + "|" + lowers + "|" + storage.resolve("C1/merged") + "|/bin/app\n"
            + C2 + "|exited|" + storage.resolve("C2/diff") + "|" + lowers + "|" + storage.resolve("C2/merged") + "|app\n");
    String shortLowers = storage.resolve("l/SHORTONE") + ":" + storage.resolve("l/SHORTTWO");
    Path mountinfo = dir.resolve("mountinfo-overlay");
    Files.writeString(mountinfo, "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
        + "59 22 0:50 / " + storage.resolve("C1/merged") + " rw,relatime shared:3 - overlay overlay rw,lowerdir="
        + shortLowers + ",upperdir=" + storage.resolve("C1/diff") + ",workdir=" + storage.resolve("C1/work") + "\n"
        + "60 22 0:51 / /run/containerd/io.containerd.runtime.v2.task/k8s.io/" + C3 + "/rootfs rw,relatime - overlay"
        + " overlay rw,lowerdir=" + shortLowers + ",upperdir=" + storage.resolve("C3/diff") + ",workdir=x\n");
    CollectorRun r = new CollectorRun(Files.createDirectories(dir.resolve("run")));
    r.stubs.remove("crictl");
    r.env.put("PMSTUB_DOCKER_ROOTFS", rootfs.toString());
    r.env.put("PODMORTEM_MOUNTINFO", mountinfo.toString());
    return r;
  }

  static String key(Path layer) {
    return CollectorRun.sha256(layer.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dash", "busybox"})
  void sharedImageLayers_areListedOnce_eachContainerAddsOnlyItsUpperDir(String sh) throws Exception {
    CollectorRun r = collector().run(CollectorTest.shell(sh), "-o", "out");

    assertThat(r.exitCode).as(r.stderr).isZero();
    Map<String, byte[]> entries = r.entries();
    String k1 = key(storage.resolve("L1/diff"));
    String k2 = key(storage.resolve("L2/diff"));
    assertThat(entries.keySet().stream().filter(e -> e.startsWith("rootfs/layers/")))
        .containsExactlyInAnyOrder("rootfs/layers/" + k1 + ".txt", "rootfs/layers/" + k2 + ".txt");
    assertThat(entries.keySet().stream().filter(e -> e.startsWith("rootfs/upper/")))
        .containsExactlyInAnyOrder("rootfs/upper/" + C1 + ".txt", "rootfs/upper/" + C2 + ".txt",
            "rootfs/upper/" + C3 + ".txt");
    assertThat(r.text("rootfs/containers.tsv")).isEqualTo(String.join("\n",
        String.join("\t", "docker", C1, "running", storage.resolve("C1/diff").toString(),
            "rootfs/upper/" + C1 + ".txt", k1 + ":" + k2, storage.resolve("C1/merged").toString()),
        String.join("\t", "docker", C2, "exited", storage.resolve("C2/diff").toString(),
            "rootfs/upper/" + C2 + ".txt", k1 + ":" + k2, "-"),
        String.join("\t", "containerd", C3, "running", storage.resolve("C3/diff").toString(),
            "rootfs/upper/" + C3 + ".txt", k1 + ":" + k2,
            "/run/containerd/io.containerd.runtime.v2.task/k8s.io/" + C3 + "/rootfs")) + "\n");

    List<String> layer1 = r.text("rootfs/layers/" + k1 + ".txt").lines().toList();
    assertThat(layer1).hasSize(9)
        .anyMatch(l -> l.matches("f 644 \\d+ \\d+ 21 \\d+\\.\\d{10}\tusr/lib/os-release\t"))
        .anyMatch(l -> l.matches("l 777 \\d+ \\d+ 21 \\d+\\.\\d{10}\tetc/os-release\t\\.\\./usr/lib/os-release"))
        .anyMatch(l -> l.matches("d 755 \\d+ \\d+ \\d+ \\d+\\.\\d{10}\tbin\t"));
    assertThat(r.text("rootfs/upper/" + C1 + ".txt")).contains("\ttmp/dropper.sh\t");
    assertThat(r.command("layer-" + k1).get("argv").get(1).asText()).isEqualTo(storage.resolve("L1/diff").toString());
  }

  /**
   * Two images share base layer L2 (L1 over it, and L3 over it); c1 and c3 run the first, c2 the second. The
   * listings come in chain order: base first, then each chain's top layer followed by its containers' upper dirs.
   */
  @ParameterizedTest
  @ValueSource(strings = {"dash", "busybox"})
  void listings_comeInChainOrder_sharedBaseFirst_eachUpperAfterItsChain(String sh) throws Exception {
    write(storage.resolve("L3/diff"), "srv/other", "other\n");
    Path rootfs = dir.resolve("docker-rootfs-chains.txt");
    String a = storage.resolve("L1/diff") + ":" + storage.resolve("L2/diff");
    String b = storage.resolve("L3/diff") + ":" + storage.resolve("L2/diff");
    Files.writeString(rootfs, C1 + "|running|" + storage.resolve("C1/diff") + "|" + a + "|"
        + storage.resolve("C1/merged") + "|\n"
        + C2 + "|exited|" + storage.resolve("C2/diff") + "|" + b + "|-|\n"
        + C3 + "|exited|" + storage.resolve("C3/diff") + "|" + a + "|-|\n");
    CollectorRun r = new CollectorRun(Files.createDirectories(dir.resolve("run")));
    r.stubs.remove("crictl");
    r.env.put("PMSTUB_DOCKER_ROOTFS", rootfs.toString());
    r.run(CollectorTest.shell(sh), "-o", "out");

    assertThat(r.exitCode).as(r.stderr).isZero();
    assertThat(ChainOrderCheck.assertChainOrder(Path.of(r.lastStdoutLine()))).isEqualTo(3);
    String k1 = key(storage.resolve("L1/diff"));
    String k2 = key(storage.resolve("L2/diff"));
    String k3 = key(storage.resolve("L3/diff"));
    List<String> chainA = List.of("rootfs/layers/" + k1 + ".txt", "rootfs/upper/" + C1 + ".txt",
        "rootfs/upper/" + C3 + ".txt");
    List<String> chainB = List.of("rootfs/layers/" + k3 + ".txt", "rootfs/upper/" + C2 + ".txt");
    List<String> expected = new ArrayList<>(List.of("rootfs/layers/" + k2 + ".txt"));
    expected.addAll(k1.compareTo(k3) < 0 ? chainA : chainB);
    expected.addAll(k1.compareTo(k3) < 0 ? chainB : chainA);
    assertThat(r.entries().keySet().stream().filter(e -> e.startsWith("rootfs/layers/")
        || e.startsWith("rootfs/upper/"))).containsExactlyElementsOf(expected);
  }

  @Test
  void osRelease_followsSymlinksInsideTheRoot_neverOnTheHost() throws Exception {
    CollectorRun r = collector().run(CollectorTest.shell("dash"), "-o", "out");

    assertThat(r.text("rootfs/os-release/" + C1 + ".txt")).isEqualTo("ID=merged\n");
    // c2's /etc/os-release points at the host file; inside the root that path does not exist, so the
    // collector falls back to /usr/lib/os-release of the lower layer.
    assertThat(r.text("rootfs/os-release/" + C2 + ".txt")).isEqualTo("ID=fake\nVERSION_ID=1\n");
    for (byte[] b : r.entries().values()) {
      assertThat(new String(b, StandardCharsets.UTF_8)).doesNotContain("SECRET=on-the-host");
    }
    assertThat(r.text("rootfs/file/" + C1 + ".txt")).startsWith("/bin/app: ").contains("script");
    assertThat(r.text("rootfs/file/" + C2 + ".txt")).startsWith("/bin/app: ");
  }

  @Test
  void listing_longerThanMaxFiles_endsWithTruncatedMarker() throws Exception {
    CollectorRun r = collector().run(CollectorTest.shell("dash"), "-o", "out", "--max-files", "3");

    String k1 = key(storage.resolve("L1/diff"));
    List<String> lines = r.text("rootfs/layers/" + k1 + ".txt").lines().toList();
    assertThat(lines).hasSize(4).last().isEqualTo("#truncated 3 of 9");
    assertThat(r.command("layer-" + k1).get("status").asText()).isEqualTo("truncated");
    assertThat(r.command("upper-" + C1).get("status").asText()).isEqualTo("ok");
  }

  @Test
  void noListings_keepsContainersTsvAndOsRelease() throws Exception {
    CollectorRun r = collector().run(CollectorTest.shell("dash"), "-o", "out", "--no-listings");

    assertThat(r.entries().keySet()).noneMatch(e -> e.startsWith("rootfs/layers/") || e.startsWith("rootfs/upper/"));
    assertThat(r.text("rootfs/containers.tsv")).contains(C1 + "\trunning\t");
    assertThat(r.entries()).containsKey("rootfs/os-release/" + C2 + ".txt");
    assertThat(r.manifest().get("options").get("listings").asBoolean()).isFalse();
  }
}
