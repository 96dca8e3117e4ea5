package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** crictl ps -a -o json and crictl inspect (containerd, CRI-O, 2017 containerd/cri). */
class CriContainersParserTest {
  private static final String ID = "7d6ad449ae76b3166d44a0c3e2f1b9d8c7e6f5a4b3c2d1e0f9a8b7c6d5e4f5861b";
  private static final String SANDBOX = "cb07c78e2423804a3c2e1f0d9b8a7c6e5f4d3b2a1c0e9f8d7b6a5c4e3f2d1b0a";

  @Test
  void parse_containerdInspect_readsEveryField() {
    ParseIssues issues = ParseIssues.bounded(10);
    List<CriContainer> cs =
        CriContainersParser.parse(Fixtures.load("crictl-ps/formats-containerd-inspect-complete.json"), issues);
    assertThat(issues.list()).isEmpty();
    CriContainer c = cs.get(0);
    assertThat(c.ref().toString()).isEqualTo("crictl-ps/formats-containerd-inspect-complete.json:1");
    assertThat(c.id()).isEqualTo(ID);
    assertThat(c.podSandboxId()).isEqualTo(SANDBOX);
    assertThat(c.name()).isEqualTo("nginx");
    assertThat(c.attempt()).isZero();
    assertThat(c.image()).isEqualTo("docker.io/library/nginx:latest");
    assertThat(c.imageRef()).startsWith("docker.io/library/nginx@sha256:67f9");
    assertThat(c.state()).isEqualTo("CONTAINER_RUNNING");
    assertThat(c.createdAt()).isEqualTo("2022-07-26T17:36:12.783406623Z");
    assertThat(c.startedAt()).isEqualTo("2022-07-26T17:36:13.049718406Z");
    assertThat(c.finishedAt()).as("0001-01-01 is absent").isNull();
    assertThat(c.exitCode()).isZero();
    assertThat(c.reason()).isNull();
    assertThat(c.labels()).containsEntry("io.kubernetes.pod.uid", "25fae09f-aef9-4b5a-950f-80ea16cf5e1e");
    assertThat(c.annotations()).containsEntry("io.kubernetes.container.restartCount", "0");
    assertThat(c.pid()).isEqualTo(106728);
    assertThat(c.cgroupsPath())
        .isEqualTo("kubepods-besteffort-pod25fae09f_aef9_4b5a_950f_80ea16cf5e1e.slice:cri-containerd:" + ID);
    assertThat(c.containerType()).isEqualTo("container");
    assertThat(c.rootPath()).isEqualTo("rootfs");
    assertThat(c.snapshotKey()).isEqualTo(ID);
    assertThat(c.runtimeType()).isEqualTo("io.containerd.runc.v2");
    assertThat(c.logPath()).isEqualTo("/var/log/pods/default_nginx_25fae09f-aef9-4b5a-950f-80ea16cf5e1e/nginx/0.log");
    assertThat(c.user()).isEqualTo("101");
    assertThat(c.args()).containsExactly("/docker-entrypoint.sh", "nginx", "-g", "daemon off;");
    assertThat(c.privileged()).isFalse();
  }

  @Test
  void parse_psList_convertsNanosecondsAndKeepsTheListedImage() {
    ParseIssues issues = ParseIssues.bounded(10);
    List<CriContainer> cs = CriContainersParser.parse(Fixtures.load("crictl-ps/ps-json-complete.json"), issues);
    assertThat(issues.list()).isEmpty();
    assertThat(cs).extracting(c -> c.ref().line()).containsExactly(3, 30);
    CriContainer c = cs.get(0);
    assertThat(c.podSandboxId()).isEqualTo(SANDBOX);
    assertThat(c.image()).startsWith("sha256:ff78c7a65ec2b");
    assertThat(c.createdAt()).isEqualTo("2022-07-26T17:36:12.783406623Z");
    assertThat(c.pid()).isNull();
    assertThat(c.containerType()).isNull();
    assertThat(cs.get(1).state()).isEqualTo("CONTAINER_EXITED");
    assertThat(cs.get(1).createdAt()).isEqualTo("2022-07-26T17:36:10Z");
    assertThat(cs.get(1).attempt()).isZero();
  }

  @Test
  void parse_crioInspectExcerpt_epochFinishedAtIsAbsentAndBrokenTailIsAnIssue() {
    ParseIssues issues = ParseIssues.bounded(10);
    TextBlock t = Fixtures.load("crictl-ps/crio-3568-inspect-excerpt.json");
    assertThat(CriContainersParser.looksLike(t)).isTrue();
    assertThat(CriContainersParser.parse(t, issues)).isEmpty();
    assertThat(issues.list()).singleElement().satisfies(i -> assertThat(i.line()).isEqualTo(28));
    String closed = String.join("\n", t.lines().subList(0, 26)) + "\n\"x\": \"y\"}}}";
    CriContainer c = CriContainersParser.parse(Fixtures.of("crio.json", closed), ParseIssues.bounded(10)).get(0);
    assertThat(c.finishedAt()).isNull();
    assertThat(c.startedAt()).isEqualTo("2020-04-13T07:03:34.714259763Z");
    assertThat(c.name()).isEqualTo("kube-flannel");
  }

  @Test
  void parse_crioSpec_givesAbsoluteRootAndContainerType() {
    String json = "{\"status\": {\"id\": \"c1\", \"state\": \"CONTAINER_RUNNING\", \"createdAt\":"
        + " \"2022-01-07T11:33:26.5-06:00\"},\n \"info\": {\"sandboxID\": \"s1\", \"pid\": 9, \"privileged\": true,"
        + " \"runtimeSpec\": {\"root\": {\"path\": \"/var/data/criorootstorage/overlay/l1/merged\"},"
        + " \"annotations\": {\"io.kubernetes.cri-o.ContainerType\": \"container\"},"
        + " \"process\": {\"user\": {\"uid\": 0, \"gid\": 0}, \"args\": [\"/bin/app\"]}}}}";
    CriContainer c = CriContainersParser.parse(Fixtures.of("crio.json", json), ParseIssues.bounded(10)).get(0);
    assertThat(c.rootPath()).isEqualTo("/var/data/criorootstorage/overlay/l1/merged");
    assertThat(c.containerType()).isEqualTo("container");
    assertThat(c.snapshotKey()).isNull();
    assertThat(c.createdAt()).isEqualTo("2022-01-07T17:33:26.500Z");
    assertThat(c.user()).isEqualTo("0");
    assertThat(c.privileged()).isTrue();
    assertThat(c.podSandboxId()).isEqualTo("s1");
  }

  @Test
  void parse_doubleSpaceQuirkAndMalformedItem() {
    TextBlock t = Fixtures.of("ps.json", String.join("\n",
        "{",
        "  \"containers\":  [",
        "    {\"id\":  \"abc\", \"metadata\":  {\"name\":  \"web\", \"attempt\":  2}, \"createdAt\":  \"1700000000000000001\"},",
        "    {\"id\":  \"bad\", \"exitCode\":  \"not a number\"},",
        "    {\"id\":  \"def\", \"state\":  \"CONTAINER_CREATED\"}",
        "  ]",
        "}"));
    ParseIssues issues = ParseIssues.bounded(10);
    List<CriContainer> cs = CriContainersParser.parse(t, issues);
    // One bad value spoils one fact: the container stays, without an exit code, and the issue keeps the text.
    assertThat(cs).extracting(CriContainer::id).containsExactly("abc", "bad", "def");
    assertThat(cs.get(1).exitCode()).isNull();
    assertThat(cs.get(0).attempt()).isEqualTo(2);
    assertThat(cs.get(0).createdAt()).isEqualTo("2023-11-14T22:13:20.000000001Z");
    assertThat(issues.list()).singleElement().satisfies(i -> assertThat(i.toString()).isEqualTo(
        "ps.json:4: not an integer in range, so left out and kept here as text: exitCode: 'not a number'"));
  }

  @Test
  void looksLike_excerptsAndNotPods() {
    assertThat(CriContainersParser.looksLike(Fixtures.load("crictl-ps/formats-containerd-inspect-excerpt.json")))
        .isTrue();
    assertThat(CriContainersParser.looksLike(Fixtures.load("crictl-ps/cri-475-exited-inspect-excerpt.json")))
        .isTrue();
    assertThat(CriContainersParser.looksLike(Fixtures.load("crictl-pods/containerd-7731-inspectp.json"))).isFalse();
    assertThat(CriContainersParser.looksLike(Fixtures.load("docker-ps/udon.txt"))).isFalse();
  }
}
