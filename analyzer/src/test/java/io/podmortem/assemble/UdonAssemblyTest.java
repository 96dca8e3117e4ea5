package io.podmortem.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.Samples;
import io.podmortem.cli.Analyzer;
import io.podmortem.bundle.Limits;
import io.podmortem.explain.Analysis;
import io.podmortem.model.Container;
import io.podmortem.model.Node;
import io.podmortem.model.Pod;
import io.podmortem.model.Process;
import io.podmortem.model.ProcessKind;
import io.podmortem.model.QosClass;
import io.podmortem.model.Role;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every container of the seed node is explained with the right pod, namespace, role, attempt and QoS class. */
class UdonAssemblyTest {
  private static Node node;
  private static Map<String, Container> byShortId;

  @BeforeAll
  static void analyze() {
    Analysis a = new Analyzer(Limits.defaults()).analyze(Samples.udon());
    node = a.node();
    byShortId = node.containers().stream().collect(Collectors.toMap(Container::shortId, Function.identity()));
  }

  @Test
  void processes_splitIntoKernelHostAndContainer_countsMatchTheInput() {
    assertThat(node.processes()).hasSize(164);
    assertThat(node.count(ProcessKind.KERNEL_THREAD)).isEqualTo(83);
    assertThat(node.count(ProcessKind.SHIM)).isEqualTo(21);
    assertThat(node.count(ProcessKind.HOST)).isEqualTo(164 - 83 - 21 - 33);
    assertThat(node.count(ProcessKind.CONTAINER)).isEqualTo(33);
  }

  @Test
  void hostname_comesFromTheKubectlPrompt() {
    assertThat(node.hostname()).isEqualTo("udon");
    assertThat(node.evidence().of("hostname").get(0).toString()).isEqualTo("kubectl-get-pods.txt:1");
  }

  @Test
  void containers_are21_tenSandboxesAndElevenApps() {
    assertThat(node.containers()).hasSize(21);
    assertThat(node.containers().stream().filter(c -> c.role() == Role.SANDBOX)).hasSize(10);
    assertThat(node.containers().stream().filter(c -> c.role() == Role.APP)).hasSize(11);
    assertThat(node.containers()).allSatisfy(c -> {
      assertThat(c.id()).hasSize(64).startsWith(c.shortId());
      assertThat(c.shimProcess()).isNotNull();
      assertThat(c.cgroup()).startsWith("/kubepods.slice/");
      assertThat(c.processes()).isNotEmpty();
    });
  }

  @ParameterizedTest
  @CsvSource({
      "d5fa78fa31f1, controller, ingress-nginx, ingress-nginx-controller-5b74bc9868-bczdr, app, 0, BURSTABLE",
      "6669168db70d, POD, ingress-nginx, ingress-nginx-controller-5b74bc9868-bczdr, sandbox, 0, BURSTABLE",
      "7cbb177bee18, echoserver, default, hello-node-59bffcc9fd-8hkgb, app, 0, BEST_EFFORT",
      "62b369de8d8c, POD, default, hello-node-59bffcc9fd-8hkgb, sandbox, 0, BEST_EFFORT",
      "649a507d4583, coredns, kube-system, coredns-558bd4d5db-flrfq, app, 0, BURSTABLE",
      "4a30785f9187, coredns, kube-system, coredns-558bd4d5db-4nvrg, app, 0, BURSTABLE",
      "9ffd6b668ddf, POD, kube-system, coredns-558bd4d5db-flrfq, sandbox, 0, BURSTABLE",
      "534c0a698478, POD, kube-system, coredns-558bd4d5db-4nvrg, sandbox, 0, BURSTABLE",
      "36b418e69ae7, weave, kube-system, weave-net-mchmg, app, 1, BURSTABLE",
      "48d735f7f44e, weave-npc, kube-system, weave-net-mchmg, app, 0, BURSTABLE",
      "7104f65b5d92, POD, kube-system, weave-net-mchmg, sandbox, 0, BURSTABLE",
      "26d92a720c56, kube-proxy, kube-system, kube-proxy-6d8kg, app, 0, BEST_EFFORT",
      "73fae81715b6, POD, kube-system, kube-proxy-6d8kg, sandbox, 0, BEST_EFFORT",
      "89f35bf7a825, kube-apiserver, kube-system, kube-apiserver-udon, app, 0, BURSTABLE",
      "afa9798c9f66, kube-scheduler, kube-system, kube-scheduler-udon, app, 0, BURSTABLE",
      "2dabff6e4f59, etcd, kube-system, etcd-udon, app, 0, BURSTABLE",
      "4b3708b62f4d, kube-controller-manager, kube-system, kube-controller-manager-udon, app, 0, BURSTABLE",
      "fd95c597ff31, POD, kube-system, kube-scheduler-udon, sandbox, 0, BURSTABLE",
      "589c1545d9e0, POD, kube-system, kube-controller-manager-udon, sandbox, 0, BURSTABLE",
      "6f417fd8a8c5, POD, kube-system, kube-apiserver-udon, sandbox, 0, BURSTABLE",
      "c2ff2c50f0bc, POD, kube-system, etcd-udon, sandbox, 0, BURSTABLE",
  })
  void container_isExplained(String shortId, String name, String ns, String pod, String role, int attempt,
      QosClass qos) {
    Container c = byShortId.get(shortId);
    assertThat(c).as(shortId).isNotNull();
    assertThat(c.containerName()).isEqualTo(name);
    assertThat(c.pod().namespace()).isEqualTo(ns);
    assertThat(c.pod().name()).isEqualTo(pod);
    assertThat(c.role().label()).isEqualTo(role);
    assertThat(c.attempt()).isEqualTo(attempt);
    assertThat(c.qosClass()).isEqualTo(qos);
  }

  @Test
  void ingressController_hasItsEightProcesses_withPidsFromCgls_andUid101() {
    Container c = byShortId.get("d5fa78fa31f1");
    List<Process> ps = node.processesOf(c);
    assertThat(ps).extracting(Process::pid)
        .containsExactly(699303, 699316, 699405, 1075085, 1075086, 1075087, 1075088, 1075089);
    assertThat(ps).extracting(Process::user).containsOnly("101");
    assertThat(ps.get(0).command()).startsWith("/usr/bin/dumb-init -- /nginx-ingress-controller");
    assertThat(node.depth(ps.get(3))).isEqualTo(node.depth(ps.get(0)) + 3);
  }

  @Test
  void echoserverWorker_runsAsUid65534() {
    List<Process> ps = node.processesOf(byShortId.get("7cbb177bee18"));
    assertThat(ps).extracting(Process::user).containsExactly("0", "0", "65534");
    assertThat(ps).extracting(Process::pid).containsExactly(514999, 515039, 515040);
  }

  @Test
  void apiserver_psAndCglsDisagreeOnTheAddress_recordedAsConflict() {
    assertThat(node.conflicts()).anySatisfy(k -> {
      assertThat(k.subject()).isEqualTo("89f35bf7a825");
      assertThat(k.first()).contains("192.168.53.147");
      assertThat(k.second()).contains("192.168.33.147");
    });
  }

  @Test
  void pods_areTwelve_staticOnesKnownByTheirHashUid() {
    assertThat(node.pods()).hasSize(12);
    Pod etcd = pod("etcd-udon");
    assertThat(etcd.uid()).isEqualTo("c2a3008c1d9895f171cd394e38656ea0");
    assertThat(etcd.isStatic()).isTrue();
    assertThat(etcd.owner().kind()).isEqualTo("Node");
    assertThat(etcd.cgroup())
        .isEqualTo("/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-podc2a3008c1d9895f171cd394e38656ea0.slice");
    Pod hello = pod("hello-node-59bffcc9fd-8hkgb");
    assertThat(hello.isStatic()).isFalse();
    assertThat(hello.uid()).isEqualTo("c7111c9e-7131-40e0-876d-be89d5ca1812");
    assertThat(hello.owner().kind()).isEqualTo("ReplicaSet");
    assertThat(hello.owner().name()).isEqualTo("hello-node-59bffcc9fd");
    assertThat(hello.qosClass()).isEqualTo(QosClass.BEST_EFFORT);
    assertThat(pod("weave-net-mchmg").owner().kind()).isEqualTo("DaemonSet");
    assertThat(pod("weave-net-mchmg").containerIds()).hasSize(3);
  }

  @Test
  void completedJobPods_haveNoContainer_andNoGuessedUidOrQos() {
    Pod create = pod("ingress-nginx-admission-create-8jgkt");
    assertThat(create.containerIds()).isEmpty();
    assertThat(create.status()).isEqualTo("Completed");
    assertThat(create.phase()).isEqualTo("Succeeded");
    assertThat(create.owner().kind()).isEqualTo("Job");
    assertThat(create.uid()).isNull();
    assertThat(create.isStatic()).isNull();
    assertThat(create.qosClass()).isNull();
  }

  @Test
  void rootfs_fromTheTranscript() {
    var pause = byShortId.get("6669168db70d").rootfs();
    assertThat(pause.path()).isEqualTo(
        "/var/lib/docker/overlay2/5a2d76012476349e6b58eb6a279bac400968cefae8537082ea873b2e791ff3c6/merged");
    assertThat(pause.entries()).isEqualTo(13);
    assertThat(pause.binary()).isEqualTo("/pause");
    assertThat(pause.staticBinary()).isTrue();
    var echo = byShortId.get("7cbb177bee18").rootfs();
    assertThat(echo.entries()).isEqualTo(3358);
    assertThat(echo.os()).isEqualTo("Ubuntu 16.04.2 LTS");
    assertThat(echo.evidence().of("os").get(0).toString()).isEqualTo("rootfs-transcript.txt:26");
    assertThat(byShortId.get("d5fa78fa31f1").rootfs().os()).isEqualTo("Alpine Linux v3.13");
  }

  private static Pod pod(String name) {
    return node.pods().stream().filter(p -> name.equals(p.name())).findFirst().orElseThrow();
  }
}
