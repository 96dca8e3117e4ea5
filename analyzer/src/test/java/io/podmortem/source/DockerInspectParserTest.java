package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Real {@code docker inspect} output of Docker 20.10 on Debian 12 (cgroup v1, cgroupfs driver). */
class DockerInspectParserTest {
  private final TextBlock three = Fixtures.load("docker-inspect/engine-20.10-three.json");

  @Test
  void parse_threeContainers_eachCitedByTheLineItStartsOn() {
    ParseIssues issues = ParseIssues.bounded(10);
    List<DockerContainer> cs = DockerInspectParser.parse(three, issues);
    assertThat(issues.list()).isEmpty();
    assertThat(cs).extracting(c -> c.ref().line()).containsExactly(2, 201, 391);
    DockerContainer sandbox = cs.get(0);
    assertThat(sandbox.id()).isEqualTo("3e7043cc25638541e65f19338898f482a4fa3c299e1307c026d6dd1f95433365");
    assertThat(sandbox.name()).isEqualTo("k8s_POD_web-7d4b9c6f5-x2k4q_shop_3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70_0");
    assertThat(sandbox.image()).isEqualTo("pm-pause:3.9");
    assertThat(sandbox.imageId()).startsWith("sha256:");
    assertThat(sandbox.running()).isTrue();
    assertThat(sandbox.pid()).isPositive();
    assertThat(sandbox.finishedAt()).isNull();
    assertThat(sandbox.cgroupParent()).isEqualTo("/kubepods/burstable/pod3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70");
    assertThat(sandbox.label("io.kubernetes.docker.type")).isEqualTo("podsandbox");
    assertThat(sandbox.mergedDir()).startsWith("/var/lib/docker/overlay2/").endsWith("/merged");
    assertThat(sandbox.lowerDirs()).hasSize(2).allMatch(d -> d.endsWith("/diff"));
    DockerContainer exited = cs.get(1);
    assertThat(exited.status()).isEqualTo("exited");
    assertThat(exited.exitCode()).isEqualTo(3);
    assertThat(exited.running()).isFalse();
    assertThat(exited.finishedAt()).isNotNull();
    assertThat(cs.get(2).cgroupParent()).isEmpty();
  }

  @Test
  void parse_badIdAndBrokenTail_areIssuesAndTheRestIsRead() {
    TextBlock t = Fixtures.of("inspect.json", String.join("\n",
        "[{\"Id\": \"nothex\", \"HostConfig\": {}},",
        " {\"Id\": \"" + "a".repeat(64) + "\", \"HostConfig\": {}, \"Name\": \"/x\"},",
        " {\"Id\": "));
    ParseIssues issues = ParseIssues.bounded(10);
    List<DockerContainer> cs = DockerInspectParser.parse(t, issues);
    assertThat(cs).extracting(DockerContainer::name).containsExactly("x");
    assertThat(issues.list()).hasSize(2);
    assertThat(issues.list().get(0).toString()).isEqualTo("inspect.json:1: expected a 64-hex Id, got 'nothex'");
    assertThat(issues.list().get(1).toString()).startsWith("inspect.json:3:").contains("docker inspect output broken off: Unexpected end-of-input");
  }

  @Test
  void looksLike_dockerInspectButNotOtherJson() {
    assertThat(DockerInspectParser.looksLike(three)).isTrue();
    assertThat(DockerInspectParser.looksLike(Fixtures.of("x", "[{\"id\": 1}]"))).isFalse();
    assertThat(DockerInspectParser.looksLike(Fixtures.load("docker-ps-json/engine-20.10.jsonl"))).isFalse();
  }
}
