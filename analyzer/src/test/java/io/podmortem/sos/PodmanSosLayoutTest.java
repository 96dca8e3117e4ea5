package io.podmortem.sos;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import io.podmortem.model.Container;
import io.podmortem.model.Node;
import io.podmortem.model.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The podman plugin's per-container {@code podman inspect <short id>}, in both the layouts sos has used: under
 * {@code sos_commands/podman/containers/} (upstream's podman.py) and at the plugin's root (the path insights-core
 * reads, {@code sos_commands/podman/podman_inspect_*}). The outputs are real podman 4 ones that insights-core keeps
 * as test data (insights/tests/datasources/container/test_containers_inspect.py at 43be1855, INSPECT_1 and
 * INSPECT_2), verbatim. podman inspect has docker's shape, with keys of its own (ConmonPidFile, OCIRuntime).
 */
class PodmanSosLayoutTest {
  private static final Path ROOT = Path.of("src/test/resources/sos/podman-insights");

  @Test
  void eachInspectedContainer_isPodmans_withItsNameImageStateAndLayers() {
    Node node = new Analyzer(Limits.defaults()).analyze(ROOT).node();
    assertThat(node.containers()).extracting(Container::shortId).containsExactlyInAnyOrder("aeaea3ead527",
        "28fb57be8bb2");
    for (Container c : node.containers()) {
      assertThat(c.runtime()).as(c.shortId()).isEqualTo("podman");
      // Started with podman run, outside any pod: no Kubernetes container, whatever its image's io.k8s labels say.
      assertThat(c.role()).as(c.shortId()).isEqualTo(Role.PLAIN);
      assertThat(c.image()).isEqualTo("registry.access.redhat.com/rhel:latest");
      assertThat(c.status()).isEqualTo("running");
      assertThat(c.rootfs().upperDir()).startsWith("/var/lib/containers/storage/overlay/").endsWith("/diff");
    }
    Container bell = node.containers().stream().filter(c -> c.shortId().equals("aeaea3ead527")).findFirst()
        .orElseThrow();
    assertThat(bell.name()).isEqualTo("eager_bell");
    assertThat(bell.state().pid()).isEqualTo(27625);
    assertThat(bell.rootfs().path()).isEqualTo(
        "/var/lib/containers/storage/overlay/de84239ee747de645c453b3b81e10849ea3e957e4316bc84ed3d0c32d7de88ee/merged");
    Container goodall = node.containers().stream().filter(c -> c.shortId().equals("28fb57be8bb2")).findFirst()
        .orElseThrow();
    assertThat(goodall.name()).isEqualTo("youthful_goodall");
    assertThat(goodall.security().privileged()).isTrue();
  }
}
