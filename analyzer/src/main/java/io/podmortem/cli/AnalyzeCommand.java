package io.podmortem.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podmortem.bundle.Limits;
import io.podmortem.explain.Analysis;
import io.podmortem.model.Severity;
import io.podmortem.report.Renderer;
import io.podmortem.report.ReportModel;
import java.io.IOException;
import java.io.Writer;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code podmortem analyze BUNDLE}: writes the reports. */
@Command(name = "analyze", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Analyzes a bundle (a folder, .tar, .tar.gz/.tgz or .tar.xz) and writes its reports.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the reports were written", "1:the bundle could not be read", "2:wrong usage",
        "3:a finding at or above --fail-on"})
public final class AnalyzeCommand implements Callable<Integer> {
  /** A report format. */
  enum Format { html, md, json }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BUNDLE", description = "The bundle to analyze.")
  Path bundle;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Report format: ${COMPLETION-CANDIDATES}. Repeatable. Default: html and md.")
  List<Format> formats = new ArrayList<>();

  @Option(names = "--output", paramLabel = "DIR|-",
      description = "Folder to write the reports into (default: the current folder); - for standard output, or an "
          + "existing file such as /dev/null, with a single format.")
  String output;

  @Option(names = "--stamp", description = "Show the time of the analysis in the reports (off, so that the same "
      + "bundle gives the same bytes).")
  boolean stamp;

  @Option(names = "--stacktrace", description = "Print the stack trace of an error.")
  boolean stacktrace;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary on stderr.")
  boolean quiet;

  @Option(names = "--md-max-lines", paramLabel = "N", description = "Cut the Markdown report after N lines, keeping "
      + "its summary, containers and findings first; a note says where the rest is.")
  Integer mdMaxLines;

  @Option(names = "--no-redact", description = "Keep secrets (passwords, tokens, keys) in the reports. They are "
      + "redacted by default, and the reports then say they are not.")
  boolean noRedact;

  /** A severity threshold for --fail-on. */
  enum Threshold { high, medium, low }

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit with 3 when a finding is at or above this severity: ${COMPLETION-CANDIDATES}. For pipelines.")
  Threshold failOn;

  @Override
  public Integer call() throws IOException {
    LinkedHashSet<Format> chosen = new LinkedHashSet<>(formats.isEmpty() ? List.of(Format.html, Format.md) : formats);
    boolean toStdout = "-".equals(output);
    if (toStdout && chosen.size() != 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--output - writes one report to standard output: choose one --format");
    }
    // An existing file that is not a folder (such as /dev/null) takes the single report itself.
    Path toFile = output != null && !toStdout && Files.exists(Path.of(output)) && !Files.isDirectory(Path.of(output))
        ? Path.of(output) : null;
    if (toFile != null && chosen.size() != 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--output " + output + " is a file: it takes one report, so choose one --format");
    }
    if (mdMaxLines != null && mdMaxLines < 10) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--md-max-lines must be at least 10");
    }
    Analysis analysis = Progress.analyze(bundle, quiet || System.console() == null, spec.commandLine().getErr());
    Timings t = new Timings(false);
    ObjectNode model = ReportModel.build(analysis, !noRedact);
    t.lap("report model");
    Renderer renderer = new Renderer();
    Map<String, Object> options = new LinkedHashMap<>();
    if (stamp) {
      options.put("stamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }
    PrintWriter out = spec.commandLine().getOut();
    // Without --output the reports go to the current folder, named without a "./" in front.
    Path dir = toStdout || toFile != null ? null : Path.of(output == null ? "" : output);
    if (dir != null && output != null) {
      Files.createDirectories(dir);
    }
    for (Format f : chosen) {
      if (toStdout) {
        write(f, renderer, model, options, out);
      } else {
        Path file = toFile != null ? toFile : dir.resolve(baseName(bundle) + "." + f.name());
        // A report is written to a new file beside its place and renamed over it: a link planted at the place is
        // replaced, never followed into the file it points to. A file named with --output is the user's own
        // (/dev/null, say) and is written in place.
        Path target = toFile != null ? toFile
            : Files.createTempFile(file.toAbsolutePath().getParent(), "." + baseName(bundle) + ".", ".tmp");
        try {
          if (toFile == null && target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // A temporary file is private (0600); the report is as readable as any file podmortem wrote before.
            Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
          }
          try (java.io.OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            if (f == Format.json) {
              renderer.json(model, os);
            } else {
              Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8),
                  1 << 16);
              write(f, renderer, model, options, w);
            }
          }
          if (toFile == null) {
            Files.move(target, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          }
        } finally {
          if (toFile == null) {
            Files.deleteIfExists(target);
          }
        }
        out.println(Terminal.safe(file.toString()));
      }
      t.lap(f.name());
    }
    out.flush();
    if (!toStdout && !quiet) {
      summary(model);
    }
    if (failOn != null) {
      Severity limit = Severity.valueOf(failOn.name().toUpperCase(Locale.ROOT));
      long over = analysis.findings().stream().filter(f -> f.severity().compareTo(limit) <= 0).count();
      if (over > 0) {
        spec.commandLine().getErr().printf("%d finding%s at or above %s%n", over, over == 1 ? "" : "s", failOn);
        spec.commandLine().getErr().flush();
        return 3;
      }
    }
    return 0;
  }

  /** The end-of-run summary on stderr, from the redacted model: the counts and the top findings. */
  private void summary(ObjectNode model) {
    PrintWriter err = spec.commandLine().getErr();
    var findings = model.path("findings");
    err.printf("%d pods, %d containers, %d findings%n", model.path("pods").size(), model.path("containers").size(),
        findings.size());
    for (int i = 0; i < Math.min(5, findings.size()); i++) {
      var f = findings.get(i);
      err.printf("  %-6s %s %s%n", f.path("severity").asText(), f.path("id").asText(),
          Terminal.safe(f.path("subject").asText()));
    }
    if (!model.path("redaction").path("enabled").asBoolean()) {
      err.println("redaction is off: the reports may contain secrets");
    }
    err.flush();
  }

  /** Writes one report as it is rendered, so a large node's report is never held whole as a String. */
  private void write(Format f, Renderer renderer, ObjectNode model, Map<String, Object> options, Writer w)
      throws IOException {
    switch (f) {
      case html -> renderer.html(model, options, w);
      case md -> {
        if (mdMaxLines == null) {
          renderer.markdown(model, options, w);
        } else {
          w.write(Renderer.cut(renderer.markdown(model, options), mdMaxLines));
        }
      }
      case json -> renderer.json(model, w);
      default -> throw new IllegalStateException("no such format: " + f);
    }
    w.flush();
  }

  /** {@code samples/udon} gives {@code udon}; {@code node.tar.gz} gives {@code node}. */
  static String baseName(Path bundle) {
    Path name = bundle.toAbsolutePath().normalize().getFileName();
    String n = name == null ? "bundle" : name.toString();
    for (String ext : List.of(".tar.gz", ".tar.xz", ".tgz", ".tar")) {
      if (n.toLowerCase(Locale.ROOT).endsWith(ext)) {
        return n.substring(0, n.length() - ext.length());
      }
    }
    return n;
  }
}
