package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The crictl ps and crictl pods tables, old and new. */
class CriTablesParserTest {

  @Test
  void parseContainers_formatsTable_withoutNamespace() {
    ParseIssues issues = ParseIssues.bounded(10);
    TextBlock t = Fixtures.load("crictl-ps/formats-table.txt");
    assertThat(CriContainersParser.looksLike(t)).isTrue();
    List<CriContainer> cs = CriContainersParser.parse(t, issues);
    assertThat(issues.list()).isEmpty();
    assertThat(cs).singleElement().satisfies(c -> {
      assertThat(c.ref().line()).isEqualTo(2);
      assertThat(c.id()).isEqualTo("7d6ad449ae76b");
      assertThat(c.image()).isEqualTo("ff78c7a65ec2b");
      assertThat(c.state()).isEqualTo("CONTAINER_RUNNING");
      assertThat(c.name()).isEqualTo("nginx");
      assertThat(c.attempt()).isZero();
      assertThat(c.podSandboxId()).isEqualTo("cb07c78e24238");
      assertThat(c.labels()).containsEntry("io.kubernetes.pod.name", "nginx")
          .doesNotContainKey("io.kubernetes.pod.namespace");
      assertThat(c.createdAt()).isNull();
    });
  }

  @Test
  void parseContainers_v132TableWithNamespaceAndAnOverflowingName() {
    TextBlock t = Fixtures.of("ps.txt", String.join("\n",
        "CONTAINER           IMAGE               CREATED              STATE               NAME                      ATTEMPT             POD ID              POD                 NAMESPACE",
        "7d6ad449ae76b       ff78c7a65ec2b       About a minute ago   Exited              nginx                     1                   cb07c78e24238       nginx               default",
        "0a1b2c3d4e5f6       3f57d9401f8d4       2 days ago           Created             a-very-long-container-name-indeed   0          cb07c78e24238       nginx               default",
        "zzz                 3f57d9401f8d4       2 days ago           Paused              x                         0                   cb07c78e24238       nginx               default"));
    ParseIssues issues = ParseIssues.bounded(10);
    List<CriContainer> cs = CriContainersParser.parse(t, issues);
    assertThat(cs).extracting(CriContainer::state).containsExactly("CONTAINER_EXITED", "CONTAINER_CREATED");
    assertThat(cs.get(0).labels()).containsEntry("io.kubernetes.pod.namespace", "default");
    assertThat(cs.get(0).attempt()).isEqualTo(1);
    assertThat(cs.get(1).name()).isEqualTo("a-very-long-container-name-indeed");
    assertThat(issues.list()).singleElement().satisfies(i -> assertThat(i.toString()).isEqualTo(
        "ps.txt:4:1: expected an ID of 13 or 64 hex digits, got 'zzz' in 'zzz                 3f57d9401f8d4  "
            + "     2 days ago           Paused          ...'"));
  }

  @Test
  void parseContainers_2018TableWithContainerIdHeaderAndEnumStates() {
    TextBlock t = Fixtures.of("ps.txt", String.join("\n",
        "CONTAINER ID        IMAGE               CREATED             STATE               NAME                ATTEMPT",
        "9f7a48803a2f5       9f76b554c615d       3 days ago          CONTAINER_RUNNING   vms                 0",
        "f60944900ceb3       32609f1b11ae7       3 days ago          CONTAINER_EXITED    kube-proxy          6"));
    ParseIssues issues = ParseIssues.bounded(10);
    List<CriContainer> cs = CriContainersParser.parse(t, issues);
    assertThat(issues.list()).isEmpty();
    assertThat(cs).extracting(CriContainer::state).containsExactly("CONTAINER_RUNNING", "CONTAINER_EXITED");
    assertThat(cs.get(1).attempt()).isEqualTo(6);
    assertThat(cs.get(1).podSandboxId()).isNull();
  }

  @Test
  void parseContainers_realTableWithPodIdColumn() {
    ParseIssues issues = ParseIssues.bounded(10);
    List<CriContainer> cs = CriContainersParser.parse(Fixtures.load("crictl-ps/cri-tools-369-ps-table.txt"), issues);
    assertThat(issues.list()).isEmpty();
    assertThat(cs).extracting(CriContainer::name).containsExactly("vms", "virtlet", "libvirt", "kube-proxy");
    assertThat(cs.get(3).podSandboxId()).isEqualTo("ab863e4ae6f33");
  }

  @Test
  void parsePods_realTableAndOneWithRuntimeAndSpacedCreated() {
    ParseIssues issues = ParseIssues.bounded(10);
    List<CriPod> real = CriPodsParser.parse(Fixtures.load("crictl-pods/cri-tools-369-pods-table.txt"), issues);
    assertThat(real).extracting(CriPod::name).containsExactly("virtlet-wcb8r", "kube-proxy-bqnhm");
    assertThat(real.get(0).namespace()).isEqualTo("kube-system");
    assertThat(real.get(0).state()).isEqualTo("SANDBOX_READY");
    assertThat(real.get(0).runtimeHandler()).isNull();
    TextBlock t = Fixtures.of("pods.txt", String.join("\n",
        "POD ID              CREATED              STATE               NAME                NAMESPACE           ATTEMPT             RUNTIME",
        "3f075e72dfa28       About a minute ago   NotReady            virtlet-wcb8r       kube-system         2                   (default)",
        "ab863e4ae6f33       3 days ago           Gone                kube-proxy-bqnhm    kube-system         0                   runc"));
    List<CriPod> pods = CriPodsParser.parse(t, issues);
    assertThat(pods).extracting(CriPod::state).containsExactly("SANDBOX_NOTREADY", null);
    assertThat(pods.get(0).runtimeHandler()).isEqualTo("(default)");
    assertThat(pods.get(0).attempt()).isEqualTo(2);
    assertThat(pods.get(0).id()).isEqualTo("3f075e72dfa28");
    assertThat(issues.list()).singleElement().satisfies(i -> assertThat(i.toString())
        .startsWith("pods.txt:3:42: expected a STATE of Ready or NotReady, got 'Gone' in "));
  }

  @Test
  void looksLike_tellsTheTablesApartFromDockerAndKubectl() {
    assertThat(CriTablesParser.looksLikePods(Fixtures.load("crictl-pods/cri-tools-369-pods-table.txt"))).isTrue();
    assertThat(CriTablesParser.looksLikeContainers(Fixtures.load("crictl-pods/cri-tools-369-pods-table.txt")))
        .isFalse();
    assertThat(CriTablesParser.looksLikeContainers(Fixtures.load("docker-ps/udon.txt"))).isFalse();
    assertThat(CriTablesParser.looksLikePods(Fixtures.load("kubectl-get-pods/udon.txt"))).isFalse();
  }

  /** A real grep'd crictl ps row, without its header (containerd/containerd#9545). */
  @Test
  void parseContainers_aRowWithoutItsHeader_isReadWithCrictlsColumns() throws java.io.IOException {
    TextBlock t = TextBlock.of("a.txt", java.nio.file.Files.readAllLines(java.nio.file.Path.of(
        "src/test/resources/wild/containerd-9545-crictl-row-headerless/files/a.txt")));
    ParseIssues issues = ParseIssues.bounded(10);

    assertThat(CriTablesParser.looksLikeContainers(t)).isTrue();
    List<CriContainer> rows = CriTablesParser.parseContainers(t, issues);
    assertThat(issues.list()).isEmpty();
    assertThat(rows).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo("7c54f31e3fc8b");
      assertThat(c.name()).isEqualTo("kube-apiserver");
      assertThat(c.attempt()).isEqualTo(1);
      assertThat(c.podSandboxId()).isEqualTo("f5de5d0666823");
      assertThat(c.labels()).containsEntry("io.kubernetes.pod.name", "kube-apiserver-kiv-cp-v48fw");
    });
  }

  /** The 2017 crictl ps header had no IMAGE column (kubernetes-sigs/cri-tools#266, quoting the docs). */
  @Test
  void parseContainers_2017HeaderWithoutImage_isRead() {
    TextBlock t = TextBlock.of("ps.txt", List.of(
        "CONTAINER ID                                                       CREATED             STATE               NAME",
        "0a2c761303163f2acaaeaee07d2ba143ee4cea7e3bde3d32190e2a36525c8a05   1 minutes ago       CONTAINER_CREATED   busybox"));
    ParseIssues issues = ParseIssues.bounded(10);

    assertThat(CriTablesParser.parseContainers(t, issues)).extracting(CriContainer::id, CriContainer::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(
            "0a2c761303163f2acaaeaee07d2ba143ee4cea7e3bde3d32190e2a36525c8a05", "CONTAINER_CREATED"));
    assertThat(issues.list()).isEmpty();
  }
}
