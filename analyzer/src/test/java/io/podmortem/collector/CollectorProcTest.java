package io.podmortem.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The process table where ps cannot print one: the real collector with busybox's ps first on PATH (or a ps that
 * lists nothing) falls back to reading /proc itself, into {@code ps/proc.txt}, in the layout of
 * {@code ps -eo pid,ppid,uid,user,stat,lstart,rss,vsz,args ww}.
 */
class CollectorProcTest {

  static final String HEADER = "    PID    PPID   UID USER     STAT                  STARTED   RSS    VSZ COMMAND";
  /** One ps/proc.txt row: PID PPID UID USER STAT STARTED (lstart, 24 wide) RSS VSZ COMMAND. */
  static final Pattern ROW = Pattern.compile("\\s*(\\d+)\\s+(\\d+)\\s+(\\d+) (\\S+)\\s+(\\S+)\\s+"
      + "([A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}) +(\\d+) +(\\d+) (.*)");
  static final DateTimeFormatter LSTART = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

  @TempDir Path dir;
  final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopProcesses() throws InterruptedException {
    for (Process p : started) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  record Row(long pid, long ppid, long uid, String user, String stat, String started, long rss, long vsz,
      String command) {
    Instant startedAt() {
      return LocalDateTime.parse(started, LSTART).toInstant(ZoneOffset.UTC);
    }
  }

  static Map<Long, Row> rows(String table) {
    List<String> lines = table.lines().toList();
    assertThat(lines).as("ps/proc.txt").isNotEmpty();
    assertThat(lines.get(0).trim().split("\\s+")).as("header of ps/proc.txt")
        .containsExactly("PID", "PPID", "UID", "USER", "STAT", "STARTED", "RSS", "VSZ", "COMMAND");
    Map<Long, Row> rows = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      Matcher m = ROW.matcher(line);
      assertThat(m.matches()).as("a ps/proc.txt row: '%s'", line).isTrue();
      Row r = new Row(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
          m.group(4), m.group(5), m.group(6), Long.parseLong(m.group(7)), Long.parseLong(m.group(8)), m.group(9));
      assertThat(rows.put(r.pid(), r)).as("PID %d listed once", r.pid()).isNull();
    }
    assertThat(new ArrayList<>(rows.keySet())).as("rows sorted by PID").isSorted();
    return rows;
  }

  /** The name /etc/passwd gives a uid (the first line that names it), else the number, as ps prints it. */
  static String userName(long uid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
      String[] f = line.split(":");
      if (f.length > 2 && f[2].equals(String.valueOf(uid))) {
        return f[0];
      }
    }
    return String.valueOf(uid);
  }

  /** The real uid of a process, the first number of {@code Uid:} in its status. */
  static long realUid(String pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
      if (line.startsWith("Uid:")) {
        return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
      }
    }
    throw new AssertionError("no Uid: in /proc/" + pid + "/status");
  }

  static String sleepBinary() {
    return CollectorRun.which("sleep").orElseThrow().toString();
  }

  Process start(String... argv) throws IOException {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    started.add(p);
    assertThat(p.isAlive()).as("%s started", String.join(" ", argv)).isTrue();
    return p;
  }

  /** Checks the row of a process this test started: parent, user, full command line and start time. */
  static void assertRowOf(Map<Long, Row> rows, Process p, String command) throws IOException {
    Row row = rows.get(p.pid());
    assertThat(row).as("row of PID %d (%s)", p.pid(), command).isNotNull();
    long uid = realUid("self");
    assertThat(row.ppid()).as("PPID of %s", command).isEqualTo(ProcessHandle.current().pid());
    assertThat(row.uid()).as("UID of %s", command).isEqualTo(uid);
    assertThat(row.user()).as("USER of %s", command).isEqualTo(userName(uid));
    assertThat(row.command()).isEqualTo(command);
    assertThat(row.stat()).as("STAT of %s", command).matches("[RSD]");
    assertThat(row.rss()).as("RSS of %s", command).isPositive();
    assertThat(row.vsz()).as("VSZ of %s", command).isGreaterThanOrEqualTo(row.rss());
    Instant real = p.toHandle().info().startInstant().orElseThrow();
    assertThat(Duration.between(real, row.startedAt()).abs()).as("STARTED %s of %s, started %s", row.started(),
        command, real).isLessThan(Duration.ofMinutes(1));
  }

  /**
   * Busybox's ps refuses {@code -eo …uid…lstart}: under busybox sh (which runs its own applets) and under dash with
   * a busybox ps link first on PATH, the collector reads /proc, and the table holds PID 1 and a process the test
   * started, with its parent, user, full command line and start time.
   */
  @ParameterizedTest
  @ValueSource(strings = {"dash", "busybox"})
  void busyboxPs_tableComesFromProc_withPid1AndOurProcess(String sh) throws Exception {
    assumeTrue(CollectorRun.busybox().isPresent(), "busybox is not installed");
    Process sleep = start(sleepBinary(), "297.5309");
    Instant before = Instant.now();
    CollectorRun r = new CollectorRun(dir).busyboxApplet("ps").run(CollectorTest.shell(sh), "-o", "out");

    assertThat(r.exitCode).as(r.stderr).isZero();
    JsonNode table = r.command("ps-table");
    assertThat(table.get("status").asText()).isEqualTo("failed");
    assertThat(r.text("stderr/ps-table.txt")).contains("bad -o argument 'uid'");
    JsonNode proc = r.command("ps-proc");
    assertThat(proc.get("status").asText()).isEqualTo("ok");
    assertThat(proc.get("output").asText()).isEqualTo("ps/proc.txt");
    assertThat(proc.get("reason").asText()).isEqualTo("replaces ps-table, which failed (exit 1)");
    assertThat(proc.get("sha256").asText()).isEqualTo(CollectorRun.sha256(r.entries().get("ps/proc.txt")));
    assertThat(r.manifest().get("processTable").asText()).isEqualTo("proc");
    List<String> fields = fieldNames(r.manifest());
    assertThat(fields.indexOf("processTable")).as("processTable right after options: %s", fields)
        .isEqualTo(fields.indexOf("options") + 1).isPositive();

    String text = r.text("ps/proc.txt");
    assertThat(text).startsWith(HEADER + "\n");
    Map<Long, Row> rows = rows(text);
    Row init = rows.get(1L);
    assertThat(init).as("row of PID 1").isNotNull();
    assertThat(init.ppid()).isZero();
    assertThat(init.uid()).isEqualTo(realUid("1"));
    String initCmdline = new String(Files.readAllBytes(Path.of("/proc/1/cmdline")), StandardCharsets.UTF_8)
        .replaceAll("\u0000+$", "").replace('\u0000', ' ');
    assertThat(init.command()).isEqualTo(initCmdline);
    assertRowOf(rows, sleep, sleepBinary() + " 297.5309");
    // Every process is there: one that started before the run and is still alive after it was there all along
    // (the collector's own shells and greps came and went, so they are not compared).
    List<Long> throughout = ProcessHandle.allProcesses()
        .filter(h -> h.info().startInstant().map(i -> i.isBefore(before.minusSeconds(2))).orElse(false))
        .filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    assertThat(throughout).isNotEmpty();
    assertThat(rows.keySet()).containsAll(throughout);
  }

  /** A comm holding blanks and ")" (a binary named so): the fields after it are read from the last ")". */
  @ParameterizedTest
  @ValueSource(strings = {"dash", "busybox"})
  void commWithBlanksAndParen_isSplitAtTheLastParen(String sh) throws Exception {
    assumeTrue(CollectorRun.busybox().isPresent(), "busybox is not installed");
    Path odd = Files.copy(Path.of(sleepBinary()), Files.createDirectories(dir.resolve("odd")).resolve("a b) c"));
    odd.toFile().setExecutable(true);
    Process p = start(odd.toString(), "296.25");
    String comm = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"));
    assertThat(comm).as("the kernel's comm").contains("(a b) c) ");
    CollectorRun r = new CollectorRun(dir).busyboxApplet("ps").run(CollectorTest.shell(sh), "-o", "out");

    assertThat(r.exitCode).as(r.stderr).isZero();
    assertRowOf(rows(r.text("ps/proc.txt")), p, odd + " 296.25");
  }

  /** Where GNU ps works, its table is the bundle's: no ps/proc.txt, and ps-proc is skipped with its reason. */
  @Test
  void gnuPs_keepsPsTable_andWritesNoProcTable() throws Exception {
    Optional<Path> ps = CollectorRun.which("ps");
    assumeTrue(ps.isPresent() && !ps.get().toRealPath().getFileName().toString().equals("busybox"),
        "procps ps is not installed");
    CollectorRun r = new CollectorRun(dir).run(CollectorTest.shell("dash"), "-o", "out");

    assertThat(r.exitCode).as(r.stderr).isZero();
    assertThat(r.command("ps-table").get("status").asText()).isEqualTo("ok");
    assertThat(r.text("ps/table.txt").lines().findFirst().orElseThrow().trim().split("\\s+"))
        .containsExactly("PID", "PPID", "UID", "USER", "STAT", "STARTED", "RSS", "VSZ", "COMMAND");
    assertThat(r.entries()).doesNotContainKey("ps/proc.txt");
    JsonNode proc = r.command("ps-proc");
    assertThat(proc.get("status").asText()).isEqualTo("skipped");
    assertThat(proc.get("reason").asText()).isEqualTo("ps-table printed the process table");
    assertThat(r.manifest().get("processTable").asText()).isEqualTo("ps");
  }

  /**
   * A fake /proc (PODMORTEM_PROC) with the cases a live node rarely shows on cue, and a ps that prints a header
   * and no process: the table is exactly what the fake files say.
   */
  @ParameterizedTest
  @ValueSource(strings = {"dash", "busybox"})
  void fakeProc_kernelThreadZombieVanishedAndOddNames_exactTable(String sh) throws Exception {
    Path proc = Files.createDirectories(dir.resolve("proc"));
    long btime = 1_700_000_000L; // Tue Nov 14 22:13:20 2023 UTC
    Files.writeString(proc.resolve("stat"), "cpu  1 2 3 4\nintr 5\nctxt 6\nbtime " + btime + "\nprocesses 7\n");
    long hz = getconf("CLK_TCK", 100);
    long page = getconf("PAGESIZE", 4096);
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
    // priority nice threads itrealvalue starttime vsize rss ...
    fakeProcess(proc, "1", "init", "S", 0, 0, 5 * hz, 169_000_000L, 2_900L, "/sbin/init\0splash\0".getBytes());
    fakeProcess(proc, "2", "kthreadd", "S", 0, 0, 0, 0, 0, new byte[0]);
    // A leap day, and the day after it (a one-digit day, padded as lstart pads it).
    long leapDay = 1_709_208_000L; // Thu Feb 29 12:00:00 2024 UTC
    fakeProcess(proc, "3", "kworker/0:1", "I", 2, 0, (leapDay - btime) * hz, 0, 0, new byte[0]);
    fakeProcess(proc, "4", "kworker/1:1", "I", 2, 0, (leapDay + 86_399 - btime) * hz, 0, 0, new byte[0]);
    fakeProcess(proc, "77", "x) y\nz", "R", 1, 4242, 86_400 * hz + 12, 2_048L * 1024, 100,
        "sh\0-c\0two\nlines\0tab\there\0\0".getBytes());
    fakeProcess(proc, "90", "worker", "Z", 77, 0, 9 * hz, 0, 0, new byte[0]);
    fakeProcess(proc, "100", "gone", "S", 1, 0, hz, 4096, 1, "gone\0".getBytes());
    Files.delete(proc.resolve("100/status")); // vanished between its stat and its status
    Files.createDirectories(proc.resolve("101"));
    Files.write(proc.resolve("101/cmdline"), "late\0".getBytes()); // its stat never read: vanished first
    Files.writeString(proc.resolve("101/status"), "Name:\tlate\nUid:\t0\t0\t0\t0\n");
    Files.createDirectories(proc.resolve("self"));

    CollectorRun r = new CollectorRun(dir);
    r.stubs.add("ps");
    r.env.put("PMSTUB_PS", "header");
    r.env.put("PODMORTEM_PROC", proc.toString());
    r.run(CollectorTest.shell(sh), "-o", "out");

    assertThat(r.exitCode).as(r.stderr).isZero();
    // busybox sh runs its own ps applet before any ps on PATH: that one fails rather than printing no row.
    boolean applets = sh.equals("busybox");
    assertThat(r.command("ps-table").get("status").asText()).isEqualTo(applets ? "failed" : "ok");
    assertThat(r.command("ps-proc").get("reason").asText()).isEqualTo(applets
        ? "replaces ps-table, which failed (exit 1)" : "replaces ps-table, which printed no process rows");
    assertThat(r.manifest().get("processTable").asText()).isEqualTo("proc");
    String expected = HEADER + "\n"
        + row(1, 0, 0, "S", btime + 5, 2_900L * page / 1024, 169_000_000L / 1024, "/sbin/init splash")
        + row(2, 0, 0, "S", btime, 0, 0, "[kthreadd]")
        + row(3, 2, 0, "I", leapDay, 0, 0, "[kworker/0:1]")
        + row(4, 2, 0, "I", leapDay + 86_399, 0, 0, "[kworker/1:1]")
        + row(77, 1, 4242, "R", btime + 86_400, 100 * page / 1024, 2_048, "sh -c two lines tab?here")
        + row(90, 77, 0, "Z", btime + 9, 0, 0, "[worker] <defunct>");
    assertThat(r.text("ps/proc.txt")).isEqualTo(expected);
  }

  @Test
  void noProcTable_whenPsAndProcBothFail_processTableIsNull() throws Exception {
    Path proc = Files.createDirectories(dir.resolve("proc-without-btime"));
    Files.writeString(proc.resolve("stat"), "cpu  1 2 3 4\n");
    fakeProcess(proc, "1", "init", "S", 0, 0, 5, 4096, 1, "/sbin/init\0".getBytes());
    CollectorRun r = new CollectorRun(dir);
    r.stubs.add("ps");
    r.env.put("PMSTUB_PS", "header");
    r.env.put("PODMORTEM_PROC", proc.toString());
    r.run(CollectorTest.shell("dash"), "-o", "out");

    assertThat(r.exitCode).as(r.stderr).isZero();
    assertThat(r.command("ps-proc").get("status").asText()).isEqualTo("failed");
    assertThat(r.text("stderr/ps-proc.txt")).contains("no btime in " + proc + "/stat");
    assertThat(r.manifest().get("processTable").isNull()).isTrue();
    assertThat(r.manifest().get("warnings").toString()).contains("no process table");
  }

  static List<String> fieldNames(JsonNode o) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static long getconf(String name, long fallback) throws IOException, InterruptedException {
    Optional<Path> getconf = CollectorRun.which("getconf");
    if (getconf.isEmpty()) {
      return fallback;
    }
    Process p = new ProcessBuilder(getconf.get().toString(), name).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor();
    return out.matches("\\d+") ? Long.parseLong(out) : fallback;
  }

  static void fakeProcess(Path proc, String pid, String comm, String state, long ppid, long uid, long startTicks,
      long vsize, long rssPages, byte[] cmdline) throws IOException {
    Path d = Files.createDirectories(proc.resolve(pid));
    Files.writeString(d.resolve("stat"), pid + " (" + comm + ") " + state + " " + ppid + " " + pid + " " + pid
        + " 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 " + startTicks + " " + vsize + " " + rssPages
        + " 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n");
    Files.writeString(d.resolve("status"), "Name:\t" + comm.replace("\n", "\\n") + "\nState:\t" + state
        + "\nPPid:\t" + ppid + "\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\nGid:\t0\t0\t0\t0\n");
    Files.write(d.resolve("cmdline"), cmdline);
  }

  static String row(long pid, long ppid, long uid, String stat, long epoch, long rss, long vsz, String command)
      throws IOException {
    String when = LSTART.format(LocalDateTime.ofEpochSecond(epoch, 0, ZoneOffset.UTC));
    return String.format(Locale.ROOT, "%7d %7d %5d %-8s %-4s %24s %5d %6d %s%n", pid, ppid, uid, userName(uid),
        stat, when, rss, vsz, command);
  }
}
