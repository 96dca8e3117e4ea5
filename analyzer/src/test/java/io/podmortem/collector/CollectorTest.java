package io.podmortem.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the real collector script under dash and busybox ash against stub tools; no container engine needed. */
class CollectorTest {

  @TempDir Path dir;

  static String shell(String name) {
    Optional<Path> path = CollectorRun.which(name.equals("busybox") ? "busybox" : name);
    assumeTrue(path.isPresent(), name + " is not installed");
    return name.equals("busybox") ? path.get() + " sh" : path.get().toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dash", "busybox"})
  void run_writesArchive_manifestFirst_checksumsMatch(String sh) throws Exception {
    CollectorRun r = new CollectorRun(dir).run(shell(sh), "-o", "out");

    assertThat(r.exitCode).as(r.stderr).isZero();
    assertThat(r.lastStdoutLine()).matches(".*/out/podmortem-[A-Za-z0-9._-]+-\\d{8}T\\d{6}Z\\.tar\\.gz");
    Map<String, byte[]> entries = r.entries();
    assertThat(entries.keySet()).first().isEqualTo("manifest.json");
    assertThat(entries).containsKeys("host/uname.txt", "host/date.txt", "docker/ps.txt", "docker/ps.jsonl",
        "docker/inspect.json", "docker/images.txt", "docker/info.txt", "cri/pods.json", "cri/ps.json",
        "cri/images.json", "cri/info.json", "cgroup/cgls.txt", "cgroup/version.txt", "mounts/mountinfo.txt",
        "rootfs/containers.tsv",
        "cri/inspect/7d6ad449ae76b3166d44a1b3f1e2d3c4b5a69788776655443322110099885861b.json",
        "cri/inspectp/cb07c78e24238d1f0c9b5a5a9a63a1d1a0f09b5a1c5e3b0ab6e1d5f6e4c3a2b1.json");
    JsonNode m = r.manifest();
    assertThat(m.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(m.get("options").get("timeout").asInt()).isEqualTo(30);
    assertThat(m.get("startedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    int checked = 0;
    for (JsonNode c : m.get("commands")) {
      if (c.get("output").isTextual()) {
        byte[] bytes = entries.get(c.get("output").asText());
        assertThat(bytes).as("entry of %s", c.get("name")).isNotNull();
        assertThat(c.get("sha256").asText()).as("sha256 of %s", c.get("name"))
            .isEqualTo(CollectorRun.sha256(bytes));
        checked++;
      }
      if (c.get("stderr").isTextual()) {
        assertThat(entries).containsKey(c.get("stderr").asText());
      }
    }
    assertThat(checked).isGreaterThan(15);
    assertThat(r.text("cgroup/version.txt")).isEqualTo("v1\n");
    assertThat(r.text("cgroup/cgls.txt")).contains("kubepods");
  }

  @Test
  void absentTools_areSkippedWithReason_andTheRunStillSucceeds() throws Exception {
    CollectorRun r = new CollectorRun(dir);
    r.stubs.clear();
    r.run(shell("dash"), "-o", "out");

    assertThat(r.exitCode).isZero();
    JsonNode docker = r.command("docker-ps");
    assertThat(docker.get("status").asText()).isEqualTo("skipped");
    assertThat(docker.get("reason").asText()).isEqualTo("docker not found");
    assertThat(docker.get("output").isNull()).isTrue();
    assertThat(r.command("cri-pods").get("reason").asText()).isEqualTo("crictl not found");
    assertThat(r.command("ctr-containers").get("reason").asText()).isEqualTo("ctr not found");
    assertThat(r.command("kube-pods").get("reason").asText()).isEqualTo("kubectl not found");
    assertThat(r.command("cgls").get("reason").asText()).isEqualTo("systemd-cgls not found");
    assertThat(r.command("kubelet-config").get("reason").asText())
        .isEqualTo("/var/lib/kubelet/config.yaml absent");
    assertThat(r.entries().keySet()).noneMatch(e -> e.startsWith("docker/") || e.startsWith("cri/"));
  }

  @Test
  void kubectl_withoutWorkingKubeconfig_isSkipped_withOneItIsCollected() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.conf"), "nothing here\n");
    CollectorRun r = new CollectorRun(dir);
    r.env.put("KUBECONFIG", bad.toString());
    r.run(shell("dash"), "-o", "out");
    assertThat(r.exitCode).isZero();
    assertThat(r.command("kube-pods").get("status").asText()).isEqualTo("skipped");
    assertThat(r.command("kube-pods").get("reason").asText()).startsWith("no working kubeconfig (tried: " + bad);

    Path good = Files.writeString(dir.resolve("good.conf"), "stub-ok\n");
    r.env.put("KUBECONFIG", good.toString());
    r.run(shell("dash"), "-o", "out");
    assertThat(r.command("kube-pods").get("status").asText()).isEqualTo("ok");
    assertThat(r.command("kube-pods").get("argv").toString()).contains(good.toString());
    assertThat(r.text("kube/pods.json")).contains("hello-node-59bffcc9fd-8hkgb");
    assertThat(r.text("kube/pods-wide.txt")).contains("ingress-nginx");
  }

  /**
   * The node's name from kubelet's kubeconfig, laid out as kubeadm writes /etc/kubernetes/kubelet.conf: only the
   * name leaves the node, never the file and its client key.
   */
  @ParameterizedTest
  @ValueSource(strings = {"dash", "busybox"})
  void kubeletKubeconfig_givesTheNodeName_andNothingElseOfTheFile(String sh) throws Exception {
    Path kc = Files.writeString(dir.resolve("kubelet.conf"), String.join("\n",
        "apiVersion: v1",
        "clusters:",
        "- cluster:",
        "    certificate-authority-data: Q0FEQVRB",
        "    server: https://172.16.0.2:6443",
        "  name: kubernetes",
        "contexts:",
        "- context:",
        "    cluster: kubernetes",
        "    user: system:node:cplane-01",
        "  name: system:node:cplane-01@kubernetes",
        "current-context: system:node:cplane-01@kubernetes",
        "kind: Config",
        "users:",
        "- name: system:node:cplane-01",
        "  user:",
        "    client-key-data: U0VDUkVUS0VZ",
        ""));
    CollectorRun r = new CollectorRun(dir);
    r.env.put("PODMORTEM_KUBELET_KUBECONFIG", kc.toString());
    r.run(shell(sh), "-o", "out");

    assertThat(r.exitCode).as(r.stderr).isZero();
    assertThat(r.text("kube/node-name.txt")).isEqualTo("cplane-01\n");
    assertThat(r.command("kubelet-node-name").get("status").asText()).isEqualTo("ok");
    for (byte[] entry : r.entries().values()) {
      assertThat(new String(entry, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("U0VDUkVUS0VZ");
    }
  }

  @Test
  void noKubeletKubeconfig_theNodeNameIsSkippedWithItsReason() throws Exception {
    CollectorRun r = new CollectorRun(dir);
    r.env.put("PODMORTEM_KUBELET_KUBECONFIG", dir.resolve("absent.conf").toString());
    r.run(shell("dash"), "-o", "out");

    assertThat(r.command("kubelet-node-name").get("reason").asText()).isEqualTo("no readable kubelet kubeconfig");
    assertThat(r.entries()).doesNotContainKey("kube/node-name.txt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"timeout", "watchdog"})
  void hangingCommand_isKilledAfterTimeout(String how) throws Exception {
    CollectorRun r = new CollectorRun(dir);
    r.env.put("PMSTUB_HANG", "info");
    if (how.equals("watchdog")) {
      r.env.put("PODMORTEM_NO_TIMEOUT_CMD", "1");
    }
    r.run(shell("dash"), "-o", "out", "--timeout", "2");

    assertThat(r.exitCode).isZero();
    // The stub would hang for 600 s: finishing in a fraction of that proves the kill, even on a loaded machine.
    assertThat(r.elapsedMillis).isLessThan(120_000);
    JsonNode info = r.command("docker-info");
    assertThat(info.get("status").asText()).isEqualTo("timeout");
    assertThat(info.get("exitCode").asInt()).isEqualTo(124);
    assertThat(info.get("durationMs").asLong()).isBetween(1_500L, 60_000L);
    assertThat(r.command("cri-images").get("status").asText()).isEqualTo("ok");
    assertThat(r.stderr).contains("docker-info: timeout", "partial bundle");
  }

  @Test
  void failingCommand_isRecordedWithExitCodeAndStderr() throws Exception {
    CollectorRun r = new CollectorRun(dir);
    r.env.put("PMSTUB_FAIL", "images --no-trunc");
    r.run(shell("dash"), "-o", "out");

    assertThat(r.exitCode).isZero();
    JsonNode images = r.command("docker-images");
    assertThat(images.get("status").asText()).isEqualTo("failed");
    assertThat(images.get("exitCode").asInt()).isEqualTo(3);
    assertThat(images.get("stderr").asText()).isEqualTo("stderr/docker-images.txt");
    assertThat(r.text("stderr/docker-images.txt"))
        .isEqualTo("Error response from daemon: stub failure for 'images --no-trunc'\n");
    assertThat(r.text("docker/ps.txt")).contains("CONTAINER ID");
    assertThat(r.stderr).contains("docker-images: failed (exit 3)", "partial bundle");
  }

  @Test
  void redact_masksTokensPasswordsAndBearer_beforeWriting() throws Exception {
    CollectorRun r = new CollectorRun(dir);
    r.stubs.add("ps");
    r.run(shell("dash"), "-o", "out", "--redact");

    assertThat(r.exitCode).isZero();
    assertThat(r.manifest().get("options").get("redact").asBoolean()).isTrue();
    String table = r.text("ps/table.txt");
    assertThat(table).contains("--token=***", "--password ***", "Bearer ***")
        .doesNotContain("abc123", "hunter2", "eyJhbGciOiJSUzI1NiJ9");
    assertThat(r.text("ps/forest.txt")).doesNotContain("abc123");
    for (byte[] b : r.entries().values()) {
      assertThat(new String(b, StandardCharsets.UTF_8)).doesNotContain("abc123");
    }

    CollectorRun plain = new CollectorRun(Files.createDirectories(dir.resolve("plain")));
    plain.stubs.add("ps");
    plain.run(shell("dash"), "-o", "out");
    assertThat(plain.text("ps/table.txt")).contains("--token=abc123");
  }

  @Test
  void writesNothingOutsideItsTempFolderAndTheArchive() throws Exception {
    CollectorRun r = new CollectorRun(dir);
    List<String> before = listing(dir);
    r.run(shell("dash"), "-o", "out");

    assertThat(r.exitCode).isZero();
    List<String> after = listing(dir);
    after.removeIf(p -> p.startsWith("out/") || p.startsWith("sys/") || p.startsWith("bin/")
        || p.equals("stderr.log"));
    before.removeIf(p -> p.startsWith("sys/") || p.startsWith("bin/"));
    assertThat(after).containsExactlyElementsOf(before);
    assertThat(listing(r.tmp)).as("the temp folder is removed on exit").isEmpty();
    assertThat(listing(r.out)).containsExactly(Path.of(r.lastStdoutLine()).getFileName().toString());
  }

  @Test
  void usage_helpVersionAndBadOptions() throws Exception {
    CollectorRun r = new CollectorRun(dir).run(shell("dash"), "--help");
    assertThat(r.exitCode).isZero();
    assertThat(r.stdout).startsWith("Usage: podmortem-collect [-o DIR] [--max-files N] [--timeout S]");
    assertThat(r.run(shell("dash"), "--version").stdout).isEqualTo("podmortem-collect 0.1.0\n");
    r.run(shell("dash"), "--bogus");
    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.stderr).contains("unknown argument: --bogus");
    r.run(shell("dash"), "--timeout", "soon");
    assertThat(r.exitCode).isEqualTo(2);
    assertThat(listing(r.out)).isEmpty();
  }

  @Test
  void shellcheck_findsNothing() throws Exception {
    Optional<Path> shellcheck = CollectorRun.which("shellcheck");
    assumeTrue(shellcheck.isPresent(), "shellcheck is not installed");
    Process p = new ProcessBuilder(shellcheck.get().toString(), "-s", "sh", CollectorRun.SCRIPT.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).isEmpty();
  }

  static List<String> listing(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      List<String> names = new ArrayList<>();
      s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().forEach(names::add);
      return names;
    }
  }
}
