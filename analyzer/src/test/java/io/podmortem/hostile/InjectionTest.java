package io.podmortem.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markup, template syntax, Markdown table syntax and terminal escapes in every place a bundle puts text: container
 * names, command lines, labels, file names and os-release values. Each must come out inert and visible in HTML,
 * Markdown, JSON and the stderr summary. The bundle is the docker-node sample with its values replaced.
 */
class InjectionTest {
  /** Everything at once, on one line: HTML, FreeMarker (both syntaxes), Markdown. */
  static final String LINE = "<script>alert(1)</script><img src=x onerror=alert(2)>${7*7}<#assign x=1>"
      + "${\"a\"?upper_case}[#assign y=2]|c1|c2|`tick`**b**";
  /** ANSI CSI (colour) and OSC (window title) sequences. */
  static final String ANSI = "\u001b[31mRED\u001b]0;pwned\u0007\u001b[0m";
  /** The same with newlines that try to end a table row and start a heading, for JSON values. */
  static final String MULTILINE = LINE + "\n## injected\n| x | y |\r\nend";

  @TempDir
  Path dir;

  private final Map<String, String> entries = new LinkedHashMap<>();

  @BeforeEach
  void loadSample() throws IOException {
    entries.putAll(HostileBundles.readTarGz(Samples.dir().resolve("docker-node.tar.gz")));
  }

  /** Replaces {@code from} in every entry: JSON-escaped in JSON entries, as is (one line) in text entries. */
  private void replaceEverywhere(String from, String multiline, String line) {
    entries.replaceAll((name, text) -> name.endsWith(".json") || name.endsWith(".jsonl")
        ? text.replace(from, jsonEscaped(multiline)) : text.replace(from, line));
  }

  private Reports.Run run() throws IOException {
    Path bundle = dir.resolve("inject.tar.gz");
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      for (var e : entries.entrySet()) {
        b.file(e.getKey(), e.getValue());
      }
    }
    return Reports.analyze(bundle, Files.createDirectories(dir.resolve("out")));
  }

  /** The payload is shown, escaped, in every format; none of it is live. */
  private static void assertInertAndVisible(Reports.Run r) {
    Reports.assertInert(r);
    assertThat(r.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;${7*7}")
        .contains("&lt;#assign x=1&gt;");
    // Markdown may shorten a long value with '…' and escape '*'; the escaped start must be there.
    assertThat(r.md()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(r.json()).contains("<script>alert(1)</script><img src=x onerror=alert(2)>${7*7}<#assign x=1>");
  }

  @Test
  void containerName_isInertAndVisible() throws IOException {
    replaceEverywhere("pm-plain", MULTILINE, LINE.replace("|", "/"));
    Reports.Run r = run();
    assertInertAndVisible(r);
  }

  @Test
  void commandLine_isInertAndVisible() throws IOException {
    // The plain container's command, in ps, docker ps and docker inspect.
    replaceEverywhere("sleep 1000000", MULTILINE, "sleep " + LINE);
    Reports.Run r = run();
    assertInertAndVisible(r);
  }

  @Test
  void label_isInertAndVisible() throws IOException {
    entries.replaceAll((name, text) -> name.equals("docker/inspect.json")
        ? text.replace("\"Labels\": {", "\"Labels\": {\"" + jsonEscaped(MULTILINE) + "\": \""
            + jsonEscaped(MULTILINE) + "\", ").replace("\"Labels\":{", "\"Labels\":{\"" + jsonEscaped(MULTILINE)
            + "\":\"" + jsonEscaped(MULTILINE) + "\",")
        : text);
    assertThat(entries.get("docker/inspect.json")).contains("onerror");
    Reports.Run r = run();
    Reports.assertInert(r);
  }

  @Test
  void fileName_isInertAndVisible() throws IOException {
    entries.put("notes/" + LINE.replace("/", "∕") + ".txt", "a note\nthat no parser knows\n");
    entries.put("stderr/" + LINE.replace("/", "∕") + ".txt", "an error\n");
    Reports.Run r = run();
    Reports.assertInert(r);
    assertThat(r.html()).contains("&lt;script&gt;alert(1)&lt;∕script&gt;");
    assertThat(r.md()).contains("&lt;script&gt;alert(1)&lt;∕script&gt;");
    assertThat(r.json()).contains("<script>alert(1)<∕script>");
  }

  @Test
  void osReleaseValues_areInertAndVisible() throws IOException {
    String value = "PRETTY_NAME=\"" + LINE.replace("\"", "'") + "\"\nNAME=\"" + LINE.replace("\"", "'")
        + "\"\nID=" + LINE.replace("\"", "'").replace(" ", "_") + "\nVERSION_ID=\"${7*7}<#assign z=3>\"\n";
    entries.replaceAll((name, text) -> name.equals("host/os-release.txt") || name.startsWith("rootfs/os-release/")
        ? value : text);
    Reports.Run r = run();
    Reports.assertInert(r);
    assertThat(r.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(r.json()).contains("<script>alert(1)</script>");
  }

  @Test
  void ansiEscapesInAContainerName_areVisibleInTheStderrSummary() throws IOException {
    replaceEverywhere("pm-plain", "pm" + ANSI, "pm" + ANSI);
    Reports.Run r = run();
    Reports.assertTerminalInert(r.stderr());
    // Control characters are shown, not sent: the model writes ESC as the four visible characters \x1b.
    assertThat(r.json()).contains("pm\\\\x1b[31mRED\\\\x1b]0;pwned\\\\x07\\\\x1b[0m");
  }

  @Test
  void ansiEscapes_areVisibleNotRaw_inHtmlAndMarkdown() throws IOException {
    replaceEverywhere("pm-plain", "pm" + ANSI, "pm" + ANSI);
    replaceEverywhere("sleep 1000000", "sleep " + ANSI, "sleep " + ANSI);
    entries.put("notes/" + ANSI + ".txt", "a note\n");
    entries.replaceAll((name, text) -> name.equals("host/os-release.txt") ? "PRETTY_NAME=\"" + ANSI + "\"\n" : text);
    Reports.Run r = run();
    assertThat(r.md()).as("md").doesNotContain("\u001b").doesNotContain("\u0007");
    assertThat(r.html()).as("html").doesNotContain("\u001b").doesNotContain("&#27;").doesNotContain("\u0007");
  }

  static String jsonEscaped(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
