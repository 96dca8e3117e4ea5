package io.podmortem.sos;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.Samples;
import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import io.podmortem.model.Container;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CRI-O node's sosreport, as OpenShift support sees most: the sample CRI-O node's outputs filed where upstream
 * sos's crio plugin files them (sos/report/plugins/crio.py, sosreport/sos 0972afd: {@code crictl inspect <id>} under
 * {@code sos_commands/crio/containers/}, {@code crictl inspectp <id>} under {@code sos_commands/crio/pods/}), the
 * process list under the process plugin and the cgroup tree under the cgroups plugin. Built here, in the test,
 * from {@code samples/crio-cgv2}; only the names are sos's. Every container must be explained with the pod, role
 * and QoS class that the collector's bundle of the same node gives it.
 */
class CrioSosLayoutTest {
  @TempDir
  Path dir;

  private static Path sample() {
    return Samples.dir().resolve("crio-cgv2");
  }

  private Path sosLayout() throws IOException {
    Path root = Files.createDirectories(dir.resolve("sosreport-worker-0-2026-12-02-abcdefg"));
    Path containers = Files.createDirectories(root.resolve("sos_commands/crio/containers"));
    Path pods = Files.createDirectories(root.resolve("sos_commands/crio/pods"));
    try (Stream<Path> s = Files.list(sample().resolve("cri/inspect"))) {
      for (Path p : s.toList()) {
        Files.copy(p, containers.resolve("crictl_inspect_" + p.getFileName().toString().replace(".json", "")));
      }
    }
    try (Stream<Path> s = Files.list(sample().resolve("cri/inspectp"))) {
      for (Path p : s.toList()) {
        Files.copy(p, pods.resolve("crictl_inspectp_" + p.getFileName().toString().replace(".json", "")));
      }
    }
    Files.createDirectories(root.resolve("sos_commands/process"));
    Files.copy(sample().resolve("ps/table.txt"), root.resolve("sos_commands/process/ps_alxwww"));
    Files.createDirectories(root.resolve("sos_commands/cgroups"));
    Files.copy(sample().resolve("cgroup/cgls.txt"), root.resolve("sos_commands/cgroups/systemd-cgls"));
    return root;
  }

  private static Map<String, String> facts(Path bundle) {
    Map<String, String> out = new TreeMap<>();
    for (Container c : new Analyzer(Limits.defaults()).analyze(bundle).node().containers()) {
      out.put(c.shortId(), (c.pod() == null ? null : c.pod().namespace() + "/" + c.pod().name()) + " | " + c.role()
          + " | " + c.qosClass());
    }
    return out;
  }

  /**
   * The crio plugin also files {@code crictl pods} and {@code crictl ps -a} as tables
   * ({@code sos_commands/crio/crictl_pods}, {@code crictl_ps_-a}). Here the real pair of the Kubernetes docs'
   * crictl page (shared/wild/k8sdocs-crictl): the sandboxes get their pods, and the containers, whose rows name no
   * pod, are app containers of pods the table does not show, never containers outside Kubernetes.
   */
  @Test
  void theCrioPluginsTables_sandboxesTheirPods_containersAppsOfUnshownPods() throws IOException {
    Path wild = Path.of("../../shared/wild/k8sdocs-crictl");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(wild), "shared/wild is not beside the checkout");
    Path root = Files.createDirectories(dir.resolve("sosreport-node-2026-12-02-abcdefg/sos_commands/crio"));
    Files.copy(wild.resolve("a.txt"), root.resolve("crictl_pods"));
    Files.copy(wild.resolve("b.txt"), root.resolve("crictl_ps_-a"));
    Map<String, String> facts = facts(root.getParent().getParent());
    assertThat(facts).containsEntry("926f1b5a1d33", "default/sh-84d7dcf559-4r2gq | SANDBOX | null")
        .containsEntry("a86316e96fa8", "kube-system/kube-proxy-gblk4 | SANDBOX | null")
        .containsEntry("1f73f2d81bf9", "null | APP | null")
        .containsEntry("9c5951df22c7", "null | APP | null");
    assertThat(facts).hasSize(8).doesNotContainValue("null | PLAIN | null");
  }

  @Test
  void everyContainer_itsPodRoleAndQos_asFromTheCollectorsBundle() throws IOException {
    Map<String, String> collector = facts(sample());
    Map<String, String> sos = facts(sosLayout());
    assertThat(collector).hasSizeGreaterThan(10);
    assertThat(sos).isEqualTo(collector);
    assertThat(sos.values()).noneMatch(v -> v.startsWith("null") || v.endsWith("null"));
  }
}
