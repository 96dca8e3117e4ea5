package io.podmortem.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import io.podmortem.explain.Analysis;
import io.podmortem.model.Finding;
import io.podmortem.model.Node;
import io.podmortem.model.NodeIdentity;
import io.podmortem.model.Placement;
import io.podmortem.model.Pod;
import io.podmortem.model.SourceRef;
import io.podmortem.source.Observed;
import io.podmortem.source.SourceReader;
import io.podmortem.source.TextBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl get pods -A} lists every pod of the cluster. Only the pods the API schedules on the bundle's node
 * are this node's; the others raise no finding and are counted apart.
 */
class OtherNodesPodsTest {
  private static final Path THREE_NODES = Path.of("src/test/resources/nodes/containerd-three-nodes");
  private static final Path TABLES = Path.of("src/test/resources/source/kubectl-get-pods");

  @TempDir Path dir;

  private static Analysis analyze(Path bundle) {
    return new Analyzer(Limits.defaults()).analyze(bundle);
  }

  private static List<Finding> findings(Analysis a, String id) {
    return a.findings().stream().filter(f -> f.id().equals(id)).toList();
  }

  private static Map<Placement, List<String>> byPlacement(Node n) {
    return n.pods().stream().collect(Collectors.groupingBy(Pod::placement, TreeMap::new,
        Collectors.mapping(Pod::key, Collectors.toList())));
  }

  @Test
  void podsOfOtherNodes_raiseNoPodWithoutContainer_onlyThisNodesPodWithoutContainerDoes() {
    Analysis a = analyze(THREE_NODES);

    assertThat(a.node().identity().name()).isEqualTo("worker-2");
    assertThat(a.node().identity().reason()).isEqualTo("the API schedules 3 pods whose containers run here on node "
        + "'worker-2', and the hostname 'worker-2' agrees.");
    assertThat(a.node().identity().disagreements()).isEmpty();
    assertThat(findings(a, "pod-without-container")).singleElement().satisfies(f -> {
      assertThat(f.subject()).isEqualTo("default/cache-0");
      assertThat(f.message()).isEqualTo("Pod default/cache-0 is ContainerCreating according to kubectl, on this node "
          + "(worker-2), but the node has no container for it.");
      assertThat(f.evidence()).containsExactly(new SourceRef("kubectl-wide.txt", 3));
    });
    Map<Placement, List<String>> placed = byPlacement(a.node());
    assertThat(placed.get(Placement.THIS_NODE)).containsExactly("default/cache-0", "default/web-5d8f7c9b4-x2x7q",
        "monitoring/node-exporter-7kq2m", "shop/api-7f9c6d5b8-k4j2p");
    assertThat(placed.get(Placement.OTHER_NODE)).hasSize(8).contains("kube-system/etcd-cp-1",
        "default/web-5d8f7c9b4-m9n2c", "shop/api-7f9c6d5b8-zz4lm");
    assertThat(placed.get(Placement.UNSCHEDULED)).containsExactly("default/batch-report-28871450-q8zvn");
    assertThat(placed).doesNotContainKey(Placement.UNKNOWN);
  }

  @Test
  void summary_countsOtherNodesPodsAndUnscheduledPodsApart() {
    var model = io.podmortem.report.ReportModel.build(analyze(THREE_NODES));
    var summary = model.get("summary");

    assertThat(summary.get("pods").asInt()).isEqualTo(4);
    assertThat(summary.get("podsWithContainers").asInt()).isEqualTo(3);
    assertThat(summary.get("podsOnOtherNodes").asInt()).isEqualTo(8);
    assertThat(summary.get("otherNodes").toString()).isEqualTo("{\"cp-1\":5,\"worker-1\":3}");
    assertThat(summary.get("podsUnscheduled").toString()).isEqualTo("[\"default/batch-report-28871450-q8zvn\"]");
    assertThat(summary.get("namespaces").toString()).isEqualTo("[\"default\",\"monitoring\",\"shop\"]");
    String md = new io.podmortem.report.Renderer().markdown(model, Map.of());
    assertThat(md).contains("- **Pods**: 4 of this node, 3 with containers on it. 8 pods of the cluster run on "
        + "other nodes (cp-1 5, worker-1 3): the API lists them, and they are no concern of this node's. 1 is not "
        + "scheduled on any node yet: default/batch-report-28871450-q8zvn.");
    assertThat(md).doesNotContain("### kube-system/etcd-cp-1");
  }

  /**
   * A real EKS table (robusta-dev/holmesgpt fixture): nodes are named by their FQDN, the hostname by its first
   * label. Two pods are Pending with NODE {@code <none>}.
   */
  @Test
  void shortHostname_namesTheFqdnNode_otherNodesAndPendingPodsAreApart() throws IOException {
    Files.copy(TABLES.resolve("holmesgpt-01-how-many-pods-find-resource-wide.txt"), dir.resolve("pods.txt"));
    Files.writeString(dir.resolve("host.txt"), "[root@ip-172-31-8-128 ~]# hostname\nip-172-31-8-128\n");
    Analysis a = analyze(dir);

    NodeIdentity id = a.node().identity();
    assertThat(id.name()).isEqualTo("ip-172-31-8-128.us-east-2.compute.internal");
    assertThat(id.reason()).startsWith("the hostname 'ip-172-31-8-128' (host.txt:1) names node "
        + "'ip-172-31-8-128.us-east-2.compute.internal' of the API (the same host, spelt otherwise)");
    Map<Placement, List<String>> placed = byPlacement(a.node());
    assertThat(placed.get(Placement.THIS_NODE)).hasSize(12);
    assertThat(placed.get(Placement.OTHER_NODE)).hasSize(11);
    assertThat(placed.get(Placement.UNSCHEDULED)).containsExactly("/user-profile-import",
        "/user-profile-resources-685bfd9c86-sbcv6");
    // The bundle holds only the table: it does not show what the node runs, so no pod is blamed for lacking one.
    assertThat(findings(a, "pod-without-container")).isEmpty();
  }

  /**
   * A real three-node table (donb4iu/kube-rpi) with no hostname and no container: which node the bundle is from
   * cannot be told, so no pod is taken for this node's, and none raises a finding.
   */
  @Test
  void threeNodesAndNoHostname_nodeUnknown_noPodIsBlamedOnThisNode() throws IOException {
    Files.copy(TABLES.resolve("kube-rpi-commands-wide-all-ns.txt"), dir.resolve("pods.txt"));
    Analysis a = analyze(dir);

    assertThat(a.node().identity().name()).isNull();
    assertThat(a.node().identity().reason()).isEqualTo("the bundle shows no hostname and no pod with a container "
        + "here, and the API lists pods on 3 nodes, so which of them is this one cannot be told.");
    assertThat(findings(a, "pod-without-container")).isEmpty();
    var summary = io.podmortem.report.ReportModel.build(a).get("summary");
    assertThat(summary.get("pods").asInt()).isZero();
    assertThat(summary.get("unmatchedNodes").toString()).isEqualTo("{\"ubuntu\":8,\"ubuntu51\":2,\"ubuntu52\":2}");
  }

  /** A real single-node table (inquisitivefrog/kubernetes) with two Pending pods on {@code <none>}. */
  @Test
  void oneNodeAndNoHostname_thatNodeIsAssumed_pendingPodsAreUnscheduled() throws IOException {
    Files.copy(TABLES.resolve("inquisitivefrog-describe-coredns-wide-pending.txt"), dir.resolve("pods.txt"));
    Analysis a = analyze(dir);

    assertThat(a.node().identity().name()).isEqualTo("k8s-controller-01");
    assertThat(a.node().identity().reason()).endsWith("so that node is assumed to be this one.");
    assertThat(byPlacement(a.node()).get(Placement.UNSCHEDULED)).containsExactly(
        "kube-system/coredns-5dd5756b68-2zrhr", "kube-system/coredns-5dd5756b68-wcs5x");
    assertThat(findings(a, "pod-without-container")).isEmpty();
  }

  @Test
  void hostnameThatIsNotTheNodeName_thePodsDecide_andTheDisagreementIsSaid() {
    SourceRef host = new SourceRef("host/hostname.txt", 1);
    SourceRef pod = new SourceRef("kube/pods.json", 4);
    NodeIdentity id = NodeNames.decide(List.of(new NodeNames.Claim("default/web", "worker-7", true, pod),
        new NodeNames.Claim("default/db", "worker-3", false, pod)), List.of(new Observed("vm-1234", host)));

    assertThat(id.name()).isEqualTo("worker-7");
    assertThat(id.disagreements()).containsExactly("the hostname is 'vm-1234' (host/hostname.txt:1), not "
        + "'worker-7': kubelet registered the node under another name (--hostname-override or a cloud provider's),"
        + " so the pods decide");
    assertThat(id.refs()).containsExactly(pod, host);
  }

  /** The collector's kube/node-name.txt: the name kubelet's kubeconfig gives, which no hostname overrides. */
  @Test
  void kubeletsOwnName_decides_aHostnameThatDiffersIsReported() {
    SourceReader reader = new SourceReader(1 << 20);
    reader.read(new TextBlock("kube/node-name.txt", 1, List.of("worker-3"),
        "sh -c 'sed -n \"s/.*system:node:\\([A-Za-z0-9._-][A-Za-z0-9._-]*\\).*/\\1/p\" \"$1\" | head -n 1' sh "
            + "/etc/kubernetes/kubelet.conf"));
    reader.read(new TextBlock("host/hostname.txt", 1, List.of("vm-77"), "hostname"));
    NodeIdentity id = new NodeAssembler().assemble(reader.observations()).identity();

    assertThat(id.name()).isEqualTo("worker-3");
    assertThat(id.reason()).isEqualTo("kubelet registered the node as 'worker-3': its kubeconfig's user is "
        + "system:node:worker-3 (kube/node-name.txt:1).");
    assertThat(id.disagreements()).containsExactly("the hostname is 'vm-77' (host/hostname.txt:1), not 'worker-3': "
        + "kubelet registered the node under another name (--hostname-override or a cloud provider's)");
  }

  @Test
  void podsWithContainersHereOnTwoNodes_theMajorityDecides_theOthersAreReported() {
    SourceRef r = new SourceRef("kube/pods.json", 1);
    NodeIdentity id = NodeNames.decide(List.of(new NodeNames.Claim("a/x", "n1", true, r),
        new NodeNames.Claim("a/y", "n1", true, r), new NodeNames.Claim("a/z", "n2", true, r)), List.of());

    assertThat(id.name()).isEqualTo("n1");
    assertThat(id.disagreements()).containsExactly("1 pod with containers here is scheduled on 'n2' by the API "
        + "(a/z): the API's view is older or newer than the node's");
  }

  @Test
  void sameHost_ignoresCaseAndTheDomain_butNotAPrefixOfALabel() {
    assertThat(NodeNames.same("Node-1", "node-1")).isTrue();
    assertThat(NodeNames.same("ip-10-0-0-1", "ip-10-0-0-1.ec2.internal")).isTrue();
    assertThat(NodeNames.same("node-1", "node-10")).isFalse();
    assertThat(NodeNames.same("node", "node-1.example")).isFalse();
  }
}
