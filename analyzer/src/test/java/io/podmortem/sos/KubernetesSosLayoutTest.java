package io.podmortem.sos;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import io.podmortem.model.Node;
import io.podmortem.model.Pod;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The kubernetes plugin's output in a real sosreport: canonical/hotsos keeps one of a Charmed Kubernetes master
 * (tests/unit/fake_data_root/kubernetes at 7d6f1612), whose sos 4 ran {@code kubectl --kubeconfig=/root/cdk/
 * cdk_addons_kubectl_config get -o json --namespace=kube-system pods} and filed it under
 * {@code sos_commands/kubernetes/pods/}, verbatim here. Its command is in no manifest and its file name names no
 * format we know: its content decides. The master runs none of the pods, which are on two workers.
 */
class KubernetesSosLayoutTest {
  private static final Path ROOT = Path.of("src/test/resources/sos/hotsos-k8s");

  @Test
  void thePluginsPodsJson_givesEveryPod_withItsNode() {
    Node node = new Analyzer(Limits.defaults()).analyze(ROOT).node();
    assertThat(node.sources()).anyMatch(s -> s.entry().startsWith("sos_commands/kubernetes/pods/")
        && s.format().equals("kubectl get pods JSON"));
    assertThat(node.containers()).isEmpty();
    assertThat(node.missing()).noneMatch(m -> m.startsWith("no kubectl get pods"));
    // Eleven pods of kube-system, on juju-110cc2-k8stest-5 and -6; none is taken for this node's.
    assertThat(node.pods()).hasSize(11).noneMatch(Pod::isHere);
    assertThat(node.pods()).extracting(Pod::nodeName).containsOnly("juju-110cc2-k8stest-5",
        "juju-110cc2-k8stest-6");
    assertThat(node.pods()).extracting(Pod::name).contains("coredns-5564855696-86vtt",
        "csi-cinder-controllerplugin-0", "metrics-server-v0.5.1-79b4746b65-vxlqh");
    Pod coredns = node.pods().stream().filter(p -> p.name().equals("coredns-5564855696-86vtt")).findFirst()
        .orElseThrow();
    assertThat(coredns.namespace()).isEqualTo("kube-system");
    assertThat(coredns.apiQosClass()).isEqualTo(io.podmortem.model.QosClass.BURSTABLE);
  }
}
