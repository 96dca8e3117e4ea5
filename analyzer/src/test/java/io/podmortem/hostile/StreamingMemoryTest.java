package io.podmortem.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import io.podmortem.explain.Analysis;
import io.podmortem.model.Container;
import io.podmortem.model.SourceInfo;
import io.podmortem.synth.Synth;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs whose size, not their content, is the attack: each is read in this JVM's small heap (the hostile-small-heap
 * execution's 256 MiB) without an OutOfMemoryError or a StackOverflowError, and the report says what a bound left
 * out. The entries are generated as they are written, never held.
 */
class StreamingMemoryTest {
  @TempDir
  Path dir;

  private Path out() throws IOException {
    return Files.createDirectories(dir.resolve("out"));
  }

  /** An entry of {@code count} pieces, piece {@code i} given by {@code piece}, framed by a head and a tail. */
  private static InputStream pieces(String head, int count, IntFunction<String> piece, String tail) {
    java.util.Enumeration<InputStream> parts = new java.util.Enumeration<>() {
      private int i = -1;

      @Override
      public boolean hasMoreElements() {
        return i <= count;
      }

      @Override
      public InputStream nextElement() {
        String s = i < 0 ? head : i < count ? piece.apply(i) : tail;
        i++;
        return new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
      }
    };
    return new SequenceInputStream(parts);
  }

  private static long size(InputStream in) throws IOException {
    try (InputStream s = in) {
      return s.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }

  private static HostileBundles file(HostileBundles b, String name, java.util.function.Supplier<InputStream> body)
      throws IOException {
    return b.file(name, size(body.get()), body.get());
  }

  @Test
  void handCapturedSessionOfSevenMillionLines_isSummarisedAsItStreams() throws Exception {
    Path bundle = dir.resolve("hand.tar.gz");
    Synth.Result r = Synth.generate(1, 1, Synth.Shape.HAND, Synth.Shape.HAND.listingScale(1), bundle);

    Analysis a = new Analyzer(Limits.defaults()).analyze(bundle);

    SourceInfo session = a.node().sources().stream().filter(s -> s.entry().equals("session.txt") && s.line() == 0)
        .findFirst().orElseThrow();
    assertThat(session.lines()).isGreaterThan(7_000_000);
    assertThat(a.node().containers()).hasSize(r.pods() + r.containers());
    long running = a.node().containers().stream().filter(c -> c.status() != null && c.status().startsWith("Up"))
        .count();
    assertThat(running).isGreaterThan(r.pods());
    for (Container c : a.node().containers()) {
      if (c.status() != null && c.status().startsWith("Up")) {
        assertThat(c.rootfs().entries()).as(c.shortId()).isPositive();
      }
    }
    assertThat(a.node().warnings()).isEmpty();
  }

  @Test
  void dockerInspectOfTwoHundredThousandObjects_readsUpToTheBound_andSaysSo() throws Exception {
    Path bundle = dir.resolve("inspect.tar.gz");
    String id = "0123456789abcdef".repeat(4);
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      file(b, "docker-inspect.json", () -> pieces("[", 200_000, i -> (i == 0 ? "" : ",") + "\n{\"Id\": \"" + id
          + "\", \"Name\": \"/c" + i + "\", \"GraphDriver\": {\"Name\": \"overlay2\"}, \"HostConfig\": {}, "
          + "\"State\": {\"Status\": \"exited\"}, \"Config\": {\"Env\": [\"A=" + "x".repeat(200) + "\"]}}", "\n]\n"));
    }
    Reports.Run run = Reports.analyzeOnce(bundle, out());
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.json()).contains("read the first " + Limits.MAX_JSON_ITEMS + " containers, the limit for one "
        + "entry; the rest were left out");
  }

  @Test
  void jsonNestedAMillionDeep_isAnIssueAtItsLine_notAStackOverflow() throws Exception {
    Path bundle = dir.resolve("deep.tar.gz");
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      file(b, "docker-inspect.json", () -> pieces("[{\"Id\": \"x\", \"HostConfig\": {}, \"GraphDriver\": ", 1_000_000,
          i -> "[", "\n"));
    }
    Reports.Run run = Reports.analyzeOnce(bundle, out());
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.json()).contains("docker inspect output broken off").contains("nesting depth");
  }

  @Test
  void aPsTableFollowedByMillionsOfNewlines_isHeldUpToTheBound() throws Exception {
    Path bundle = dir.resolve("newlines.tar.gz");
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      file(b, "ps.txt", () -> pieces("    USER STAT CMD\n       0 Ss   /sbin/init\n", 5_000, i -> "\n".repeat(1000),
          ""));
      file(b, "blank.txt", () -> pieces("", 20_000, i -> "\n".repeat(1000), ""));
    }
    Reports.Run run = Reports.analyzeOnce(bundle, out());
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.json()).contains("ps.txt: read the first").contains("the limit held for one entry of its format");
    assertThat(run.json()).contains("\"lines\" : 20000000");
  }

  @Test
  void aFloodOfLongLinesUnderAKubectlHeader_isHeldUpToTheBound() throws Exception {
    Path bundle = dir.resolve("long.tar.gz");
    String row = "default   web-" + "a".repeat(64 << 10) + "   1/1   Running   0   3d\n";
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      file(b, "kubectl-get-pods.txt", () -> pieces("NAME   READY   STATUS   RESTARTS   AGE\n", 3_000, i -> row, ""));
    }
    Reports.Run run = Reports.analyzeOnce(bundle, out());
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.json()).contains("kubectl-get-pods.txt: read the first");
  }
}
