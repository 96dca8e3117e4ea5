package io.podmortem.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.Samples;
import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import io.podmortem.model.Container;
import io.podmortem.model.Node;
import io.podmortem.model.QosClass;
import io.podmortem.model.Role;
import io.podmortem.model.SourceRef;
import io.podmortem.source.SourceReader;
import io.podmortem.source.TextBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Facts a real node leaves unstated: the QoS class of a container whose cgroup is gone, an init container that
 * kubelet 1.26 does not mark, and the base OS of a stopped container whose root filesystem was not listed.
 */
class PodFactsInferredTest {
  private static final Path THREE_NODES = Path.of("src/test/resources/nodes/containerd-three-nodes");

  private static Node node(Path bundle) {
    return new Analyzer(Limits.defaults()).analyze(bundle).node();
  }

  private static Container named(Node n, String name) {
    return n.containers().stream().filter(c -> name.equals(c.containerName())).findFirst().orElseThrow();
  }

  @Test
  void exitedContainerWithoutItsOwnCgroup_showsItsPodsQos_citingThePodSlice() {
    Node n = node(THREE_NODES);
    Container shipper = named(n, "log-shipper");

    assertThat(shipper.cgroup()).isNull();
    assertThat(shipper.qosClass()).isEqualTo(QosClass.BURSTABLE);
    assertThat(shipper.inferred().get("qosClass")).isEqualTo("the pod's class, from the pod's cgroup "
        + "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod3f6e2b1c_7a44_4d1e_9b0a_2c5d8e7f6a11.slice:"
        + " QoS is a property of the pod, and this container's own cgroup was not seen");
    assertThat(shipper.evidence().of("qosClass")).containsExactly(new SourceRef("systemd-cgls.txt", 5));
    // Containers whose own cgroup shows the class say nothing is inferred.
    assertThat(named(n, "nginx").inferred()).doesNotContainKey("qosClass");
    assertThat(n.containers()).allSatisfy(c -> assertThat(c.qosClass()).as(c.shortId()).isNotNull());
  }

  @Test
  void containerOfAPodKnownOnlyToTheApi_takesTheApisQosClass() {
    SourceReader reader = new SourceReader(1 << 20);
    reader.read(TextBlock.of("docker-ps.txt", List.of(
        "CONTAINER ID   IMAGE          COMMAND      CREATED       STATUS                     PORTS     NAMES",
        "4f1e2d3c4b5a   busybox:1.36   \"sleep 9\"    2 hours ago   Exited (0) 2 hours ago               "
            + "k8s_job_report-x1_default_6a4fa112-9845-411f-875c-27750799d196_0")));
    reader.read(TextBlock.of("pods.json", List.of(
        "{\"kind\": \"Pod\", \"metadata\": {\"name\": \"report-x1\", \"namespace\": \"default\",",
        "  \"uid\": \"6a4fa112-9845-411f-875c-27750799d196\"}, \"spec\": {\"nodeName\": \"n1\",",
        "  \"containers\": [{\"name\": \"job\"}]}, \"status\": {\"phase\": \"Succeeded\",",
        "  \"qosClass\": \"BestEffort\", \"containerStatuses\": []}}")));
    Node n = new NodeAssembler().assemble(reader.observations());

    Container job = named(n, "job");
    assertThat(job.qosClass()).isEqualTo(QosClass.BEST_EFFORT);
    assertThat(job.inferred().get("qosClass")).startsWith("the pod's class, from the API's status.qosClass");
    assertThat(job.evidence().of("qosClass")).containsExactly(new SourceRef("pods.json", 1));
  }

  @Test
  void initContainerWithoutAMarker_isInferredFromItsExitAndTheNextContainersCreation() {
    Container init = named(node(THREE_NODES), "wait-for-db");

    assertThat(init.role()).isEqualTo(Role.INIT);
    assertThat(init.inferred().get("role")).isEqualTo("inferred from the pod's timeline: it exited 0 at "
        + "2026-12-01T21:30:19.800Z, before api (89159914e957) was first created, at 2026-12-01T21:30:20.600Z, in the "
        + "same sandbox, and it never ran again. Kubelet starts a pod's app containers only once its init containers "
        + "have exited 0, and marks no container as an init container");
    assertThat(init.evidence().of("role")).contains(new SourceRef("crictl-inspect-wait-for-db.json", 1));
  }

  @Test
  void restartedAppContainer_andOneThatFailed_areNotTakenForInitContainers() {
    Node n = node(THREE_NODES);
    // log-shipper exited and ran before (attempt 3); nginx and api run.
    assertThat(named(n, "log-shipper").role()).isEqualTo(Role.APP);
    assertThat(named(n, "log-shipper").inferred()).doesNotContainKey("role");
    assertThat(named(n, "api").role()).isEqualTo(Role.APP);
  }

  /**
   * A real {@code crictl ps -a} table (88lexd/lexd-solutions): flannel's init containers are Exited at attempt 0,
   * but a table gives neither exit codes nor end times, so nothing is inferred from it.
   */
  @Test
  void crictlTableWithoutExitCodes_infersNoInitContainer() throws IOException {
    SourceReader reader = new SourceReader(1 << 20);
    reader.read(TextBlock.of("crictl.txt", Files.readAllLines(
        Path.of("src/test/resources/source/crictl-ps/lexd-solutions-os-configuration-readme-ps-a.txt"))));
    Node n = new NodeAssembler().assemble(reader.observations());

    assertThat(n.containers()).isNotEmpty().allSatisfy(c -> assertThat(c.inferred()).doesNotContainKey("role"));
  }

  @Test
  void stoppedContainerdContainer_hasNoRootfsPathUnderRun_andTakesItsBaseOsFromTheSameImage() {
    Node n = new Analyzer(Limits.defaults()).analyze(Samples.dir().resolve("containerd-cgv2")).node();
    Container installCni = n.containers().stream().filter(c -> c.shortId().equals("ac128fb12592")).findFirst()
        .orElseThrow();

    assertThat(installCni.state().running()).isFalse();
    assertThat(installCni.rootfs().path()).isNull();
    assertThat(installCni.rootfs().os()).isEqualTo("Alpine Linux v3.19");
    assertThat(installCni.inferred().get("os")).isEqualTo("inferred from the image: its own root filesystem was not "
        + "read, and container 7531aad56173 of the same image sha256:20956929aa59309bc315ae5dd5ad6e0a612df2976de55da9"
        + "26f341a004c680aa has this os-release");
    assertThat(n.containers()).filteredOn(c -> c.state() != null && !c.state().running())
        .allSatisfy(c -> assertThat(c.rootfs().path()).as(c.shortId()).isNull());
  }

  /**
   * The API's {@code spec.initContainers} decides, for a container whose ID no status gives any more: here an
   * earlier attempt of the real troubleshoot pod's crash-looping init container, which exited 127.
   */
  @Test
  void specInitContainers_decideTheRole_ofAnEarlierAttemptTheStatusesNoLongerName() throws IOException {
    SourceReader reader = new SourceReader(1 << 20);
    reader.read(TextBlock.of("docker-ps.txt", List.of(
        "CONTAINER ID   IMAGE          COMMAND   CREATED          STATUS                        PORTS     NAMES",
        "77aa11bb22cc   busybox        \"wge\"     10 minutes ago   Exited (127) 10 minutes ago             "
            + "k8s_install_init-demo2_message-pod-init-crashloop-backoff_5a560e83-c634-4c91-b308-510ee692ed6a_0")));
    reader.read(TextBlock.of("pods.json", Files.readAllLines(Path.of(
        "src/test/resources/source/kubectl-pods-json/troubleshoot-message-pod-init-crashloop-backoff.json"))));
    Container install = named(new NodeAssembler().assemble(reader.observations()), "install");

    assertThat(install.role()).isEqualTo(Role.INIT);
    assertThat(install.inferred()).doesNotContainKey("role");
    assertThat(install.evidence().of("role")).singleElement().extracting(SourceRef::entry).isEqualTo("pods.json");
  }
}
