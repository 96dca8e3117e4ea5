package io.podmortem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
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

  private static JsonNode collector;
  private static Map<String, JsonNode> collectorById;
  /** The sosreport unpacked, for the variants below to rearrange. */
  private static Path unpacked;

  @TempDir
  static Path work;

  @BeforeAll
  static void analyzeBoth() throws IOException {
    Path bundle = Path.of(System.getenv("PODMORTEM_E2E_SOS_BUNDLE"));
    sos = BusyboxBundleEndToEndTest.analyze(bundle);
    sosById = BusyboxBundleEndToEndTest.containersOf(sos);
    collector = BusyboxBundleEndToEndTest.analyze(Path.of(System.getenv("PODMORTEM_E2E_BUNDLE")));
    collectorById = BusyboxBundleEndToEndTest.containersOf(collector);
    unpacked = unpack(bundle, Files.createDirectories(work.resolve("unpacked")));
  }

  /** sos's host plugin ran: the collection and the node are named by its hostname, as the collector's are. */
  @Test
  void theHost_isTheHostPluginsHostname() {
    assertThat(sos.path("collection").path("host").asText()).isNotEmpty()
        .isEqualTo(collector.path("collection").path("host").asText());
    assertThat(sos.path("node").path("hostname")).isEqualTo(collector.path("node").path("hostname"));
    // The host plugin also runs hostname -f, whose FQDN is not the name kubelet registers: bare hostname names it.
    assertThat(sos.path("node").path("evidence").path("hostname").toString())
        .contains("sos_commands/host/hostname\"").doesNotContain("hostname_-f");
  }

  /** sos's date plugin ran date --utc: the node's snapshot time, near the collector's, which ran just before. */
  @Test
  void theSnapshotTime_isTheDatePluginsDate() {
    String sosTime = sos.path("node").path("snapshotTime").asText("");
    assertThat(sosTime).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    java.time.Instant collected = java.time.Instant.parse(collector.path("node").path("snapshotTime").asText());
    assertThat(java.time.Duration.between(collected, java.time.Instant.parse(sosTime)).abs())
        .isLessThan(java.time.Duration.ofMinutes(15));
  }

  /**
   * Upstream's docker plugin (sos/report/plugins/docker.py, sosreport/sos 3fbc63e2) files its commands under
   * {@code sos_commands/docker/} and each {@code docker inspect <short id>} under {@code containers/}: the same
   * outputs moved there, without the manifest (sos 3 wrote none), give every container the same facts. The commands
   * then come from the files' names alone.
   */
  @Test
  void theUpstreamDockerPluginsLayout_withoutAManifest_givesTheSameFacts() throws IOException {
    Path root = copy("docker-plugin");
    Path docker = Files.createDirectories(root.resolve("sos_commands/docker/containers"));
    try (Stream<Path> s = Files.list(root.resolve("sos_commands/sos_extras/podmortem-ci-docker"))) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        Files.move(p, (name.startsWith("docker_inspect_") ? docker : docker.getParent()).resolve(name));
      }
    }
    delete(root.resolve("sos_commands/sos_extras"));
    delete(root.resolve("sos_reports"));
    JsonNode model = BusyboxBundleEndToEndTest.analyze(root);
    Map<String, JsonNode> byId = BusyboxBundleEndToEndTest.containersOf(model);
    for (String id : DockerCli.containerIds(SCENARIO)) {
      compare(DockerCli.inspect(id).path("Name").asText(), byId.get(id), collectorById.get(id));
    }
    // The collection is version.txt's sos, with a command for each file, named by the file.
    JsonNode c = model.path("collection");
    assertThat(c.path("collector").asText()).isEqualTo("sos");
    assertThat(c.path("version").asText()).isEqualTo(sos.path("collection").path("version").asText());
    assertThat(c.path("host").asText()).isEqualTo(collector.path("collection").path("host").asText());
    List<String> commands = new ArrayList<>();
    c.path("commands").forEach(k -> commands.add(k.path("name").asText() + ": " + k.path("commandLine").asText()));
    assertThat(commands).contains("docker: docker ps -a", "process: ps alxwww", "cgroups: systemd-cgls");
    assertThat(c.path("warnings").toString()).contains("wrote no manifest");
  }

  /**
   * Without ps's CGROUP column, systemd-cgls and the processes' own mount tables, the copied
   * {@code sys/fs/cgroup/**}{@code /cgroup.procs} files alone place every container's processes.
   */
  @Test
  void theCopiedCgroupTree_alone_placesEveryContainersProcesses() throws IOException {
    Path root = copy("cgroup-procs");
    delete(root.resolve("sos_commands/process/ps_axo_pid_ppid_user_group_lwp_nlwp_start_time_comm_cgroup"));
    delete(root.resolve("sos_commands/cgroups/systemd-cgls"));
    deleteIn(root.resolve("proc"), name -> name.matches("\\d+"));
    Map<String, JsonNode> byId = BusyboxBundleEndToEndTest.containersOf(BusyboxBundleEndToEndTest.analyze(root));
    SoftAssertions soft = new SoftAssertions();
    int placed = 0;
    for (String id : DockerCli.containerIds(SCENARIO)) {
      String name = DockerCli.inspect(id).path("Name").asText();
      soft.assertThat(byId.get(id)).as("%s in the model", name).isNotNull();
      if (byId.get(id) != null) {
        soft.assertThat(processes(byId.get(id))).as("%s: processes", name).isEqualTo(processes(collectorById.get(id)));
        placed += processes(byId.get(id)).size();
      }
    }
    soft.assertThat(placed).as("processes placed in containers").isPositive();
    soft.assertAll();
  }

  /**
   * With no ps view at all, {@code pstree -lp} gives the processes and their parents, and the copied cgroup tree
   * places them: each container has the same PIDs (pstree prints no users).
   */
  @Test
  void pstreeAndTheCopiedCgroupTree_withoutPs_giveEachContainerItsProcesses() throws IOException {
    Path root = copy("pstree");
    deleteIn(root.resolve("sos_commands/process"), name -> name.startsWith("ps_"));
    delete(root.resolve("sos_commands/cgroups/systemd-cgls"));
    JsonNode model = BusyboxBundleEndToEndTest.analyze(root);
    Map<String, JsonNode> byId = BusyboxBundleEndToEndTest.containersOf(model);
    SoftAssertions soft = new SoftAssertions();
    for (String id : DockerCli.containerIds(SCENARIO)) {
      String name = DockerCli.inspect(id).path("Name").asText();
      soft.assertThat(byId.get(id) == null ? null : pids(byId.get(id))).as("%s: pids", name)
          .isEqualTo(pids(collectorById.get(id)));
    }
    soft.assertThat(model.path("sources").toString()).contains("pstree");
    soft.assertAll();
  }

  private static TreeSet<String> pids(JsonNode container) {
    TreeSet<String> out = new TreeSet<>();
    container.path("processes").forEach(p -> out.add(p.path("pid").asText()));
    return out;
  }

  /**
   * Without docker inspect, a running container's upper dir is still known: its processes' own mount tables
   * ({@code proc/<pid>/mountinfo}, from sos's filesys plugin) mount it as their root.
   */
  @Test
  void withoutDockerInspect_eachRunningContainersUpperDir_comesFromItsOwnMountTable() throws IOException {
    Path root = copy("no-inspect");
    deleteIn(root.resolve("sos_commands/sos_extras/podmortem-ci-docker"), name -> name.startsWith("docker_inspect_"));
    Map<String, JsonNode> byId = BusyboxBundleEndToEndTest.containersOf(BusyboxBundleEndToEndTest.analyze(root));
    SoftAssertions soft = new SoftAssertions();
    int running = 0;
    for (String id : DockerCli.containerIds(SCENARIO)) {
      JsonNode inspect = DockerCli.inspect(id);
      if (!inspect.path("State").path("Running").asBoolean()) {
        continue;
      }
      running++;
      JsonNode c = byId.get(id);
      soft.assertThat(c == null ? null : c.path("rootfs").path("upperDir").asText(null))
          .as("%s: upper dir", inspect.path("Name").asText())
          .isEqualTo(inspect.path("GraphDriver").path("Data").path("UpperDir").asText());
      soft.assertThat(c == null ? "" : c.path("rootfs").path("evidence").path("upperDir").toString())
          .as("%s: cited from a process's own mountinfo", inspect.path("Name").asText())
          .matches(".*proc/\\d+/mountinfo.*");
    }
    soft.assertThat(running).isGreaterThan(5);
    soft.assertAll();
  }

  /** Unpacks the sosreport's regular files and folders; its links are left out. */
  private static Path unpack(Path tarXz, Path into) throws IOException {
    Path top = null;
    try (InputStream raw = Files.newInputStream(tarXz);
        TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        Path to = into.resolve(e.getName()).normalize();
        assertThat(to.startsWith(into)).as("%s stays inside the folder", e.getName()).isTrue();
        if (e.isDirectory()) {
          Files.createDirectories(to);
        } else if (e.isFile()) {
          Files.createDirectories(to.getParent());
          Files.copy(tar, to);
        }
        if (top == null) {
          top = into.resolve(into.relativize(to).getName(0));
        }
      }
    }
    return top;
  }

  /** A fresh copy of the unpacked sosreport, to rearrange. */
  private static Path copy(String variant) throws IOException {
    Path root = work.resolve(variant).resolve(unpacked.getFileName());
    try (Stream<Path> s = Files.walk(unpacked)) {
      for (Path p : s.toList()) {
        Path to = root.resolve(unpacked.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return root;
  }

  /** Deletes what {@code folder} holds whose name {@code named} accepts; at least one must be there. */
  private static void deleteIn(Path folder, java.util.function.Predicate<String> named) throws IOException {
    List<Path> doomed;
    try (Stream<Path> s = Files.list(folder)) {
      doomed = s.filter(p -> named.test(p.getFileName().toString())).toList();
    }
    assertThat(doomed).as("what %s holds to delete", folder).isNotEmpty();
    for (Path p : doomed) {
      delete(p);
    }
  }

  private static void delete(Path p) throws IOException {
    if (!Files.exists(p)) {
      throw new AssertionError("the sosreport holds no " + p);
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
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

  /**
   * The findings say what docker events add: the exec session .ci/docker-node.sh ran in the web container, which
   * left no process (an exec-session finding with its end and exit code), and how the worker's earlier attempt
   * ended (the restart finding gives its exit code 3).
   */
  @Test
  void theFindings_holdTheEndedExecSession_andTheEarlierAttemptsExitCode() {
    List<String> findings = new ArrayList<>();
    sos.path("findings").forEach(f -> findings.add(f.path("id").asText() + " " + f.path("message").asText()));
    assertThat(findings).anyMatch(f -> f.startsWith("exec-session ") && f.contains("docker events recorded the exec "
        + "session") && f.contains("/tmp/dropper.sh") && f.contains("with exit code 0"));
    assertThat(findings).anyMatch(f -> f.startsWith("container-restarted ") && f.contains("worker")
        && f.contains("attempt 0 (") && f.contains("exited with exit code 3"));
  }

  /** docker stats lists the running containers: each gets its usage, and its PIDS are its processes. */
  @Test
  void eachRunningContainer_itsUsage_fromDockerStats() {
    SoftAssertions soft = new SoftAssertions();
    for (String id : DockerCli.containerIds(SCENARIO)) {
      JsonNode inspect = DockerCli.inspect(id);
      JsonNode c = sosById.get(id);
      String name = inspect.path("Name").asText();
      if (inspect.path("State").path("Running").asBoolean()) {
        soft.assertThat(c.path("usage").path("memory").asText()).as("%s: memory", name).matches("[0-9.]+[KMG]?i?B");
        // busybox's processes are single-threaded: the PIDS column counts them.
        soft.assertThat(c.path("usage").path("pids").asInt()).as("%s: PIDS", name).isEqualTo(c.path("processes")
            .size());
      } else {
        soft.assertThat(c.path("usage").isNull()).as("%s, not running: no usage", name).isTrue();
      }
    }
    soft.assertAll();
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
    compare(name, sosById.get(id), collectorById.get(id));
  }

  private static void compare(String name, JsonNode s, JsonNode c) {
    String id = c == null ? "?" : c.path("id").asText();
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
