package io.podmortem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podmortem.cli.PodmortemCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import picocli.CommandLine;

/**
 * The analyzer's model of a bundle collected from a live Docker engine, checked container by container against what
 * that engine says now. {@code .ci/run} sets the engine up ({@code .ci/docker-node.sh}), collects the bundle and
 * points {@code PODMORTEM_E2E_BUNDLE} at it; elsewhere this test does not run.
 */
@EnabledIfEnvironmentVariable(named = "PODMORTEM_E2E_BUNDLE", matches = ".+")
class DockerEngineEndToEndTest {
  /** The label .ci/docker-node.sh puts on every container it starts, so a colleague's containers are left alone. */
  private static final String SCENARIO = "io.podmortem.e2e=docker-node";
  private static final String PLAIN = "pm-plain";
  /** kubelet names a static pod's UID after the 32-hex hash of its manifest (pkg/kubelet/config/common.go). */
  private static final Pattern STATIC_UID = Pattern.compile("[0-9a-f]{32}");

  private static JsonNode model;
  private static Map<String, JsonNode> modelById;
  private static Map<Integer, String> hostUserNames;

  @BeforeAll
  static void analyzeTheBundle() throws IOException {
    String bundle = System.getenv("PODMORTEM_E2E_BUNDLE");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = PodmortemCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("analyze", bundle, "--format", "json", "--output", "-");
    assertThat(code).as("podmortem analyze %s exit code; stderr: %s", bundle, err).isZero();
    model = new ObjectMapper().readTree(out.toString());
    modelById = new HashMap<>();
    model.path("containers").forEach(c -> modelById.put(c.path("id").asText(), c));
    hostUserNames = readPasswd(Path.of("/etc/passwd"));
  }

  @TestFactory
  Stream<DynamicTest> eachContainer_matchesDockerInspect() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode inspect : scenarioContainers()) {
      String name = inspect.path("Name").asText().replaceFirst("^/", "");
      tests.add(DynamicTest.dynamicTest(name, () -> checkContainer(name, inspect)));
    }
    assertThat(tests).as("containers labelled %s on the engine", SCENARIO).isNotEmpty();
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> eachPod_matchesItsContainers() {
    Map<String, List<JsonNode>> byPod = new LinkedHashMap<>();
    for (JsonNode inspect : scenarioContainers()) {
      String name = inspect.path("Name").asText().replaceFirst("^/", "");
      if (!name.equals(PLAIN)) {
        ShimName n = ShimName.parse(name);
        byPod.computeIfAbsent(n.namespace() + "/" + n.pod() + "/" + n.uid(), k -> new ArrayList<>()).add(inspect);
      }
    }
    return byPod.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> checkPod(e.getValue())));
  }

  private static List<JsonNode> scenarioContainers() {
    return DockerCli.containerIds(SCENARIO).stream().map(DockerCli::inspect)
        .filter(i -> {
          String name = i.path("Name").asText().replaceFirst("^/", "");
          return name.startsWith("k8s_") || name.equals(PLAIN);
        })
        .sorted((a, b) -> a.path("Name").asText().compareTo(b.path("Name").asText()))
        .toList();
  }

  private static void checkContainer(String name, JsonNode inspect) {
    String id = inspect.path("Id").asText();
    JsonNode c = modelById.get(id);
    assertThat(c).as("%s (%s): no containers[] entry with this id in the model", name, id).isNotNull();
    SoftAssertions soft = new SoftAssertions();

    String cgroupParent = inspect.path("HostConfig").path("CgroupParent").asText("");
    if (name.equals(PLAIN)) {
      soft.assertThat(text(c, "role")).as("%s: role", name).isEqualTo("plain");
      soft.assertThat(c.path("pod").isNull() || c.path("pod").isMissingNode()).as("%s: pod is null", name).isTrue();
      soft.assertThat(text(c, "qosClass")).as("%s: qosClass", name).isNull();
    } else {
      ShimName n = ShimName.parse(name);
      soft.assertThat(text(c.path("pod"), "namespace")).as("%s: pod.namespace", name).isEqualTo(n.namespace());
      soft.assertThat(text(c.path("pod"), "name")).as("%s: pod.name", name).isEqualTo(n.pod());
      soft.assertThat(text(c.path("pod"), "uid")).as("%s: pod.uid", name).isEqualTo(n.uid());
      soft.assertThat(text(c, "role")).as("%s: role", name).isEqualTo(n.isSandbox() ? "sandbox" : "app");
      soft.assertThat(text(c, "containerName")).as("%s: containerName", name).isEqualTo(n.container());
      soft.assertThat(c.path("attempt").isNumber() ? c.path("attempt").asInt() : null).as("%s: attempt", name)
          .isEqualTo(n.attempt());
      soft.assertThat(text(c, "qosClass")).as("%s: qosClass (CgroupParent %s)", name, cgroupParent)
          .isEqualTo(qosOf(cgroupParent));
    }
    soft.assertThat(text(c, "image")).as("%s: image", name).isEqualTo(inspect.path("Config").path("Image").asText());

    String pretty = DockerCli.osReleaseField(DockerCli.osRelease(id), "PRETTY_NAME");
    JsonNode rootfs = c.path("rootfs");
    String os = rootfs.isObject() ? text(rootfs, "os") : null;
    soft.assertThat(os).as("%s: rootfs.os (PRETTY_NAME of the container's os-release)", name).isEqualTo(pretty);
    // The merged view rebuilt from layer listings holds exactly what docker export writes.
    soft.assertThat(rootfs.path("entries").isNumber() ? rootfs.path("entries").asInt() : null)
        .as("%s: rootfs.entries (docker export)", name).isEqualTo(DockerCli.exportEntries(id));

    checkProcesses(soft, name, id, inspect, c);
    soft.assertAll();
  }

  private static void checkProcesses(SoftAssertions soft, String name, String id, JsonNode inspect, JsonNode c) {
    // PIDs as text, so a process the model holds without a PID shows as "null" rather than as a made-up 0.
    List<String> modelPids = new ArrayList<>();
    Map<String, String> modelUsers = new HashMap<>();
    c.path("processes").forEach(p -> {
      String pid = p.path("pid").isNumber() ? p.path("pid").asText() : "null";
      modelPids.add(pid);
      modelUsers.put(pid, text(p, "user"));
    });
    if (!inspect.path("State").path("Running").asBoolean()) {
      soft.assertThat(modelPids).as("%s: processes of a container that is not running", name).isEmpty();
      return;
    }
    Map<Integer, Integer> engine = DockerCli.top(id);
    soft.assertThat(modelPids).as("%s: process PIDs (docker top)", name)
        .containsExactlyInAnyOrderElementsOf(engine.keySet().stream().map(String::valueOf).toList());
    soft.assertThat(modelPids).as("%s: the init process State.Pid", name)
        .contains(inspect.path("State").path("Pid").asText());
    engine.forEach((pid, uid) -> {
      String user = modelUsers.get(String.valueOf(pid));
      if (user != null) {
        // ps prints the name the node's /etc/passwd gives the uid, or the number when it has none.
        List<String> accepted = hostUserNames.containsKey(uid)
            ? List.of(String.valueOf(uid), hostUserNames.get(uid)) : List.of(String.valueOf(uid));
        soft.assertThat(user).as("%s: user of pid %d (uid %d)", name, pid, uid).isIn(accepted);
      }
    });
  }

  private static void checkPod(List<JsonNode> inspects) {
    JsonNode first = inspects.get(0);
    ShimName n = ShimName.parse(first.path("Name").asText().replaceFirst("^/", ""));
    String key = n.namespace() + "/" + n.pod();
    JsonNode pod = null;
    for (JsonNode p : model.path("pods")) {
      if (n.namespace().equals(text(p, "namespace")) && n.pod().equals(text(p, "name"))) {
        pod = p;
      }
    }
    assertThat(pod).as("%s: no pods[] entry in the model", key).isNotNull();
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(text(pod, "uid")).as("%s: uid", key).isEqualTo(n.uid());
    soft.assertThat(text(pod, "qosClass")).as("%s: qosClass", key)
        .isEqualTo(qosOf(first.path("HostConfig").path("CgroupParent").asText("")));
    soft.assertThat(pod.path("static").asBoolean()).as("%s: static (uid %s)", key, n.uid())
        .isEqualTo(STATIC_UID.matcher(n.uid()).matches());
    List<String> ids = new ArrayList<>();
    pod.path("containerIds").forEach(i -> ids.add(i.asText()));
    soft.assertThat(ids).as("%s: containerIds", key)
        .containsExactlyInAnyOrderElementsOf(inspects.stream().map(i -> i.path("Id").asText()).toList());
    soft.assertAll();
  }

  /**
   * The QoS class kubelet encodes in the pod's cgroup parent. Example matches: {@code /kubepods/burstable/pod<uid>}
   * and {@code kubepods-burstable-pod<uid>.slice} (Burstable), {@code /kubepods/pod<uid>} and
   * {@code kubepods-pod<uid>.slice} (Guaranteed: no QoS level). Null outside {@code kubepods}.
   */
  static String qosOf(String cgroupParent) {
    if (!cgroupParent.contains("kubepods")) {
      return null;
    }
    if (cgroupParent.contains("besteffort")) {
      return "BestEffort";
    }
    return cgroupParent.contains("burstable") ? "Burstable" : "Guaranteed";
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.path(field);
    return v.isNull() || v.isMissingNode() ? null : v.asText();
  }

  private static Map<Integer, String> readPasswd(Path passwd) throws IOException {
    Map<Integer, String> names = new HashMap<>();
    if (Files.isReadable(passwd)) {
      for (String line : Files.readAllLines(passwd)) {
        String[] f = line.split(":");
        if (f.length > 2 && f[2].matches("\\d+")) {
          names.putIfAbsent(Integer.parseInt(f[2]), f[0]);
        }
      }
    }
    return names;
  }

  /** A dockershim container name: {@code k8s_<container>_<pod>_<namespace>_<uid>_<attempt>[_<random>]}. */
  record ShimName(String container, String pod, String namespace, String uid, int attempt) {
    static ShimName parse(String name) {
      String[] f = name.split("_");
      if (!f[0].equals("k8s") || (f.length != 6 && f.length != 7)) {
        throw new IllegalArgumentException("not a dockershim name: " + name);
      }
      return new ShimName(f[1], f[2], f[3], f[4], Integer.parseInt(f[5]));
    }

    boolean isSandbox() {
      return container.equals("POD");
    }
  }
}
