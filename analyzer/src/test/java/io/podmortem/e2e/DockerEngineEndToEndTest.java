package io.podmortem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import io.podmortem.cli.PodmortemCommand;
import io.podmortem.model.Container;
import io.podmortem.model.Drift;
import io.podmortem.model.DriftEntry;
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
import java.util.regex.Matcher;
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

  /**
   * The one container .ci/docker-node.sh tampers with, and what it does there: one detached {@code docker exec}
   * left running, and three changes to the root filesystem made by another exec. No other container changes its
   * root filesystem or has an exec session.
   */
  private static final String WEB = "k8s_web_web-7d4b9c6f5-x2k4q_shop_3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70_0";
  private static final String WEB_EXEC = "sleep 1000001";
  private static final List<String> WEB_DRIFT = List.of("added /tmp/dropper.sh", "changed /etc/passwd",
      "deleted /bin/nc");
  /** An exec-session finding names the process as {@code <pid> '<command>'}. */
  private static final Pattern EXEC_PROCESS = Pattern.compile(": (\\d+) '([^']*)'");

  private static JsonNode model;
  /**
   * The analyzer's in-memory model of the same bundle. The JSON report holds no drift (containers[].rootfs has no
   * drift field) and does not mark exec sessions: both reach it only as findings, and drift only where notable.
   * The drift is checked here entry by entry, and the findings through the JSON.
   */
  private static Map<String, Container> analyzedById;
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
    hostUserNames = DockerCli.userNames(Path.of("/etc/passwd"));
    analyzedById = new HashMap<>();
    new Analyzer(Limits.defaults()).analyze(Path.of(bundle)).node().containers()
        .forEach(c -> analyzedById.put(c.id(), c));
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
    checkDrift(soft, name, id);
    checkExecSessions(soft, name, id, inspect);
    soft.assertAll();
  }

  /**
   * The analyzer's drift is what docker diff says, entry for entry (copied-up parent folders aside, which neither
   * counts), and the web container's is exactly the scenario's three changes; its notable entries are findings.
   */
  private static void checkDrift(SoftAssertions soft, String name, String id) {
    List<String> engine = DockerCli.diff(id).stream().map(l -> switch (l.charAt(0)) {
      case 'A' -> "added";
      case 'C' -> "changed";
      case 'D' -> "deleted";
      default -> "unknown (" + l + ")";
    } + " " + l.substring(2)).toList();
    // The scenario itself, as the engine sees it: if this fails, .ci/docker-node.sh did not do what it says.
    soft.assertThat(engine)
        .as("%s: docker diff (.ci/docker-node.sh changes files in the web container only)", name)
        .containsExactlyInAnyOrderElementsOf(name.equals(WEB) ? WEB_DRIFT : List.of());

    Container analyzed = analyzedById.get(id);
    soft.assertThat(analyzed).as("%s: no container with this id in the analyzer's model", name).isNotNull();
    if (analyzed == null) {
      return;
    }
    Drift drift = analyzed.rootfs().drift();
    // Null means the upper dir was not listed; the collector lists every docker container's.
    soft.assertThat(drift).as("%s: rootfs.drift (the upper dir was not listed?)", name).isNotNull();
    if (drift == null) {
      return;
    }
    List<String> listed = drift.all().stream().map(e -> e.change() + " " + e.path()).toList();
    soft.assertThat(listed).as("%s: rootfs.drift.all against docker diff", name)
        .containsExactlyInAnyOrderElementsOf(engine);
    soft.assertThat(List.of(drift.added(), drift.changed(), drift.deleted()))
        .as("%s: rootfs.drift added, changed, deleted (docker diff: %s)", name, engine)
        .containsExactly(count(engine, "added "), count(engine, "changed "), count(engine, "deleted "));
    soft.assertThat(drift.truncated()).as("%s: rootfs.drift.truncated", name).isFalse();

    List<String> findings = findings("drift", id).stream().map(f -> text(f, "message")).toList();
    if (name.equals(WEB)) {
      DriftEntry dropper = drift.all().stream().filter(e -> e.path().equals("/tmp/dropper.sh")).findFirst()
          .orElse(null);
      soft.assertThat(dropper).as("%s: drift entry /tmp/dropper.sh", name).isNotNull();
      if (dropper != null) {
        soft.assertThat(List.of(String.valueOf(dropper.type()), Integer.toOctalString(dropper.mode()),
            String.valueOf(dropper.uid()))).as("%s: /tmp/dropper.sh type, mode, uid", name)
            .containsExactly("f", "755", "0");
      }
      drift.all().stream().filter(e -> e.path().equals("/etc/passwd")).findFirst().ifPresent(e -> soft
          .assertThat(e.type()).as("%s: /etc/passwd type", name).isEqualTo('f'));
      // All three are notable: the executable in /tmp is a high finding of its own; the file under /etc and the link
      // under /bin share the container's medium finding.
      soft.assertThat(findings).as("%s: drift findings", name).hasSize(2);
      soft.assertThat(findings).as("%s: drift finding for /tmp/dropper.sh", name).filteredOn(m -> m.contains(
          " added an executable /tmp/dropper.sh (mode 755,")).hasSize(1);
      soft.assertThat(findings).as("%s: drift finding for /etc/passwd and /bin/nc", name)
          .filteredOn(m -> m.contains(" made 2 notable changes since it started: ")
              && m.contains("changed a file /etc/passwd (") && m.contains("deleted /bin/nc")).hasSize(1);
    } else {
      soft.assertThat(findings).as("%s: drift findings of a container that changed nothing", name).isEmpty();
    }
  }

  /**
   * The exec sessions the analyzer finds are the processes docker top shows in the container whose parent is not
   * in the container (the shim) and which are not its init: in the web container exactly the scenario's sleep.
   */
  private static void checkExecSessions(SoftAssertions soft, String name, String id, JsonNode inspect) {
    Map<String, String> engine = new LinkedHashMap<>();
    if (inspect.path("State").path("Running").asBoolean()) {
      List<DockerCli.TopRow> top = DockerCli.topWithParents(id);
      int init = inspect.path("State").path("Pid").asInt();
      List<Integer> pids = top.stream().map(DockerCli.TopRow::pid).toList();
      top.stream().filter(r -> r.pid() != init && !pids.contains(r.ppid()))
          .forEach(r -> engine.put(String.valueOf(r.pid()), r.args()));
    }
    soft.assertThat(engine.values())
        .as("%s: exec sessions by docker top (.ci/docker-node.sh leaves one, in the web container only)", name)
        .containsExactlyElementsOf(name.equals(WEB) ? List.of(WEB_EXEC) : List.of());

    Map<String, String> reported = new LinkedHashMap<>();
    List<String> unparsed = new ArrayList<>();
    for (JsonNode f : findings("exec-session", id)) {
      Matcher m = EXEC_PROCESS.matcher(text(f, "message"));
      if (m.find()) {
        reported.put(m.group(1), m.group(2));
      } else {
        unparsed.add(text(f, "message"));
      }
    }
    soft.assertThat(unparsed).as("%s: exec-session findings naming no <pid> '<command>'", name).isEmpty();
    soft.assertThat(reported).as("%s: exec-session findings (pid to command) against docker top", name)
        .containsExactlyInAnyOrderEntriesOf(engine);
  }

  private static List<JsonNode> findings(String ruleId, String containerId) {
    List<JsonNode> out = new ArrayList<>();
    model.path("findings").forEach(f -> {
      if (ruleId.equals(text(f, "id")) && containerId.substring(0, 12).equals(text(f, "subject"))) {
        out.add(f);
      }
    });
    return out;
  }

  private static int count(List<String> lines, String prefix) {
    return (int) lines.stream().filter(l -> l.startsWith(prefix)).count();
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
