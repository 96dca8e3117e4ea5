package io.podmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.Samples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line, driven through picocli as a user would. */
class AnalyzeCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = PodmortemCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void analyze_folder_writesHtmlAndMarkdownNamedAfterTheBundle(@TempDir Path dir) throws Exception {
    int code = run("analyze", Samples.udon().toString(), "--output", dir.toString());
    assertThat(code).isZero();
    assertThat(out.toString().lines()).containsExactly(dir.resolve("udon.html").toString(),
        dir.resolve("udon.md").toString());
    assertThat(Files.readString(dir.resolve("udon.html"))).startsWith("<!DOCTYPE html>");
    assertThat(Files.readString(dir.resolve("udon.md"))).startsWith("# podmortem report: udon");
    assertThat(err.toString()).startsWith("12 pods, 21 containers, ");
  }

  @Test
  void analyze_jsonToStdout_printsTheModel() {
    int code = run("analyze", Samples.udon().toString(), "--format", "json", "--output", "-");
    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("{\n  \"schemaVersion\" : 1,");
  }

  @Test
  void analyze_outputToAnExistingFile_writesTheSingleReportThere(@TempDir Path dir) throws Exception {
    Path file = Files.createFile(dir.resolve("report.json"));
    assertThat(run("analyze", Samples.udon().toString(), "--format", "json", "--output", file.toString())).isZero();
    assertThat(Files.readString(file)).startsWith("{\n  \"schemaVersion\" : 1,");
    assertThat(run("analyze", Samples.udon().toString(), "--format", "json", "--output", "/dev/null")).isZero();
    assertThat(run("analyze", Samples.udon().toString(), "--output", file.toString())).isEqualTo(2);
  }

  @Test
  void analyze_stdoutWithTwoFormats_isAUsageError() {
    int code = run("analyze", Samples.udon().toString(), "--format", "json", "--format", "md", "--output", "-");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--output - writes one report to standard output: choose one --format");
  }

  @Test
  void analyze_missingBundle_oneLineAndExit1() {
    int code = run("analyze", "/no/such/bundle.tar.gz");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("podmortem: no such file or folder: /no/such/bundle.tar.gz"
        + System.lineSeparator());
  }

  @Test
  void analyze_notAnArchive_oneLineNamingTheProblem(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("broken.tar.gz");
    Files.writeString(bad, "this is not gzip");
    int code = run("analyze", bad.toString(), "--output", dir.toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("podmortem: cannot read broken.tar.gz: the name says compressed, but the "
        + "content is not gzip or xz" + System.lineSeparator());
    assertThat(err.toString()).doesNotContain("at io.podmortem");
  }

  @Test
  void analyze_stacktraceFlag_printsTheTrace() {
    int code = run("analyze", "/no/such/bundle", "--stacktrace");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("at io.podmortem.bundle.BundleReader");
  }

  @Test
  void failOn_exits3_whenAFindingReachesTheThreshold(@TempDir Path dir) {
    // udon's findings are low and info at most.
    assertThat(run("analyze", Samples.udon().toString(), "--output", dir.toString(), "--fail-on", "medium")).isZero();
    assertThat(run("analyze", Samples.udon().toString(), "--output", dir.toString(), "--fail-on", "low"))
        .isEqualTo(3);
    assertThat(err.toString()).contains("15 findings at or above low");
    assertThat(run("analyze", Samples.udon().toString(), "--fail-on", "severe")).isEqualTo(2);
  }

  @Test
  void unknownOption_isExit2() {
    assertThat(run("analyze", "--frobnicate", "x")).isEqualTo(2);
  }

  @Test
  void version_and_help_exit0() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("podmortem ");
    assertThat(run("analyze", "--help")).isZero();
    assertThat(out.toString()).contains("--format=FORMAT");
  }

  @Test
  void baseName_stripsArchiveExtensions() {
    assertThat(AnalyzeCommand.baseName(Path.of("x/node-1.tar.gz"))).isEqualTo("node-1");
    assertThat(AnalyzeCommand.baseName(Path.of("node.tgz"))).isEqualTo("node");
    assertThat(AnalyzeCommand.baseName(Path.of("node.tar.xz"))).isEqualTo("node");
    assertThat(AnalyzeCommand.baseName(Path.of("samples/udon"))).isEqualTo("udon");
  }
}
