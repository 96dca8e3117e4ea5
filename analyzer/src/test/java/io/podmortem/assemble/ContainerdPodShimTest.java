package io.podmortem.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Container;
import io.podmortem.model.Node;
import io.podmortem.model.Process;
import io.podmortem.model.QosClass;
import io.podmortem.source.SourceReader;
import io.podmortem.source.TextBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * containerd's CRI runs one shim per pod, named after the sandbox, holding every container of the pod: the
 * systemd-cgls scopes decide which container each process is in.
 */
class ContainerdPodShimTest {
  private static final String SANDBOX = "0c316eb8a4711bff1ce968b46ddb658e49378897454b4caf2a20704c808f33f1";
  private static final String APP = "fd57a5cf0b1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4";

  @Test
  void processesUnderOnePodShim_goToTheContainerWhoseScopeListsThem() {
    SourceReader reader = new SourceReader(1 << 20);
    reader.read(TextBlock.of("ps.txt", List.of(
        "    USER STAT CMD",
        "       0 Sl   /usr/local/bin/containerd-shim-runc-v2 -namespace k8s.io -id " + SANDBOX
            + " -address /run/containerd/containerd.sock",
        "   65535 Ss    \\_ /pause",
        "     107 Ssl   \\_ /usr/bin/virt-launcher-monitor --qemu-timeout 301s --name vm2",
        "     107 Sl        \\_ /usr/bin/virt-launcher --qemu-timeout 301s --name vm2")));
    reader.read(TextBlock.of("cgls.txt", List.of(
        "Control group /:",
        "-.slice",
        "└─kubepods.slice …",
        "  └─kubepods-burstable.slice …",
        "    └─kubepods-burstable-pod99ee3a64_645b_4699_9384_5a3875d78b41.slice …",
        "      ├─cri-containerd-" + SANDBOX + ".scope …",
        "      │ └─ 8505 /pause",
        "      └─cri-containerd-" + APP + ".scope …",
        "        ├─ 8542 /usr/bin/virt-launcher-monitor --qemu-timeout 301s --name vm2",
        "        └─ 8559 /usr/bin/virt-launcher --qemu-timeout 301s --name vm2")));
    Node node = new NodeAssembler().assemble(reader.observations());

    Container sandbox = node.containers().stream().filter(c -> SANDBOX.equals(c.id())).findFirst().orElseThrow();
    Container app = node.containers().stream().filter(c -> APP.equals(c.id())).findFirst().orElseThrow();
    assertThat(node.processesOf(sandbox)).extracting(Process::pid).containsExactly(8505);
    assertThat(node.processesOf(app)).extracting(Process::pid).containsExactly(8542, 8559);
    assertThat(node.processesOf(sandbox).get(0).user()).isEqualTo("65535");
    assertThat(app.qosClass()).isEqualTo(QosClass.BURSTABLE);
    assertThat(app.pod().uid()).isEqualTo("99ee3a64-645b-4699-9384-5a3875d78b41");
    assertThat(app.runtime()).isEqualTo("containerd");
    assertThat(sandbox.shimProcess()).isNotNull();
  }
}
