package io.podmortem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same Docker node as {@link DockerEngineEndToEndTest}, collected by Debian's sos (its process, cgroups and
 * sos_extras plugins, the last running docker ps, inspect, events and stats) instead of the collector. Every
 * container must get the same pod, role, attempt, QoS class, status, processes and users as the collector's bundle
 * ({@code PODMORTEM_E2E_BUNDLE}) gives it; what a sosreport cannot hold (root filesystem listings, so no base OS and
 * no drift) is not compared. {@code .ci/run} makes the sosreport and sets {@code PODMORTEM_E2E_SOS_BUNDLE}.
 */
@EnabledIfEnvironmentVariable(named = "PODMORTEM_E2E_SOS_BUNDLE", matches = ".+")
@EnabledIfEnvironmentVariable(named = "PODMORTEM_E2E_BUNDLE", matches = ".+")
class SosBundleEndToEndTest {
  private static final String SCENARIO = "io.podmortem.e2e=docker-node";

  private static JsonNode sos;
  private static Map<String, JsonNode> sosById;
  private static Map<String, JsonNode> collectorById;

  @BeforeAll
  static void analyzeBoth() throws IOException {
    sos = BusyboxBundleEndToEndTest.analyze(Path.of(System.getenv("PODMORTEM_E2E_SOS_BUNDLE")));
    sosById = BusyboxBundleEndToEndTest.containersOf(sos);
    collectorById = BusyboxBundleEndToEndTest.containersOf(
        BusyboxBundleEndToEndTest.analyze(Path.of(System.getenv("PODMORTEM_E2E_BUNDLE"))));
  }

  /** sos's manifest is the collection: its commands, with the files they wrote. */
  @Test
  void theCollection_isSossManifest() {
    JsonNode c = sos.path("collection");
    assertThat(c.path("collector").asText()).isEqualTo("sos");
    assertThat(c.path("commands").toString()).contains("docker ps -a").contains("ps alxwww")
        .contains("sos_commands/sos_extras/");
  }

  /**
   * What only docker events keep: .ci/docker-node.sh runs exec sessions in the web container, and the worker's
   * first attempt exits 3. Both are in the sosreport's timeline, on their containers.
   */
  @Test
  void theTimeline_holdsTheExecSessionsAndTheCrash_fromDockerEvents() {
    List<String> events = new ArrayList<>();
    sos.path("timeline").forEach(e -> events.add(e.path("kind").asText() + " " + e.path("container").asText() + " "
        + e.path("event").asText()));
    String web = null;
    String crashed = null;
    for (String id : DockerCli.containerIds(SCENARIO)) {
      JsonNode inspect = DockerCli.inspect(id);
      if (inspect.path("Name").asText().startsWith("/k8s_web_")) {
        web = id.substring(0, 12);
      }
      if (inspect.path("State").path("ExitCode").asInt() == 3) {
        crashed = id.substring(0, 12);
      }
    }
    assertThat(web).isNotNull();
    assertThat(crashed).isNotNull();
    String w = web;
    String c = crashed;
    assertThat(events).anyMatch(e -> e.startsWith("exec-started " + w + " exec session started in " + w));
    assertThat(events).anyMatch(e -> e.startsWith("container-died " + c + " ") && e.endsWith("with exit code 3"));
  }

  @TestFactory
  Stream<DynamicTest> eachContainer_theSameFacts_asTheCollectorsBundle() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String id : DockerCli.containerIds(SCENARIO)) {
      String name = DockerCli.inspect(id).path("Name").asText().replaceFirst("^/", "");
      tests.add(DynamicTest.dynamicTest(name, () -> compare(name, id)));
    }
    assertThat(tests).as("containers labelled %s on the engine", SCENARIO).isNotEmpty();
    return tests.stream();
  }

  private static void compare(String name, String id) {
    JsonNode s = sosById.get(id);
    JsonNode c = collectorById.get(id);
    assertThat(c).as("%s: no container %s in the collector bundle's model", name, id).isNotNull();
    assertThat(s).as("%s: no container %s in the sosreport's model", name, id).isNotNull();
    SoftAssertions soft = new SoftAssertions();
    for (String field : List.of("role", "attempt", "qosClass", "status", "containerName", "image")) {
      soft.assertThat(s.path(field)).as("%s: %s", name, field).isEqualTo(c.path(field));
    }
    soft.assertThat(s.path("pod").path("namespace")).as("%s: pod namespace", name)
        .isEqualTo(c.path("pod").path("namespace"));
    soft.assertThat(s.path("pod").path("name")).as("%s: pod name", name).isEqualTo(c.path("pod").path("name"));
    soft.assertThat(processes(s)).as("%s: processes (pid user)", name).isEqualTo(processes(c));
    soft.assertAll();
  }

  private static TreeSet<String> processes(JsonNode container) {
    TreeSet<String> out = new TreeSet<>();
    container.path("processes").forEach(p -> out.add(p.path("pid").asText() + " " + p.path("user").asText()));
    return out;
  }
}
