package io.podmortem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podmortem.cli.PodmortemCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import picocli.CommandLine;

/**
 * The same Docker node as {@link DockerEngineEndToEndTest}, collected a second time under {@code busybox sh} with
 * busybox's applets first on PATH, as on a minimal node: busybox's ps prints no {@code -eo} table, so the process
 * table is the collector's {@code ps/proc.txt}. The analyzer must still find every running container's processes
 * with their PIDs and users, the same ones the dash bundle ({@code PODMORTEM_E2E_BUNDLE}) gives and the engine shows.
 * {@code .ci/run} collects both bundles and sets {@code PODMORTEM_E2E_BUSYBOX_BUNDLE}; elsewhere this does not run.
 */
@EnabledIfEnvironmentVariable(named = "PODMORTEM_E2E_BUSYBOX_BUNDLE", matches = ".+")
@EnabledIfEnvironmentVariable(named = "PODMORTEM_E2E_BUNDLE", matches = ".+")
class BusyboxBundleEndToEndTest {
  private static final String SCENARIO = "io.podmortem.e2e=docker-node";

  private static Path busyboxBundle;
  private static Map<String, JsonNode> busyboxById;
  private static Map<String, JsonNode> dashById;
  private static Map<Integer, String> hostUserNames;

  @BeforeAll
  static void analyzeBothBundles() throws IOException {
    busyboxBundle = Path.of(System.getenv("PODMORTEM_E2E_BUSYBOX_BUNDLE"));
    busyboxById = containersOf(analyze(busyboxBundle));
    dashById = containersOf(analyze(Path.of(System.getenv("PODMORTEM_E2E_BUNDLE"))));
    hostUserNames = DockerCli.userNames(Path.of("/etc/passwd"));
  }

  /** {@code podmortem analyze BUNDLE --format json}, the way a person runs it. */
  static JsonNode analyze(Path bundle) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = PodmortemCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("analyze", bundle.toString(), "--format", "json", "--output", "-");
    assertThat(code).as("podmortem analyze %s exit code; stderr: %s", bundle, err).isZero();
    return new ObjectMapper().readTree(out.toString());
  }

  static Map<String, JsonNode> containersOf(JsonNode model) {
    Map<String, JsonNode> byId = new HashMap<>();
    model.path("containers").forEach(c -> byId.put(c.path("id").asText(), c));
    return byId;
  }

  /** The bundle is what the test means it to be: ps failed, and the table came from /proc. */
  @Test
  void manifest_processTableCameFromProc() throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(entry(busyboxBundle, "manifest.json"));
    assertThat(manifest.path("processTable").asText()).isEqualTo("proc");
    Map<String, JsonNode> commands = new HashMap<>();
    manifest.path("commands").forEach(c -> commands.put(c.path("name").asText(), c));
    assertThat(commands.get("ps-table").path("status").asText()).isEqualTo("failed");
    assertThat(commands.get("ps-proc").path("status").asText()).isEqualTo("ok");
    assertThat(commands.get("ps-proc").path("reason").asText()).startsWith("replaces ps-table, which failed");
    String table = new String(entry(busyboxBundle, "ps/proc.txt"), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(table.lines().skip(1).filter(l -> !l.isBlank()).count()).isPositive();
  }

  @TestFactory
  Stream<DynamicTest> eachRunningContainer_processesWithPidsAndUsers_asInTheDashBundle() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String id : DockerCli.containerIds(SCENARIO)) {
      JsonNode inspect = DockerCli.inspect(id);
      if (inspect.path("State").path("Running").asBoolean()) {
        String name = inspect.path("Name").asText().replaceFirst("^/", "");
        tests.add(DynamicTest.dynamicTest(name, () -> checkProcesses(name, id, inspect)));
      }
    }
    assertThat(tests).as("running containers labelled %s on the engine", SCENARIO).isNotEmpty();
    return tests.stream();
  }

  private static void checkProcesses(String name, String id, JsonNode inspect) {
    JsonNode busybox = busyboxById.get(id);
    JsonNode dash = dashById.get(id);
    assertThat(busybox).as("%s: no container %s in the busybox bundle's model", name, id).isNotNull();
    assertThat(dash).as("%s: no container %s in the dash bundle's model", name, id).isNotNull();
    Map<String, String> fromProc = pidToUser(busybox);
    Map<String, String> fromPs = pidToUser(dash);
    Map<Integer, Integer> engine = DockerCli.top(id);

    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(fromProc.keySet()).as("%s: process PIDs from ps/proc.txt (docker top)", name)
        .containsExactlyInAnyOrderElementsOf(engine.keySet().stream().map(String::valueOf).toList());
    soft.assertThat(fromProc.keySet()).as("%s: the init process State.Pid", name)
        .contains(inspect.path("State").path("Pid").asText());
    soft.assertThat(fromProc.keySet()).as("%s: process PIDs, busybox bundle against dash bundle", name)
        .containsExactlyInAnyOrderElementsOf(fromPs.keySet());
    engine.forEach((pid, uid) -> {
      String user = fromProc.get(String.valueOf(pid));
      soft.assertThat(uidOf(user)).as("%s: user '%s' of pid %d from ps/proc.txt, as a uid", name, user, pid)
          .isEqualTo(uid);
      String psUser = fromPs.get(String.valueOf(pid));
      soft.assertThat(uidOf(psUser)).as("%s: user '%s' of pid %d in the dash bundle, as a uid", name, psUser, pid)
          .isEqualTo(uid);
    });
    // What only a process table gives (busybox's own ps prints PID, USER and COMMAND alone): the PID read from
    // ps/proc.txt, the start time, the state and, through the parents, which process is an exec session.
    Map<String, JsonNode> procRows = byPid(busybox);
    byPid(dash).forEach((pid, ps) -> {
      JsonNode p = procRows.get(pid);
      if (p == null) {
        return;
      }
      soft.assertThat(p.path("evidence").path("pid").path(0).path("entry").asText())
          .as("%s: where pid %s was read", name, pid).isEqualTo("ps/proc.txt");
      soft.assertThat(p.path("command").asText()).as("%s: command of pid %s", name, pid)
          .isEqualTo(ps.path("command").asText());
      soft.assertThat(p.path("state").asText()).as("%s: state of pid %s (ps says %s)", name, pid,
          ps.path("state").asText()).isEqualTo(ps.path("state").asText().substring(0, 1));
      soft.assertThat(p.path("exec").asBoolean()).as("%s: exec session, pid %s", name, pid)
          .isEqualTo(ps.path("exec").asBoolean());
      soft.assertThat(p.path("startedAt").isTextual()).as("%s: startedAt of pid %s", name, pid).isTrue();
      if (p.path("startedAt").isTextual() && ps.path("startedAt").isTextual()) {
        Duration apart = Duration.between(Instant.parse(ps.path("startedAt").asText()),
            Instant.parse(p.path("startedAt").asText())).abs();
        soft.assertThat(apart).as("%s: startedAt of pid %s, from /proc %s and from ps %s", name, pid,
            p.path("startedAt").asText(), ps.path("startedAt").asText()).isLessThanOrEqualTo(Duration.ofSeconds(1));
      }
    });
    soft.assertAll();
  }

  private static Map<String, JsonNode> byPid(JsonNode container) {
    Map<String, JsonNode> rows = new TreeMap<>();
    container.path("processes").forEach(p -> rows.put(p.path("pid").asText(), p));
    return rows;
  }

  /**
   * The uid a user column names: a number is the uid (ps n, or a uid /etc/passwd lacks), a name is looked up in the
   * node's /etc/passwd (ps cuts a name longer than 8 to 7 characters and '+'); null when it names none.
   */
  private static Integer uidOf(String user) {
    if (user == null) {
      return null;
    }
    if (user.matches("\\d+")) {
      return Integer.valueOf(user);
    }
    for (Map.Entry<Integer, String> e : hostUserNames.entrySet()) {
      String n = e.getValue();
      if (n.equals(user) || (user.endsWith("+") && n.length() > 8 && n.startsWith(user.substring(0, 7)))) {
        return e.getKey();
      }
    }
    return null;
  }

  /** PID (as text, "null" where the model has none) to user of each process the model gives the container. */
  private static Map<String, String> pidToUser(JsonNode container) {
    Map<String, String> users = new TreeMap<>();
    container.path("processes").forEach(p -> users.put(p.path("pid").isNumber() ? p.path("pid").asText() : "null",
        p.path("user").isTextual() ? p.path("user").asText() : null));
    return users;
  }

  private static byte[] entry(Path bundle, String name) throws IOException {
    try (InputStream in = Files.newInputStream(bundle);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (e.getName().equals(name)) {
          return tar.readAllBytes();
        }
      }
    }
    throw new AssertionError(bundle + " has no entry " + name);
  }

}
