package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** kubectl get pods -o json: a real minikube list, and a list with a mirror pod, init and ephemeral containers. */
class KubePodsJsonParserTest {

  @Test
  void parse_realList_readsEveryPodField() {
    ParseIssues issues = ParseIssues.bounded(10);
    TextBlock t = Fixtures.load("kubectl-pods-json/minikube-docker-kuard.json");
    assertThat(KubePodsJsonParser.looksLike(t)).isTrue();
    List<KubePod> pods = KubePodsJsonParser.parse(t, issues);
    assertThat(issues.list()).isEmpty();
    KubePod p = pods.get(0);
    assertThat(p.ref().line()).isEqualTo(4);
    assertThat(p.namespace()).isEqualTo("default");
    assertThat(p.name()).isEqualTo("queue-l4dv8");
    assertThat(p.uid()).isEqualTo("d8aa9a47-ad0f-4bbe-bc12-ab31605d3211");
    assertThat(p.nodeName()).isEqualTo("minikube");
    assertThat(p.phase()).isEqualTo("Running");
    assertThat(p.qosClass()).isEqualTo("BestEffort");
    assertThat(p.startTime()).isEqualTo("2022-12-23T09:36:45Z");
    assertThat(p.ownerKind()).isEqualTo("ReplicaSet");
    assertThat(p.ownerName()).isEqualTo("queue");
    assertThat(p.annotations()).isEmpty();
    assertThat(p.initContainers()).isEmpty();
    assertThat(p.ephemeralContainers()).isEmpty();
    KubeContainerStatus c = p.containers().get(0);
    assertThat(c.ref().line()).isEqualTo(142);
    assertThat(c.name()).isEqualTo("queue");
    assertThat(c.runtime()).isEqualTo("docker");
    assertThat(c.containerId()).isEqualTo("d8e1e33309272b4a4267e15f995ff7b6612532240cb61dc03a118659620226f2");
    assertThat(c.image()).isEqualTo("gcr.io/kuar-demo/kuard-amd64:1");
    assertThat(c.imageId()).startsWith("docker-pullable://gcr.io/kuar-demo/kuard-amd64@sha256:");
    assertThat(c.restartCount()).isZero();
    assertThat(c.ready()).isTrue();
    assertThat(c.state()).isEqualTo("running");
    assertThat(c.startedAt()).isEqualTo("2022-12-23T09:36:47Z");
    assertThat(c.reason()).isNull();
    assertThat(c.lastReason()).isNull();
  }

  @Test
  void parse_mirrorPodInitEphemeralAndWaiting() {
    ParseIssues issues = ParseIssues.bounded(10);
    List<KubePod> pods =
        KubePodsJsonParser.parse(Fixtures.load("kubectl-pods-json/constructed-static-init-ephemeral.json"), issues);
    assertThat(issues.list()).isEmpty();
    KubePod mirror = pods.get(0);
    assertThat(mirror.ownerKind()).isEqualTo("Node");
    assertThat(mirror.ownerName()).isEqualTo("controlplane");
    assertThat(mirror.annotations()).containsEntry("kubernetes.io/config.mirror", "408851a572c13f8177557fdb9151111c");
    KubeContainerStatus etcd = mirror.containers().get(0);
    assertThat(etcd.runtime()).isEqualTo("containerd");
    assertThat(etcd.restartCount()).isEqualTo(3);
    assertThat(etcd.lastReason()).isEqualTo("OOMKilled");
    assertThat(etcd.lastExitCode()).isEqualTo(137);
    assertThat(etcd.lastFinishedAt()).isEqualTo("2024-03-01T09:59:58Z");

    KubePod web = pods.get(1);
    assertThat(web.containers()).extracting(KubeContainerStatus::state).containsExactly("waiting", "waiting");
    KubeContainerStatus creating = web.containers().get(0);
    assertThat(creating.runtime()).isNull();
    assertThat(creating.containerId()).isNull();
    assertThat(creating.imageId()).isNull();
    assertThat(creating.reason()).isEqualTo("ContainerCreating");
    assertThat(web.containers().get(1).reason()).isEqualTo("CrashLoopBackOff");
    assertThat(web.containers().get(1).runtime()).isEqualTo("cri-o");
    KubeContainerStatus init = web.initContainers().get(0);
    assertThat(init.state()).isEqualTo("terminated");
    assertThat(init.reason()).isEqualTo("Completed");
    assertThat(init.exitCode()).isZero();
    assertThat(init.finishedAt()).isEqualTo("2024-03-01T10:02:05Z");
    assertThat(web.ephemeralContainers()).extracting(KubeContainerStatus::name).containsExactly("debugger-abcde");
    assertThat(web.containers().get(0).ref().line()).isLessThan(web.ephemeralContainers().get(0).ref().line())
        .isGreaterThan(web.ref().line());
  }

  @Test
  void parse_singlePodObject() {
    TextBlock t = Fixtures.of("pod.json", "{\n \"apiVersion\": \"v1\",\n \"kind\": \"Pod\",\n"
        + " \"metadata\": {\"name\": \"x\", \"namespace\": \"d\"},\n"
        + " \"status\": {\"containerStatuses\": [\n  {\"name\": \"c\", \"restartCount\": 1,"
        + " \"state\": {\"terminated\": {\"exitCode\": 2, \"reason\": \"Error\"}}}]}\n}");
    ParseIssues issues = ParseIssues.bounded(10);
    List<KubePod> pods = KubePodsJsonParser.parse(t, issues);
    assertThat(issues.list()).isEmpty();
    assertThat(pods).singleElement().satisfies(p -> {
      assertThat(p.ref().line()).isEqualTo(1);
      assertThat(p.containers().get(0).ref().line()).isEqualTo(6);
      assertThat(p.containers().get(0).exitCode()).isEqualTo(2);
    });
    assertThat(KubePodsJsonParser.looksLike(t)).isTrue();
  }

  @Test
  void parse_malformedPodAndStatus_areIssuesAndTheRestIsRead() {
    TextBlock t = Fixtures.of("pods.json", String.join("\n",
        "{\"kind\": \"List\", \"items\": [",
        "  {\"kind\": \"Pod\", \"metadata\": [\"not\", \"an\", \"object\"]},",
        "  {\"kind\": \"Pod\", \"metadata\": {\"name\": \"ok\"}, \"status\": {\"containerStatuses\": [",
        "    {\"name\": \"a\", \"restartCount\": \"many\"},",
        "    {\"name\": \"b\", \"containerID\": \"abc\"}]}}",
        "]}"));
    ParseIssues issues = ParseIssues.bounded(10);
    List<KubePod> pods = KubePodsJsonParser.parse(t, issues);
    assertThat(pods).extracting(KubePod::name).containsExactly("ok");
    assertThat(pods.get(0).containers()).extracting(KubeContainerStatus::name).containsExactly("a", "b");
    assertThat(issues.list()).extracting(Object::toString).satisfiesExactly(
        s -> assertThat(s).startsWith("pods.json:2: pod does not fit the Pod shape: "),
        s -> assertThat(s).isEqualTo("pods.json:4: not an integer in range, so left out and kept here as text: "
            + "restartCount: 'many'"),
        s -> assertThat(s).isEqualTo("pods.json:5: expected a containerID like <runtime>://<id>, got 'abc'"));
  }

  @Test
  void looksLike_notCrictlOrDocker() {
    assertThat(KubePodsJsonParser.looksLike(Fixtures.load("crictl-ps/ps-json-complete.json"))).isFalse();
    assertThat(KubePodsJsonParser.looksLike(Fixtures.load("docker-inspect/engine-20.10-three.json"))).isFalse();
  }

  /** A real pod (replicatedhq/troubleshoot fixture) whose init container crash-loops: the spec names it. */
  @Test
  void parse_specInitContainers_nameTheInitContainers_apartFromTheStatuses() {
    List<KubePod> pods = KubePodsJsonParser.parse(
        Fixtures.load("kubectl-pods-json/troubleshoot-message-pod-init-crashloop-backoff.json"), ParseIssues.bounded(10));

    assertThat(pods).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("init-demo2");
      assertThat(p.nodeName()).isEqualTo("minikube");
      assertThat(p.initContainerNames()).containsExactly("install");
      assertThat(p.containerNames()).containsExactly("nginx");
    });
  }

  /** A real unschedulable pod (replicatedhq/troubleshoot fixture): Pending, with no spec.nodeName. */
  @Test
  void parse_unschedulablePod_hasNoNode() {
    List<KubePod> pods = KubePodsJsonParser.parse(
        Fixtures.load("kubectl-pods-json/troubleshoot-message-pending-pod-resources.json"), ParseIssues.bounded(10));

    assertThat(pods).singleElement().satisfies(p -> {
      assertThat(p.phase()).isEqualTo("Pending");
      assertThat(p.nodeName()).isNull();
    });
  }
}
