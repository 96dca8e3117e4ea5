package io.podmortem.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podmortem.cli.PodmortemCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Runs {@code podmortem analyze} through picocli on a bundle, twice: writing HTML, Markdown and JSON into a folder,
 * and writing JSON to standard output. Then checks what every hostile case must keep: nothing live in any output.
 */
final class Reports {
  /** Generous, for noisy machines; a hostile bundle must not make the analyzer take minutes. */
  static final Duration TIME_BOUND = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SCRATCH_NAME = Pattern.compile("junit[0-9]+");
  /** How many {@code <script} the HTML template itself holds. */
  private static final int TEMPLATE_SCRIPTS = countIn(template("report.html.ftl"), "<script");

  /** What one bundle gave. Files are null when the run failed before writing them. */
  record Run(int exitCode, String stdout, String stderr, String html, String md, String json, int jsonExitCode,
      String jsonStdout, String jsonStderr) {
    /** Every text a user can see: the three reports, standard output and the stderr summary. */
    List<String> outputs() {
      List<String> all = new ArrayList<>();
      for (String s : new String[] {stdout, stderr, html, md, json, jsonStdout, jsonStderr}) {
        if (s != null) {
          all.add(s);
        }
      }
      return all;
    }

    /**
     * Every output joined, for "this planted text is nowhere" checks. The scratch folder's name is masked: JUnit
     * names it {@code junit} and a random number, which stdout prints in the reports' paths and which once held
     * a planted four-digit PIN by chance.
     */
    String everything() {
      return SCRATCH_NAME.matcher(String.join("\n", outputs())).replaceAll("junit#");
    }

    JsonNode model() {
      try {
        return JSON.readTree(jsonStdout);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The report's top-level warnings, from the JSON written to standard output. */
    List<String> warnings() {
      List<String> w = new ArrayList<>();
      model().path("warnings").forEach(n -> w.add(n.asText()));
      return w;
    }
  }

  private Reports() {}

  /** Analyzes the bundle within the time bound, both ways. */
  static Run analyze(Path bundle, Path outDir, String... extra) {
    return assertTimeoutPreemptively(TIME_BOUND, () -> {
      List<String> args = new ArrayList<>(List.of("analyze", bundle.toString(), "--format", "html", "--format", "md",
          "--format", "json", "--output", outDir.toString()));
      args.addAll(List.of(extra));
      String[] first = execute(args.toArray(String[]::new));
      String base = baseName(bundle);
      List<String> jsonArgs = new ArrayList<>(List.of("analyze", bundle.toString(), "--format", "json", "--output",
          "-"));
      jsonArgs.addAll(List.of(extra));
      String[] second = execute(jsonArgs.toArray(String[]::new));
      return new Run(Integer.parseInt(first[0]), first[1], first[2], readIfThere(outDir.resolve(base + ".html")),
          readIfThere(outDir.resolve(base + ".md")), readIfThere(outDir.resolve(base + ".json")),
          Integer.parseInt(second[0]), second[1], second[2]);
    }, () -> "analyzing " + bundle.getFileName() + " took longer than " + TIME_BOUND);
  }

  /** Analyzes the bundle once, within the time bound, writing all three formats; for the slowest bundles. */
  static Run analyzeOnce(Path bundle, Path outDir) {
    return assertTimeoutPreemptively(TIME_BOUND, () -> {
      String[] r = execute("analyze", bundle.toString(), "--format", "html", "--format", "md", "--format", "json",
          "--output", outDir.toString());
      String base = baseName(bundle);
      String json = readIfThere(outDir.resolve(base + ".json"));
      return new Run(Integer.parseInt(r[0]), r[1], r[2], readIfThere(outDir.resolve(base + ".html")),
          readIfThere(outDir.resolve(base + ".md")), json, Integer.parseInt(r[0]), json, "");
    }, () -> "analyzing " + bundle.getFileName() + " took longer than " + TIME_BOUND);
  }

  /** {exit code, stdout, stderr} of one picocli run. */
  static String[] execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = PodmortemCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  /** A report that was written: both runs exit 0, all files exist, the JSON parses, and nothing in it is live. */
  static void assertInert(Run r) {
    assertThat(r.exitCode()).as("exit code; stderr: %s", r.stderr()).isZero();
    assertThat(r.jsonExitCode()).as("exit code of --output -; stderr: %s", r.jsonStderr()).isZero();
    assertThat(r.html()).as("html written").isNotNull();
    assertThat(r.md()).as("md written").isNotNull();
    assertThat(r.json()).as("json written").isNotNull();
    assertHtmlInert(r.html());
    assertMarkdownInert(r.md());
    assertThat(r.json()).as("the JSON file and the JSON on stdout").isEqualTo(r.jsonStdout());
    r.model();
    assertTerminalInert(r.stderr());
    assertTerminalInert(r.jsonStderr());
  }

  static void assertHtmlInert(String html) {
    assertThat(countIn(html.toLowerCase(), "<script")).as("<script in the HTML beyond the template's own")
        .isEqualTo(TEMPLATE_SCRIPTS);
    assertThat(html.toLowerCase()).as("live markup in the HTML").doesNotContain("<img").doesNotContain("<svg")
        .doesNotContain("<iframe").doesNotContain("href=\"javascript:");
    assertThat(LIVE_HANDLER.matcher(html).find()).as("an on…= handler inside a real tag: %s",
        LIVE_HANDLER.matcher(html).results().map(m -> m.group()).findFirst().orElse("")).isFalse();
    assertThat(html).as("a FreeMarker directive or interpolation that ran would leave no trace; one that was"
        + " parsed as a template would break rendering").doesNotContain("<#assign");
  }

  /** An event handler attribute inside a real tag. Example match: {@code <img src=x onerror=} */
  private static final Pattern LIVE_HANDLER = Pattern.compile("(?i)<[a-z][^<>]*\\son[a-z]+\\s*=");

  static void assertMarkdownInert(String md) {
    assertThat(md.toLowerCase()).as("live markup in the Markdown").doesNotContain("<script").doesNotContain("<img")
        .doesNotContain("<#assign");
    assertThat(LIVE_HANDLER.matcher(md).find()).as("an on…= handler inside a raw tag in the Markdown").isFalse();
    // Each table keeps the cell count of its header row in every row.
    List<String> lines = md.lines().toList();
    int header = -1;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (!l.startsWith("|")) {
        header = -1;
        continue;
      }
      int cells = cells(l);
      if (header < 0) {
        header = cells;
      } else {
        assertThat(cells).as("cells in Markdown table row %d: %s", i + 1, l).isEqualTo(header);
      }
    }
  }

  /** Unescaped pipes in a Markdown table row. */
  static int cells(String row) {
    return (int) row.replace("\\\\", "").replace("\\|", "").chars().filter(c -> c == '|').count();
  }

  /** No control character reaches the terminal except the line ends. */
  static void assertTerminalInert(String s) {
    s.codePoints().forEach(c -> assertThat(c < 0x20 && c != '\n' && c != '\r' || c == 0x7f
        || (c >= 0x80 && c < 0xa0)).as("control character U+%04X on the terminal in: %s", c, s).isFalse());
  }

  static int countIn(String s, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  static String baseName(Path bundle) {
    String n = bundle.getFileName().toString();
    for (String ext : List.of(".tar.gz", ".tar.xz", ".tgz", ".tar")) {
      if (n.endsWith(ext)) {
        return n.substring(0, n.length() - ext.length());
      }
    }
    return n;
  }

  private static String readIfThere(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String template(String name) {
    try (InputStream in = Reports.class.getResourceAsStream("/io/podmortem/report/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).toLowerCase();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
