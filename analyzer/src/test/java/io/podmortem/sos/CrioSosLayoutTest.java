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

  @Test
  void everyContainer_itsPodRoleAndQos_asFromTheCollectorsBundle() throws IOException {
    Map<String, String> collector = facts(sample());
    Map<String, String> sos = facts(sosLayout());
    assertThat(collector).hasSizeGreaterThan(10);
    assertThat(sos).isEqualTo(collector);
    assertThat(sos.values()).noneMatch(v -> v.startsWith("null") || v.endsWith("null"));
  }
}
