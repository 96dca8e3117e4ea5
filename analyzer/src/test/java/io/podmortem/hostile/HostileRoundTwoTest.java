package io.podmortem.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.podmortem.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The second hostile corpus (issue 17), generated here: each class of attack an intruder on the node could plant in
 * what the collector gathers, or in the folder the report goes to. "Safe" is, for every case: exit 0 or 1, no
 * stack trace, within the time bound and this JVM's small heap, no secret in any output, no live markup, nothing
 * written outside the output folder; and where the input is valid after all (a byte-order mark, CRLF, gzip
 * members), the same containers as the clean input.
 */
class HostileRoundTwoTest {
  @TempDir
  Path dir;

  private static final String UDON_PS = read("ps-faxno.txt");

  private static String read(String f) {
    try {
      return Files.readString(Samples.udon().resolve(f));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Path out() throws IOException {
    return Files.createDirectories(dir.resolve("out"));
  }

  /** The udon node, with more processes whose command lines hold what the case plants. */
  private Path nodeWithCommands(String name, List<String> commands) throws IOException {
    Path bundle = dir.resolve(name + ".tar.gz");
    StringBuilder ps = new StringBuilder(UDON_PS);
    for (String c : commands) {
      ps.append("       0 S    ").append(c).append('\n');
    }
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      b.file("ps-faxno.txt", ps.toString()).file("docker-ps.txt", read("docker-ps.txt"))
          .file("kubectl-get-pods.txt", read("kubectl-get-pods.txt"));
    }
    return bundle;
  }

  /** What must hold of every run. */
  private static void assertSafe(Reports.Run r) {
    assertThat(r.exitCode()).as("exit code; stderr: %s", r.stderr()).isIn(0, 1);
    for (String o : r.outputs()) {
      assertThat(o).as("a stack trace").doesNotContain("\tat io.podmortem").doesNotContain("Exception in thread");
      assertThat(o).as("a raw escape").doesNotContain("\u001b");
    }
    if (r.exitCode() == 0) {
      Reports.assertInert(r);
    }
  }

  /** Secrets planted in command lines, in the ways the second corpus found leaking. */
  static Stream<Arguments> secrets() {
    return Stream.of(
        Arguments.of("pgp-key", "gpg --import -----BEGIN PGP PRIVATE KEY BLOCK----- lQOYBF1cZ2wBCADhSsZx"
            + " -----END PGP PRIVATE KEY BLOCK-----", "lQOYBF1cZ2wBCADhSsZx"),
        Arguments.of("openssh-key", "ssh-add -----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAABG5v"
            + " -----END OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1rZXktdjEAAAAABG5v"),
        Arguments.of("split-key-body", "sh -c echo MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV1ffQp",
            "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV1ffQp"),
        Arguments.of("double-quoted-flag", "app --password=\"correct horse battery\" --v=2", "horse battery"),
        Arguments.of("single-quoted-env", "env PASSWORD='correct horse' ./run", "horse"),
        Arguments.of("url-without-user", "worker --queue redis://:Qw3rtyS3cret@redis:6379/0", "Qw3rtyS3cret"),
        Arguments.of("amqp-url", "consumer amqp://guest:Gu3stPassw0rd@rabbit:5672/", "Gu3stPassw0rd"),
        Arguments.of("client-secret", "oauth-proxy --client_secret=Zx9Cv8Bn7Mm6", "Zx9Cv8Bn7Mm6"),
        Arguments.of("x-api-key-header", "curl -H x-api-key: Ak3yV4lue99 https://api", "Ak3yV4lue99"),
        Arguments.of("token-equals", "agent token=Tk9876543abc", "Tk9876543abc"),
        Arguments.of("numeric-pin", "modem SIM_PIN=4711 --dial", "4711"),
        Arguments.of("numeric-password", "app --password 80412345", "80412345"),
        Arguments.of("aws-configure", "aws configure set aws_secret_access_key wJalrXUtnFEMIK7MDENGbPxRfiCY",
            "wJalrXUtnFEMIK7MDENGbPxRfiCY"),
        Arguments.of("mysql-p", "mysql -u root -pMy5qlS3cret shop", "My5qlS3cret"),
        Arguments.of("curl-u", "curl -u admin:Cu5lS3cret https://x", "Cu5lS3cret"),
        Arguments.of("sshpass", "sshpass -p SshP4ss99 ssh node", "SshP4ss99"),
        Arguments.of("redis-cli-a", "redis-cli -h r -a R3disP4ss ping", "R3disP4ss"),
        Arguments.of("yaml-key", "sh -c password: Y4mlS3cret", "Y4mlS3cret"));
  }

  /** A docker inspect of one running container whose argv is the command's words, as docker records them. */
  private Path containerRunning(String name, List<String> argv) throws IOException {
    Path bundle = dir.resolve(name + ".tar.gz");
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var c = json.createObjectNode();
    c.put("Id", "5a2d76012476349e6b58eb6a279bac400968cefae8537082ea873b2e791ff3c6");
    c.put("Name", "/k8s_app_web-1_shop_u1_0");
    c.put("Path", argv.get(0));
    argv.subList(1, argv.size()).forEach(c.putArray("Args")::add);
    c.putObject("State").put("Status", "running").put("Running", true).put("Pid", 4242);
    c.putObject("HostConfig");
    c.putObject("GraphDriver").put("Name", "overlay2").putObject("Data");
    c.putObject("Config").put("Image", "shop/web:1");
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      b.file("docker-inspect.json", "[" + json.writeValueAsString(c) + "]\n");
    }
    return bundle;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secrets")
  void aSecretInAContainersCommand_isInNoOutput(String name, String command, String secret) throws Exception {
    Reports.Run r = Reports.analyze(containerRunning(name, io.podmortem.source.ShellWords.words(command)), out());
    assertSafe(r);
    assertThat(r.exitCode()).isZero();
    // Not vacuous: the command is in the report, its secret replaced.
    assertThat(r.json()).contains("«redacted:").contains(io.podmortem.source.ShellWords.words(command).get(0));
    assertThat(r.everything()).doesNotContain(secret);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secrets")
  void aSecretInAHostProcess_isInNoOutput(String name, String command, String secret) throws Exception {
    Reports.Run r = Reports.analyze(nodeWithCommands(name, List.of(command)), out());
    assertSafe(r);
    assertThat(r.everything()).doesNotContain(secret);
  }

  @Test
  void aDockerInspectArgOfSeveralWords_isRedactedWhole() throws Exception {
    Path bundle = dir.resolve("args.tar.gz");
    String id = "5a2d76012476349e6b58eb6a279bac400968cefae8537082ea873b2e791ff3c6";
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      b.file("docker-inspect.json", "[{\"Id\": \"" + id + "\", \"Name\": \"/k8s_app_web-1_shop_u1_0\", "
          + "\"Path\": \"/app\", \"Args\": [\"--passphrase\", \"correct horse battery staple\"], "
          + "\"State\": {\"Status\": \"running\", \"Running\": true, \"Pid\": 4242}, \"HostConfig\": {}, "
          + "\"GraphDriver\": {\"Name\": \"overlay2\", \"Data\": {}}, \"Config\": {\"Image\": \"shop/web:1\"}}]\n");
    }
    Reports.Run r = Reports.analyze(bundle, out());
    assertSafe(r);
    assertThat(r.everything()).doesNotContain("horse").doesNotContain("staple");
  }

  @Test
  void aValueThatMakesABacktrackingRegexRunForMinutes_isRedactedWithinTheBound() throws Exception {
    Reports.Run r = Reports.analyze(nodeWithCommands("backtrack", List.of("x " + "a.".repeat(100_000) + "://")),
        out());
    assertSafe(r);
    assertThat(r.exitCode()).isZero();
  }

  /** crictl JSON with one container whose field is the case's. */
  private Path crictl(String name, String field) throws IOException {
    Path bundle = dir.resolve(name + ".tar.gz");
    String json = "{\"containers\": [\n"
        + "  {\"id\": \"aaaa1111bbbb2222cccc3333dddd4444eeee5555ffff6666aaaa7777bbbb8888\", \"podSandboxId\": \"s1\","
        + " \"metadata\": {\"name\": \"web\", \"attempt\": 0}, \"state\": \"CONTAINER_RUNNING\", " + field + "},\n"
        + "  {\"id\": \"1111aaaa2222bbbb3333cccc4444dddd5555eeee6666ffff7777aaaa8888bbbb\", \"podSandboxId\": \"s1\","
        + " \"metadata\": {\"name\": \"side\", \"attempt\": 0}, \"state\": \"CONTAINER_RUNNING\","
        + " \"createdAt\": \"1700000000000000000\"}\n]}\n";
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      b.file("crictl-ps.json", json);
    }
    return bundle;
  }

  static Stream<Arguments> numbers() {
    return Stream.of(
        Arguments.of("created-30-digits", "\"createdAt\": \"" + "9".repeat(30) + "\""),
        Arguments.of("created-100k-digits", "\"createdAt\": \"" + "7".repeat(100_000) + "\""),
        Arguments.of("created-year-99999", "\"createdAt\": \"+99999-01-01T00:00:00Z\""),
        Arguments.of("exit-code-1e20", "\"exitCode\": 100000000000000000000"),
        Arguments.of("exit-code-float-huge", "\"exitCode\": 1e999999"),
        Arguments.of("attempt-as-text", "\"attempt\": \"many\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("numbers")
  void aNumberThatDoesNotFit_spoilsOneFact_neverTheContainer(String name, String field) throws Exception {
    Reports.Run r = Reports.analyze(crictl(name, field), out());
    assertSafe(r);
    assertThat(r.exitCode()).isZero();
    JsonNode ids = r.model().path("containers");
    List<String> names = new ArrayList<>();
    ids.forEach(c -> names.add(c.path("shortId").asText()));
    assertThat(names).as("both containers stay").contains("aaaa1111bbbb", "1111aaaa2222");
    assertThat(r.json()).doesNotContain("1661992959").doesNotContain("2147483647");
  }

  @Test
  void dockerInspectNumbersThatDoNotFit_areIssues_notWrapped() throws Exception {
    Path bundle = dir.resolve("inspect-numbers.tar.gz");
    String id = "5a2d76012476349e6b58eb6a279bac400968cefae8537082ea873b2e791ff3c6";
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      b.file("docker-inspect.json", "[{\"Id\": \"" + id + "\", \"Name\": \"/web\", \"Path\": \"/app\", \"Args\": [],"
          + " \"State\": {\"Status\": \"exited\", \"Running\": false, \"Pid\": 1e999999, "
          + "\"ExitCode\": 100000000000000000000}, \"RestartCount\": 99999999999, \"HostConfig\": {}, "
          + "\"GraphDriver\": {\"Name\": \"overlay2\", \"Data\": {}}, \"Config\": {\"Image\": \"web:1\"}}]\n");
    }
    Reports.Run r = Reports.analyze(bundle, out());
    assertSafe(r);
    assertThat(r.json()).doesNotContain("1661992959").doesNotContain("2147483647")
        .contains("ExitCode does not fit an int, kept as text: '100000000000000000000'");
    assertThat(r.model().path("containers")).hasSize(1);
  }

  @Test
  void aManifestNumberThatDoesNotFit_keepsTheCollection() throws Exception {
    Path bundle = dir.resolve("manifest.tar.gz");
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      b.file("manifest.json", "{\"collector\": \"podmortem-collect\", \"version\": \"1\", \"schemaVersion\": 1,"
          + " \"host\": \"n1\", \"startedAt\": \"not a date\", \"commands\": [{\"name\": \"ps\", \"argv\": [\"ps\"],"
          + " \"status\": \"ok\", \"exitCode\": 0, \"durationMs\": 99999999999999999999999, \"output\": \"ps.txt\"}]}\n")
          .file("ps.txt", UDON_PS);
    }
    Reports.Run r = Reports.analyze(bundle, out());
    assertSafe(r);
    assertThat(r.exitCode()).isZero();
    assertThat(r.model().path("collection").path("host").asText()).isEqualTo("n1");
    assertThat(r.json()).contains("not an integer in range");
  }

  @Test
  void aSnapshotDateThatIsNoDate_isLeftOut_andTheAnalysisGoesOn() throws Exception {
    Path bundle = dir.resolve("date.tar.gz");
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      b.file("manifest.json", "{\"collector\": \"podmortem-collect\", \"version\": \"1\", \"schemaVersion\": 1,"
          + " \"host\": \"n1\", \"startedAt\": \"2026-99-99T99:99:99Z\", \"commands\": [{\"name\": \"date\","
          + " \"argv\": [\"date\", \"-u\", \"+%Y-%m-%dT%H:%M:%SZ\"], \"status\": \"ok\", \"exitCode\": 0,"
          + " \"output\": \"host/date.txt\"}]}\n")
          .file("host/date.txt", "2026-99-99T99:99:99Z\n").file("ps-faxno.txt", UDON_PS);
    }
    Reports.Run r = Reports.analyze(bundle, out());
    assertSafe(r);
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void aFolderBundleAThousandLevelsDeep_isReadToTheBound_andSaysSo() throws Exception {
    Path bundle = Files.createDirectories(dir.resolve("deep"));
    Files.writeString(bundle.resolve("ps-faxno.txt"), UDON_PS);
    Path p = bundle;
    for (int i = 0; i < 1000; i++) {
      p = p.resolve("d");
    }
    Files.createDirectories(p);
    Files.writeString(p.resolve("x.txt"), "deep\n");
    Reports.Run r = Reports.analyze(bundle, out());
    assertSafe(r);
    assertThat(r.exitCode()).isZero();
    assertThat(r.warnings()).anyMatch(w -> w.contains("levels deep"));
    assertThat(r.stderr().length()).isLessThan(2000);
  }

  /** The udon node's containers, as the clean input gives them. */
  private List<String> containers(Reports.Run r) {
    List<String> ids = new ArrayList<>();
    r.model().path("containers").forEach(c -> ids.add(c.path("shortId").asText() + " " + c.path("pod").path("name")
        .asText()));
    return ids;
  }

  private Reports.Run udonWith(String name, Map<String, byte[]> files) throws IOException {
    Path bundle = dir.resolve(name + ".tar.gz");
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      for (var e : files.entrySet()) {
        b.file(e.getKey(), e.getValue());
      }
    }
    return Reports.analyze(bundle, Files.createDirectories(dir.resolve("out-" + name)));
  }

  private Map<String, byte[]> udonFiles(java.util.function.UnaryOperator<byte[]> each) {
    Map<String, byte[]> m = new java.util.LinkedHashMap<>();
    for (String f : List.of("ps-faxno.txt", "docker-ps.txt", "kubectl-get-pods.txt", "systemd-cgls.txt")) {
      m.put(f, each.apply(read(f).getBytes(StandardCharsets.UTF_8)));
    }
    return m;
  }

  private static byte[] prefixed(byte[] prefix, byte[] body) {
    byte[] out = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(body, 0, out, prefix.length, body.length);
    return out;
  }

  static Stream<Arguments> validVariants() {
    return Stream.of(
        Arguments.of("utf8-bom", (java.util.function.UnaryOperator<byte[]>) b ->
            prefixed(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, b)),
        Arguments.of("utf16le-bom", (java.util.function.UnaryOperator<byte[]>) b -> prefixed(
            new byte[] {(byte) 0xff, (byte) 0xfe}, new String(b, StandardCharsets.UTF_8).getBytes(
                StandardCharsets.UTF_16LE))),
        Arguments.of("utf16be-bom", (java.util.function.UnaryOperator<byte[]>) b -> prefixed(
            new byte[] {(byte) 0xfe, (byte) 0xff}, new String(b, StandardCharsets.UTF_8).getBytes(
                StandardCharsets.UTF_16BE))),
        Arguments.of("crlf", (java.util.function.UnaryOperator<byte[]>) b ->
            new String(b, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validVariants")
  void validInputInAnotherDress_givesTheSameContainers(String name, java.util.function.UnaryOperator<byte[]> dress)
      throws Exception {
    Reports.Run clean = udonWith("clean", udonFiles(b -> b));
    Reports.Run dressed = udonWith(name, udonFiles(dress));
    assertSafe(dressed);
    assertThat(containers(clean)).hasSizeGreaterThan(5);
    assertThat(containers(dressed)).isEqualTo(containers(clean));
  }

  @Test
  void concatenatedGzipMembers_giveTheSameContainers() throws Exception {
    Path plain = dir.resolve("plain.tar");
    try (HostileBundles b = HostileBundles.tar(plain)) {
      for (var e : udonFiles(x -> x).entrySet()) {
        b.file(e.getKey(), e.getValue());
      }
    }
    byte[] tar = Files.readAllBytes(plain);
    Path members = dir.resolve("members.tar.gz");
    try (var os = Files.newOutputStream(members)) {
      int half = tar.length / 2;
      for (int[] range : new int[][] {{0, half}, {half, tar.length}}) {
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(one)) {
          gz.write(tar, range[0], range[1] - range[0]);
        }
        os.write(one.toByteArray());
      }
    }
    Reports.Run clean = Reports.analyze(plain, Files.createDirectories(dir.resolve("out-plain")));
    Reports.Run r = Reports.analyze(members, out());
    assertSafe(r);
    assertThat(containers(r)).isEqualTo(containers(clean)).isNotEmpty();
  }

  @Test
  void twoContainersWhoseIdsShareTwelveDigits_areBothShown_andTheAmbiguityIsSaid() throws Exception {
    Path bundle = dir.resolve("prefix.tar.gz");
    String a = "5a2d76012476" + "1".repeat(52);
    String b = "5a2d76012476" + "2".repeat(52);
    StringBuilder json = new StringBuilder("[");
    for (String id : List.of(a, b)) {
      json.append(json.length() > 1 ? "," : "").append("{\"Id\": \"").append(id).append("\", \"Name\": \"/c-")
          .append(id.charAt(20)).append("\", \"Path\": \"/app\", \"Args\": [], \"State\": {\"Status\": \"running\", ")
          .append("\"Running\": true, \"Pid\": 42").append(id.charAt(20)).append("}, \"HostConfig\": {}, ")
          .append("\"GraphDriver\": {\"Name\": \"overlay2\", \"Data\": {}}, \"Config\": {\"Image\": \"x:1\"}}");
    }
    try (HostileBundles h = HostileBundles.tarGz(bundle)) {
      h.file("docker-inspect.json", json.append("]\n").toString());
    }
    Reports.Run r = Reports.analyze(bundle, out());
    assertSafe(r);
    List<String> ids = new ArrayList<>();
    r.model().path("containers").forEach(c -> ids.add(c.path("id").asText()));
    assertThat(ids).containsExactlyInAnyOrder(a, b);
    assertThat(r.warnings()).anyMatch(w -> w.contains("share the ID prefix 5a2d76012476"));
  }

  @Test
  void twoEntriesOfOneName_areBothReported() throws Exception {
    Path bundle = dir.resolve("twice.tar.gz");
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      b.file("docker-ps.txt", read("docker-ps.txt")).file("ps-faxno.txt", UDON_PS)
          .file("docker-ps.txt", "CONTAINER ID   IMAGE   COMMAND   CREATED   STATUS   PORTS   NAMES\n");
    }
    Reports.Run r = Reports.analyze(bundle, out());
    assertSafe(r);
    assertThat(r.warnings()).anyMatch(w -> w.startsWith("docker-ps.txt appears more than once in the archive"));
  }

  @Test
  void aZeroByteTar_saysItHeldNothing() throws Exception {
    Path bundle = Files.write(dir.resolve("empty.tar"), new byte[0]);
    Reports.Run r = Reports.analyze(bundle, out());
    assertSafe(r);
    assertThat(r.exitCode()).isZero();
    assertThat(r.warnings()).anyMatch(w -> w.contains("holds no entries"));
  }

  @Test
  void aTarCutShort_saysWhereItBroke() throws Exception {
    Path full = dir.resolve("full.tar");
    try (HostileBundles b = HostileBundles.tar(full)) {
      b.file("ps-faxno.txt", UDON_PS);
    }
    Path cut = HostileBundles.truncated(full, dir.resolve("cut.tar"), 300);
    Reports.Run r = Reports.analyze(cut, out());
    assertSafe(r);
    assertThat(r.exitCode() == 1 ? r.stderr() : String.join("\n", r.warnings())).isNotBlank();
  }

  @Test
  void anArchiveCutInsideATranscript_keepsWhatWasReadOfIt() throws Exception {
    Path whole = dir.resolve("whole.tar.gz");
    try (HostileBundles b = HostileBundles.tarGz(whole)) {
      b.file("ps-faxno.txt", UDON_PS).file("session.txt", "root@node:~# cat /var/log/x\n"
          + HostileBundles.randomText(3, 400_000));
    }
    Path cut = HostileBundles.truncated(whole, dir.resolve("cut-session.tar.gz"), Files.size(whole) * 3 / 4);
    Reports.Run r = Reports.analyze(cut, out());
    assertSafe(r);
    assertThat(r.exitCode()).isZero();
    assertThat(r.warnings()).anyMatch(w -> w.startsWith("archive broken in entry session.txt: "));
    List<JsonNode> session = new ArrayList<>();
    r.model().path("sources").forEach(s -> {
      if (s.path("entry").asText().equals("session.txt") && s.path("line").asInt() == 0) {
        session.add(s);
      }
    });
    assertThat(session).singleElement().satisfies(s -> assertThat(s.path("lines").asInt()).isPositive());
  }

  @Test
  void aBundleNamedByASymlinkToAFolder_isRead() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("real"));
    for (var e : udonFiles(x -> x).entrySet()) {
      Files.write(folder.resolve(e.getKey()), e.getValue());
    }
    Path link = Files.createSymbolicLink(dir.resolve("link"), folder);
    Reports.Run viaLink = Reports.analyze(link, out());
    Reports.Run direct = Reports.analyze(folder, Files.createDirectories(dir.resolve("out-direct")));
    assertSafe(viaLink);
    assertThat(containers(viaLink)).isEqualTo(containers(direct)).isNotEmpty();
  }

  @Test
  void aSymlinkPlantedWhereTheReportGoes_isReplaced_notFollowed() throws Exception {
    Path bundle = nodeWithCommands("planted", List.of());
    Path out = out();
    Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me\n");
    Files.createSymbolicLink(out.resolve("planted.html"), victim);
    Files.createSymbolicLink(out.resolve("planted.md"), victim);
    Reports.Run r = Reports.analyze(bundle, out);
    assertSafe(r);
    assertThat(Files.readString(victim)).isEqualTo("keep me\n");
    assertThat(Files.isSymbolicLink(out.resolve("planted.html"))).isFalse();
    assertThat(Files.readString(out.resolve("planted.html"))).contains("<html");
  }

  @Test
  void aBundleNamedWithTerminalEscapes_printsThemVisible() throws Exception {
    Path bundle = nodeWithCommands("esc\u001b]0;pwned\u0007\u001b[2J", List.of());
    Reports.Run r = Reports.analyze(bundle, out());
    assertSafe(r);
    assertThat(r.stdout()).contains("\\x1b");
  }

  @Test
  void anOutputFolderThatCannotBeWritten_saysWhy_inOneLine() throws Exception {
    Path bundle = nodeWithCommands("nowrite", List.of());
    String[] res = Reports.execute("analyze", bundle.toString(), "--output", "/proc/podmortem-cannot-exist/x");
    assertThat(res[0]).isEqualTo("1");
    assertThat(res[2].strip()).startsWith("podmortem: ").doesNotContain("\n").doesNotContain("\tat ");
    assertThat(res[2]).containsAnyOf("no such file or folder", "permission denied", "Read-only file system",
        "No such file");
  }
}
