package io.podmortem.assemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import io.podmortem.model.Container;
import io.podmortem.model.Node;
import io.podmortem.model.Process;
import io.podmortem.model.ProcessKind;
import io.podmortem.model.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A pasted systemd-cgls with no ps beside it (takara9/marmot-servers, a kubeadm worker on cgroup v2): the tree's
 * processes are the node's, each in the container whose scope lists it.
 */
class TreeOnlyProcessesTest {
  private static final Path CASE = Path.of("../../shared/wild/takara-cgls-v2");

  @Test
  void cglsWithoutPs_givesTheProcesses_eachInItsContainer_pauseOnlyScopesAreSandboxes() {
    assumeTrue(Files.isDirectory(CASE), "shared/wild is not beside the checkout");
    Node n = new Analyzer(Limits.defaults()).analyze(CASE).node();

    assertThat(n.processes()).hasSize(45);
    assertThat(n.processes()).filteredOn(p -> p.kind() == ProcessKind.SHIM).hasSize(5);
    Container sandbox = n.containers().stream().filter(c -> c.shortId().equals("b5011aa871fa")).findFirst()
        .orElseThrow();
    assertThat(sandbox.role()).isEqualTo(Role.SANDBOX);
    assertThat(n.processesOf(sandbox)).extracting(Process::command).containsExactly("/pause");
    assertThat(n.missing()).contains("no ps output: the processes are those systemd-cgls lists, without their "
        + "parents, users or start times");
  }
}
