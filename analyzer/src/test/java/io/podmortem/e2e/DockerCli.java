package io.podmortem.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** The live engine's word on a container, asked through the {@code docker} command as a person would. */
final class DockerCli {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 60;

  private DockerCli() {}

  /** The output of one finished command. */
  record Result(int exitCode, byte[] stdout, String stderr) {
    String text() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  static Result run(String... args) {
    List<String> argv = new ArrayList<>();
    argv.add("docker");
    argv.addAll(List.of(args));
    try {
      java.lang.Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
          "/dev/null"))).start();
      // Read both streams at once, or a chatty stderr could block the command.
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      byte[] out = readAll(p.getInputStream());
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", argv) + ": no answer within " + TIMEOUT_SECONDS + " s");
      }
      return new Result(p.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", argv), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Result runOk(String... args) {
    Result r = run(args);
    if (r.exitCode() != 0) {
      throw new IllegalStateException("docker " + String.join(" ", args) + " exited " + r.exitCode() + ": "
          + r.stderr().strip());
    }
    return r;
  }

  /** How many entries {@code docker export} writes for the container: its merged root filesystem. */
  static int exportEntries(String id) {
    byte[] tar = runOk("export", id).stdout();
    int n = 0;
    try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
        new java.io.ByteArrayInputStream(tar))) {
      while (in.getNextEntry() != null) {
        n++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("docker export " + id + " gave no readable tar", e);
    }
    return n;
  }

  /** Full IDs of every container, running or not, that carries the label. */
  static List<String> containerIds(String label) {
    return runOk("ps", "-a", "--no-trunc", "-q", "--filter", "label=" + label).text().lines()
        .map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** {@code docker inspect ID}: the one object of its array. */
  static JsonNode inspect(String id) {
    try {
      return JSON.readTree(runOk("inspect", id).stdout()).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException("docker inspect " + id + " printed no JSON", e);
    }
  }

  /** Host PID to numeric UID of each process in a running container, from {@code docker top ID -eo pid,uid}. */
  static Map<Integer, Integer> top(String id) {
    Map<Integer, Integer> uids = new LinkedHashMap<>();
    List<String> lines = runOk("top", id, "-eo", "pid,uid").text().lines().toList();
    // Example: "PID                 UID" then "12556               1000".
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] f = line.strip().split("\\s+");
      if (f.length == 2) {
        uids.put(Integer.parseInt(f[0]), Integer.parseInt(f[1]));
      }
    }
    return uids;
  }

  /**
   * {@code docker diff ID}: what the container changed against its image, one {@code A|C|D /path} line per entry
   * (added, changed, deleted), sorted. The engine also lists as {@code C} every folder overlayfs copied up to hold a
   * changed child: those are dropped here, as the analyzer drops them. Example, after {@code rm /bin/nc}:
   * {@code C /bin} and {@code D /bin/nc} give {@code D /bin/nc}.
   */
  static List<String> diff(String id) {
    List<String> lines = runOk("diff", id).text().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    return lines.stream()
        .filter(l -> !(l.startsWith("C ") && lines.stream().anyMatch(o -> o.substring(2).startsWith(l.substring(2)
            + "/"))))
        .sorted().toList();
  }

  /** One row of {@code docker top ID -eo pid,ppid,args}. */
  record TopRow(int pid, int ppid, String args) {}

  /** The container's processes with their parents and command lines, in the order {@code docker top} gives. */
  static List<TopRow> topWithParents(String id) {
    List<String> lines = runOk("top", id, "-eo", "pid,ppid,args").text().lines().toList();
    List<TopRow> rows = new ArrayList<>();
    // Example: "PID    PPID   COMMAND" then "2545   1676   sleep 1000001".
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] f = line.strip().split("\\s+", 3);
      if (f.length == 3) {
        rows.add(new TopRow(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2].strip()));
      }
    }
    return rows;
  }

  /**
   * The container's os-release as its own root resolves it ({@code docker cp -L} follows a symlink inside the
   * container, running or stopped), {@code /etc/os-release} first, then {@code /usr/lib/os-release}; null when it
   * has neither.
   */
  static String osRelease(String id) {
    for (String path : List.of("/etc/os-release", "/usr/lib/os-release")) {
      Result r = run("cp", "-L", id + ":" + path, "-");
      if (r.exitCode() != 0) {
        continue;
      }
      try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(r.stdout()))) {
        TarArchiveEntry e = tar.getNextEntry();
        if (e != null && e.isFile()) {
          return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("docker cp " + id + ":" + path + " printed no tar", e);
      }
    }
    return null;
  }

  /** A field of an os-release text, unquoted; null when absent. Example: {@code PRETTY_NAME="Debian 12"}. */
  static String osReleaseField(String text, String key) {
    if (text == null) {
      return null;
    }
    for (String line : text.lines().toList()) {
      if (line.startsWith(key + "=")) {
        String v = line.substring(key.length() + 1).strip();
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.endsWith(v.substring(0, 1))) {
          v = v.substring(1, v.length() - 1);
        }
        return v;
      }
    }
    return null;
  }

  private static byte[] readAll(InputStream in) {
    try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The host's user names by uid, from a passwd file; empty when it cannot be read. */
  static Map<Integer, String> userNames(java.nio.file.Path passwd) throws IOException {
    Map<Integer, String> names = new java.util.HashMap<>();
    if (java.nio.file.Files.isReadable(passwd)) {
      for (String line : java.nio.file.Files.readAllLines(passwd)) {
        String[] f = line.split(":");
        if (f.length > 2 && f[2].matches("\\d+")) {
          names.putIfAbsent(Integer.parseInt(f[2]), f[0]);
        }
      }
    }
    return names;
  }
}
