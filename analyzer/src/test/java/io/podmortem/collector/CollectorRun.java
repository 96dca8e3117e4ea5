package io.podmortem.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Runs the real {@code collector/podmortem-collect} under a chosen shell, with stub tools first on PATH. */
final class CollectorRun {

  static final Path SCRIPT = Path.of("../collector/podmortem-collect").toAbsolutePath().normalize();
  static final Path STUBS = Path.of("src/test/resources/collector/stubs").toAbsolutePath();

  /** Host tools the script may use; everything else (docker, crictl, ctr, kubectl, …) is absent unless stubbed. */
  private static final List<String> HOST_TOOLS = List.of("sh", "awk", "sed", "grep", "find", "stat", "tar", "gzip",
      "sha256sum", "date", "mktemp", "cat", "ls", "mkdir", "rm", "mv", "cp", "readlink", "sleep", "timeout", "wc",
      "head", "tail", "tr", "cut", "sort", "uname", "hostname", "id", "ps", "file", "dirname", "env", "kill",
      "getconf");

  final Path dir;
  final Path bin;
  final Path out;
  final Path tmp;
  final Map<String, String> env = new LinkedHashMap<>();
  final List<String> stubs = new ArrayList<>(List.of("docker", "crictl", "kubectl", "systemd-cgls"));
  /** Busybox applets put first on PATH, before the stubs and host tools. */
  final List<String> applets = new ArrayList<>();

  int exitCode;
  String stdout;
  String stderr;
  long elapsedMillis;

  CollectorRun(Path dir) throws IOException {
    this.dir = dir;
    this.bin = Files.createDirectories(dir.resolve("bin"));
    this.out = Files.createDirectories(dir.resolve("out"));
    this.tmp = Files.createDirectories(dir.resolve("tmp"));
    Path home = Files.createDirectories(dir.resolve("home"));
    Path mountinfo = dir.resolve("mountinfo");
    Files.writeString(mountinfo, """
        22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
        25 22 0:22 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755
        26 25 0:23 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:10 - cgroup cgroup rw,memory
        """);
    env.put("HOME", home.toString());
    env.put("TMPDIR", tmp.toString());
    env.put("LC_ALL", "C");
    env.put("PODMORTEM_MOUNTINFO", mountinfo.toString());
  }

  /** The busybox binary, where one is installed. */
  static Optional<Path> busybox() {
    return which("busybox");
  }

  /**
   * Puts busybox's {@code applet} first on PATH (a link named so to busybox, which runs the applet its name says), as
   * on a node whose tools are busybox's.
   */
  CollectorRun busyboxApplet(String applet) {
    applets.add(applet);
    return this;
  }

  /** A folder of links to busybox, one per applet, shared by all runs (outside @TempDir, which warns on links). */
  static synchronized Path appletLinks(List<String> names) throws IOException {
    Path busybox = busybox().orElseThrow(() -> new IllegalStateException("busybox is not installed"));
    Path d = Files.createDirectories(Path.of("target/collector-busybox", String.join("-", names.stream().sorted()
        .toList())).toAbsolutePath());
    for (String name : names) {
      Path link = d.resolve(name);
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, busybox);
      }
    }
    return d;
  }

  /** One folder of links to the allowed host tools, shared by all runs (outside @TempDir, which warns on links). */
  static synchronized Path hostTools() throws IOException {
    Path sys = Path.of("target/collector-host-tools").toAbsolutePath();
    Files.createDirectories(sys);
    for (String tool : HOST_TOOLS) {
      Path link = sys.resolve(tool);
      Optional<Path> real = which(tool);
      if (real.isPresent() && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, real.get());
      }
    }
    return sys;
  }

  static Optional<Path> which(String tool) {
    return Stream.of("/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin")
        .map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst();
  }

  /** Runs {@code shell SCRIPT args}; stubs are copied into bin/ next to host-tool links. */
  CollectorRun run(String shell, String... args) throws IOException, InterruptedException {
    Path sys = hostTools();
    Path data = bin.resolve("data");
    if (!Files.exists(data)) {
      Files.createDirectories(data);
      try (Stream<Path> files = Files.list(STUBS.resolve("data"))) {
        for (Path f : files.toList()) {
          Files.copy(f, data.resolve(f.getFileName()));
        }
      }
    }
    for (String stub : stubs) {
      Path target = bin.resolve(stub);
      if (!Files.exists(target)) {
        Files.copy(STUBS.resolve(stub), target);
      }
      target.toFile().setExecutable(true);
    }
    List<String> cmd = new ArrayList<>();
    cmd.addAll(List.of(shell.split(" ")));
    cmd.add(SCRIPT.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().put("PATH", (applets.isEmpty() ? "" : appletLinks(applets) + ":") + bin + ":" + sys);
    pb.environment().putAll(env);
    Path errFile = dir.resolve("stderr.log");
    pb.redirectError(errFile.toFile());
    long start = System.nanoTime();
    Process p = pb.start();
    byte[] so = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("collector did not finish");
    }
    elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    exitCode = p.exitValue();
    stdout = new String(so, StandardCharsets.UTF_8);
    stderr = Files.readString(errFile);
    return this;
  }

  String lastStdoutLine() {
    String[] lines = stdout.strip().split("\n");
    return lines[lines.length - 1];
  }

  /** The archive's entries, in order, name to bytes. */
  LinkedHashMap<String, byte[]> entries() throws IOException {
    LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(Path.of(lastStdoutLine()));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        tar.transferTo(buf);
        entries.put(e.getName(), buf.toByteArray());
      }
    }
    return entries;
  }

  JsonNode manifest() throws IOException {
    return new ObjectMapper().readTree(entries().get("manifest.json"));
  }

  JsonNode command(String name) throws IOException {
    for (JsonNode c : manifest().get("commands")) {
      if (c.get("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no command " + name + " in manifest; stderr:\n" + stderr);
  }

  String text(String entry) throws IOException {
    byte[] b = entries().get(entry);
    assertThat(b).as("entry %s", entry).isNotNull();
    return new String(b, StandardCharsets.UTF_8);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
