package io.podmortem.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.podmortem.ChainOrderCheck;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  static final String S1 = "4444444444444444444444444444444444444444444444444444444444444444";
  static final String S2 = "5555555555555555555555555555555555555555555555555555555555555555";
  static final String S3 = "6666666666666666666666666666666666666666666666666666666666666666";

  /** A fake containerd overlayfs snapshotter: snapshots 11 and 12 are an image's layers, 38 to 40 containers'. */
  Path snapshotter() throws IOException {
    Path root = Files.createDirectories(dir.resolve("containerd/io.containerd.snapshotter.v1.overlayfs"))
        .toRealPath();
    Path snaps = root.resolve("snapshots");
    write(snaps.resolve("11/fs"), "etc/os-release", "ID=lowest\nVERSION_ID=11\n");
    write(snaps.resolve("11/fs"), "bin/sh", "#!/bin/sh\n");
    write(snaps.resolve("12/fs"), "usr/share/doc/twelve", "12\n");
    write(snaps.resolve("38/fs"), "tmp/dropped.sh", "#!/bin/sh\n");
    write(snaps.resolve("39/fs"), "var/log/app.log", "log\n");
    write(snaps.resolve("40/fs"), "etc/os-release", "ID=scratch\n");
    for (String n : List.of("38", "39", "40")) {
      Files.createDirectories(snaps.resolve(n + "/work"));
    }
    return root;
  }

  /** crictl inspect of an exited containerd container, protojson style (one field with two spaces). */
  static String inspect(String id, String snapshotKey, String snapshotter) {
    return """
        {
          "status": {
            "id": "%1$s",
            "metadata": {
              "attempt": 0,
              "name": "job"
            },
            "state": "CONTAINER_EXITED",
            "createdAt": "2026-11-26T21:40:12.783406623Z",
            "finishedAt": "2026-11-26T21:41:02.004527814Z",
            "exitCode": 0
          },
          "info": {
            "sandboxID": "cb07c78e24238d1f0c9b5a5a9a63a1d1a0f09b5a1c5e3b0ab6e1d5f6e4c3a2b1",
            "pid": 0,
            "removing": false,
            "snapshotKey":  %2$s,
            "snapshotter": %3$s,
            "runtimeType": "io.containerd.runc.v2",
            "runtimeSpec": {
              "root": {
                "path": "rootfs"
              }
            }
          }
        }
        """.formatted(id, jsonString(snapshotKey), jsonString(snapshotter));
  }

  static String jsonString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** A collector run against stubbed crictl (the given containers, all exited) and ctr, with a containerd socket. */
  CollectorRun containerdRun(Map<String, String[]> containers, String snapshots, Path socket) throws IOException {
    Path inspects = Files.createDirectories(dir.resolve("inspect"));
    for (Map.Entry<String, String[]> c : containers.entrySet()) {
      Files.writeString(inspects.resolve(c.getKey() + ".json"),
          inspect(c.getKey(), c.getValue()[0], c.getValue()[1]));
    }
    CollectorRun r = new CollectorRun(Files.createDirectories(dir.resolve("run")));
    r.stubs.remove("docker");
    r.stubs.add("ctr");
    r.env.put("PMSTUB_CRI_IDS", String.join(" ", containers.keySet()));
    r.env.put("PMSTUB_CRI_INSPECT", inspects.toString());
    r.env.put("PMSTUB_CTR_ROOT", snapshotter().toString());
    r.env.put("PMSTUB_CTR_SNAPSHOTS", snapshots);
    r.env.put("PMSTUB_CTR_LOG", dir.resolve("ctr.log").toString());
    r.env.put("PODMORTEM_CONTAINERD_SOCK", socket.toString());
    return r;
  }

  /** A real unix socket file (the collector only checks -S), open until the channel is closed. */
  static ServerSocketChannel socket(Path path) throws IOException {
    ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    ch.bind(UnixDomainSocketAddress.of(path));
    return ch;
  }

  List<String> ctrCalls() throws IOException {
    Path log = dir.resolve("ctr.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  /**
   * Exited containerd containers have no mount, but their snapshots remain: ctr's mount command names the upper dir
   * and the lowers, so each gets its upper listing, its image layers (listed once for both that share them) and
   * its os-release, read through the lowers.
   */
  @ParameterizedTest
  @ValueSource(strings = {"dash", "busybox"})
  void exitedContainerdContainers_rootfsFromTheirSnapshots(String sh) throws Exception {
    Path sock = dir.resolve("containerd.sock");
    Map<String, String[]> containers = new LinkedHashMap<>();
    containers.put(S1, new String[] {S1, "overlayfs"});
    containers.put(S2, new String[] {S2, "overlayfs"});
    containers.put(S3, new String[] {S3, "overlayfs"});
    CollectorRun r;
    try (ServerSocketChannel ch = socket(sock)) {
      r = containerdRun(containers, S1 + "=38:12:11 " + S2 + "=39:12:11 " + S3 + "=40", sock)
          .run(CollectorTest.shell(sh), "-o", "out");
    }

    assertThat(r.exitCode).as(r.stderr).isZero();
    Path snaps = dir.resolve("containerd/io.containerd.snapshotter.v1.overlayfs/snapshots").toRealPath();
    String k11 = key(snaps.resolve("11/fs"));
    String k12 = key(snaps.resolve("12/fs"));
    assertThat(r.text("rootfs/containers.tsv")).isEqualTo(String.join("\n",
        String.join("\t", "containerd", S1, "CONTAINER_EXITED", snaps.resolve("38/fs").toString(),
            "rootfs/upper/" + S1 + ".txt", k12 + ":" + k11, "-"),
        String.join("\t", "containerd", S2, "CONTAINER_EXITED", snaps.resolve("39/fs").toString(),
            "rootfs/upper/" + S2 + ".txt", k12 + ":" + k11, "-"),
        String.join("\t", "containerd", S3, "CONTAINER_EXITED", snaps.resolve("40/fs").toString(),
            "rootfs/upper/" + S3 + ".txt", "-", "-")) + "\n");

    Map<String, byte[]> entries = r.entries();
    assertThat(entries.keySet().stream().filter(e -> e.startsWith("rootfs/layers/")))
        .containsExactlyInAnyOrder("rootfs/layers/" + k11 + ".txt", "rootfs/layers/" + k12 + ".txt");
    List<String> listed = new ArrayList<>();
    r.manifest().get("commands").forEach(c -> listed.add(c.get("name").asText()));
    assertThat(listed).filteredOn(n -> n.startsWith("layer-")).containsExactlyInAnyOrder("layer-" + k11,
        "layer-" + k12);
    assertThat(r.text("rootfs/layers/" + k11 + ".txt")).contains("\tetc/os-release\t", "\tbin/sh\t");
    assertThat(r.text("rootfs/layers/" + k12 + ".txt")).contains("\tusr/share/doc/twelve\t");
    assertThat(r.text("rootfs/upper/" + S1 + ".txt")).contains("\ttmp/dropped.sh\t").doesNotContain("os-release");
    assertThat(r.text("rootfs/upper/" + S2 + ".txt")).contains("\tvar/log/app.log\t");
    assertThat(r.text("rootfs/upper/" + S3 + ".txt")).contains("\tetc/os-release\t");
    assertThat(r.text("rootfs/os-release/" + S1 + ".txt")).isEqualTo("ID=lowest\nVERSION_ID=11\n");
    assertThat(r.text("rootfs/os-release/" + S3 + ".txt")).isEqualTo("ID=scratch\n");
    assertThat(ChainOrderCheck.assertChainOrder(Path.of(r.lastStdoutLine()))).isEqualTo(3);

    JsonNode snap = r.command("cri-snapshot-" + S1);
    assertThat(snap.get("status").asText()).isEqualTo("ok");
    assertThat(snap.get("argv").toString()).isEqualTo("[\"ctr\",\"-n\",\"k8s.io\",\"snapshots\","
        + "\"--snapshotter\",\"overlayfs\",\"mounts\",\"/mnt\",\"" + S1 + "\"]");
    assertThat(snap.get("output").asText()).isEqualTo("cri/snapshot/" + S1 + ".txt");
    assertThat(r.text("cri/snapshot/" + S1 + ".txt")).isEqualTo("mount -t overlay overlay /mnt -o index=off,workdir="
        + snaps.resolve("38/work") + ",upperdir=" + snaps.resolve("38/fs") + ",lowerdir=" + snaps.resolve("12/fs")
        + ":" + snaps.resolve("11/fs") + "\n");
    assertThat(r.text("cri/snapshot/" + S3 + ".txt")).startsWith("mount -t bind " + snaps.resolve("40/fs") + " ");
    assertThat(ctrCalls()).hasSize(3);
  }

  /** snapshotKey and snapshotter come from crictl's output: anything but a plain word never reaches ctr's argv. */
  @Test
  void hostileSnapshotKeys_areRefused_ctrNeverSeesThem() throws Exception {
    Path sock = dir.resolve("containerd.sock");
    Map<String, String[]> containers = new LinkedHashMap<>();
    containers.put("a1a1a1a1a1a1", new String[] {"../x", "overlayfs"});
    containers.put("b2b2b2b2b2b2", new String[] {"a b", "overlayfs"});
    containers.put("c3c3c3c3c3c3", new String[] {"$(id)", "overlayfs"});
    containers.put("d4d4d4d4d4d4", new String[] {"--address=/tmp/evil", "overlayfs"});
    containers.put("e5e5e5e5e5e5", new String[] {S1, "overlayfs --address /tmp/evil"});
    containers.put("f6f6f6f6f6f6", new String[] {"x\"y", "overlayfs"});
    containers.put(S1, new String[] {S1, "overlayfs"});
    CollectorRun r;
    try (ServerSocketChannel ch = socket(sock)) {
      r = containerdRun(containers, S1 + "=38:12:11", sock).run(CollectorTest.shell("dash"), "-o", "out");
    }

    assertThat(r.exitCode).as(r.stderr).isZero();
    // ctr ran for the one plain key, and for nothing else.
    assertThat(ctrCalls()).containsExactly("-n k8s.io snapshots --snapshotter overlayfs mounts /mnt " + S1);
    List<String> tsv = r.text("rootfs/containers.tsv").lines().toList();
    for (String id : List.of("a1a1a1a1a1a1", "b2b2b2b2b2b2", "c3c3c3c3c3c3", "d4d4d4d4d4d4", "e5e5e5e5e5e5",
        "f6f6f6f6f6f6")) {
      JsonNode c = r.command("cri-snapshot-" + id);
      assertThat(c.get("status").asText()).as(id).isEqualTo("skipped");
      assertThat(c.get("reason").asText()).as(id)
          .isEqualTo("snapshotKey or snapshotter in crictl inspect is not a plain word: refused");
      assertThat(tsv).as(id).contains(String.join("\t", "containerd", id, "CONTAINER_EXITED", "-", "-", "-", "-"));
      assertThat(r.entries()).doesNotContainKey("cri/snapshot/" + id + ".txt");
    }
    assertThat(r.command("cri-snapshot-" + S1).get("status").asText()).isEqualTo("ok");
    assertThat(r.manifest().get("warnings").toString()).contains("not a plain word");
  }

  @Test
  void withoutSocketOrCtr_snapshotIsSkippedWithReason() throws Exception {
    Map<String, String[]> containers = new LinkedHashMap<>();
    containers.put(S1, new String[] {S1, "overlayfs"});
    Path absent = dir.resolve("no.sock");
    CollectorRun r = containerdRun(containers, S1 + "=38:12:11", absent).run(CollectorTest.shell("dash"), "-o",
        "out");
    assertThat(r.exitCode).as(r.stderr).isZero();
    assertThat(r.command("cri-snapshot-" + S1).get("reason").asText()).isEqualTo("no containerd socket at " + absent);
    assertThat(r.text("rootfs/containers.tsv"))
        .isEqualTo(String.join("\t", "containerd", S1, "CONTAINER_EXITED", "-", "-", "-", "-") + "\n");

    Path sock = dir.resolve("containerd.sock");
    r.stubs.remove("ctr");
    Files.delete(r.bin.resolve("ctr"));
    r.env.put("PODMORTEM_CONTAINERD_SOCK", sock.toString());
    try (ServerSocketChannel ch = socket(sock)) {
      r.run(CollectorTest.shell("dash"), "-o", "out");
    }
    assertThat(r.command("cri-snapshot-" + S1).get("reason").asText()).isEqualTo("ctr not found");
    assertThat(ctrCalls()).isEmpty();
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
