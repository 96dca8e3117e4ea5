package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** crictl pods -o json, crictl inspectp (containerd and CRI-O) and the crictl pods table. */
class CriPodsParserTest {

  @Test
  void parse_podsList_readsEveryFieldAndConvertsNanoseconds() {
    ParseIssues issues = ParseIssues.bounded(10);
    List<CriPod> pods = CriPodsParser.parse(Fixtures.load("crictl-pods/formats-crio-pods-complete.json"), issues);
    assertThat(issues.list()).isEmpty();
    assertThat(pods).extracting(p -> p.ref().line()).containsExactly(1, 5);
    CriPod p = pods.get(0);
    assertThat(p.id()).isEqualTo("134b58ab2e0c4f3f8e1d2a6b9c0d7e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b7c50");
    assertThat(p.name()).isEqualTo("segfaulter");
    assertThat(p.namespace()).isEqualTo("default");
    assertThat(p.uid()).isEqualTo("aaaa2b4a-f398-41c0-928b-049e1cc4ec40");
    assertThat(p.attempt()).isZero();
    assertThat(p.state()).isEqualTo("SANDBOX_READY");
    assertThat(p.createdAt()).isEqualTo("2022-01-07T17:33:26.500927930Z");
    assertThat(p.labels()).containsEntry("run", "segfaulter").containsEntry("io.kubernetes.container.name", "POD");
    assertThat(p.annotations()).containsEntry("kubernetes.io/config.source", "api");
    assertThat(p.runtimeHandler()).isEmpty();
    assertThat(p.pid()).isNull();
    assertThat(p.cgroupsPath()).isNull();
    assertThat(p.hostNetwork()).isNull();
    assertThat(pods.get(1).state()).isEqualTo("SANDBOX_NOTREADY");
    assertThat(pods.get(1).attempt()).as("attempt absent means 0").isZero();
  }

  @Test
  void parse_containerdInspectp_normalisesTheOffsetAndReadsInfo() {
    ParseIssues issues = ParseIssues.bounded(10);
    List<CriPod> pods = CriPodsParser.parse(Fixtures.load("crictl-pods/containerd-7731-inspectp.json"), issues);
    assertThat(issues.list()).isEmpty();
    assertThat(pods).hasSize(1);
    CriPod p = pods.get(0);
    assertThat(p.ref().line()).isEqualTo(1);
    assertThat(p.id()).isEqualTo("8f9ec14c8c927fc516444052653a936fbd22d74d04b016e2809ddd2eb75a6cfa");
    assertThat(p.attempt()).isEqualTo(1);
    assertThat(p.uid()).isEqualTo("hdishd83djaidwnduwk28bcsb");
    assertThat(p.createdAt()).isEqualTo("2022-11-29T18:07:44.196650393Z");
    assertThat(p.pid()).isEqualTo(48095);
    assertThat(p.hostNetwork()).as("network POD").isFalse();
    assertThat(p.labels()).isEmpty();
  }

  @Test
  void parse_crioInspectp_readsCgroupsPathAndHostNetwork() {
    ParseIssues issues = ParseIssues.bounded(10);
    CriPod p = CriPodsParser.parse(Fixtures.load("crictl-pods/crio-inspectp-complete.json"), issues).get(0);
    assertThat(issues.list()).isEmpty();
    assertThat(p.cgroupsPath()).isEqualTo("kubepods-besteffort-podaaaa2b4a_f398_41c0_928b_049e1cc4ec40.slice:crio:"
        + "5c2a1e7f0b9d8c6a4e3f2d1c0b9a8e7f6d5c4b3a2e1f0d9c8b7a6e5f4d3c2b1a");
    assertThat(p.pid()).isEqualTo(23671);
    assertThat(p.hostNetwork()).isTrue();
    assertThat(p.createdAt()).isEqualTo("2022-01-07T17:33:26.500927930Z");
  }

  @Test
  void parse_hostNetworkFromTheSpecWhenStatusIsSilent() {
    String noNet = "{\"status\": {\"id\": \"a\", \"state\": \"SANDBOX_READY\"},\n"
        + " \"info\": {\"pid\": 7, \"runtimeSpec\": {\"linux\": {\"namespaces\": [{\"type\": \"pid\"}]}}}}";
    String freshNet = noNet.replace("{\"type\": \"pid\"}", "{\"type\": \"pid\"}, {\"type\": \"network\"}");
    ParseIssues issues = ParseIssues.bounded(10);
    assertThat(CriPodsParser.parse(Fixtures.of("p.json", noNet), issues).get(0).hostNetwork()).isTrue();
    assertThat(CriPodsParser.parse(Fixtures.of("p.json", freshNet), issues).get(0).hostNetwork()).isFalse();
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void parse_doubleSpaceAfterColon_isReadLikeAnyJson() {
    TextBlock t = Fixtures.of("pods.json", "{\n  \"items\":  [\n    {\n      \"id\":  \"abc\",\n"
        + "      \"createdAt\":  \"1700000000000000000\",\n      \"state\":  \"SANDBOX_READY\"\n    }\n  ]\n}");
    ParseIssues issues = ParseIssues.bounded(10);
    List<CriPod> pods = CriPodsParser.parse(t, issues);
    assertThat(issues.list()).isEmpty();
    assertThat(pods).singleElement().satisfies(p -> {
      assertThat(p.id()).isEqualTo("abc");
      assertThat(p.createdAt()).isEqualTo("2023-11-14T22:13:20Z");
      assertThat(p.ref().line()).isEqualTo(3);
    });
    assertThat(CriPodsParser.looksLike(t)).isTrue();
  }

  @Test
  void parse_malformedItem_isAnIssueAtItsLineAndTheRestIsRead() {
    TextBlock t = Fixtures.of("pods.json", String.join("\n",
        "{\"items\": [",
        "  {\"id\": \"aa\", \"metadata\": \"oops\", \"state\": \"SANDBOX_READY\"},",
        "  {\"id\": \"bb\", \"createdAt\": \"yesterday\", \"state\": \"SANDBOX_READY\"},",
        "  {\"id\": \"cc\", \"createdAt\": \"0\", \"state\": \"SANDBOX_NOTREADY\"}",
        "]}"));
    ParseIssues issues = ParseIssues.bounded(10);
    List<CriPod> pods = CriPodsParser.parse(t, issues);
    assertThat(pods).extracting(CriPod::id).containsExactly("bb", "cc");
    assertThat(pods.get(1).createdAt()).isNull();
    assertThat(issues.list()).hasSize(2);
    assertThat(issues.list().get(0).toString()).startsWith("pods.json:2: sandbox does not fit crictl's shape: ");
    assertThat(issues.list().get(1).toString())
        .isEqualTo("pods.json:3: expected nanoseconds or an RFC 3339 time, got 'yesterday'");
  }

  @Test
  void parse_brokenTail_keepsWhatWasRead() {
    TextBlock t = Fixtures.of("pods.json", "{\"items\": [\n {\"id\": \"aa\", \"state\": \"SANDBOX_READY\"},\n {\"id\": ");
    ParseIssues issues = ParseIssues.bounded(10);
    assertThat(CriPodsParser.parse(t, issues)).extracting(CriPod::id).containsExactly("aa");
    assertThat(issues.list()).singleElement().satisfies(i -> assertThat(i.toString())
        .startsWith("pods.json:3:").contains("crictl pods JSON broken off"));
  }

  @Test
  void parse_excerptWithElisions_doesNotThrow() {
    TextBlock t = Fixtures.load("crictl-pods/formats-crio-pods-excerpt.json");
    assertThat(CriPodsParser.looksLike(t)).isTrue();
    ParseIssues issues = ParseIssues.bounded(10);
    assertThat(CriPodsParser.parse(t, issues)).extracting(CriPod::name).containsExactly("segfaulter");
    assertThat(issues.list()).isNotEmpty();
  }

  @Test
  void looksLike_notDockerOrContainers() {
    assertThat(CriPodsParser.looksLike(Fixtures.load("docker-inspect/engine-20.10-three.json"))).isFalse();
    assertThat(CriPodsParser.looksLike(Fixtures.load("crictl-ps/ps-json-complete.json"))).isFalse();
    assertThat(CriPodsParser.looksLike(Fixtures.load("kubectl-pods-json/minikube-docker-kuard.json"))).isFalse();
  }
}
