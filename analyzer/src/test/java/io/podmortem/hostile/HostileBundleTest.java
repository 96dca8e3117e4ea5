package io.podmortem.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.podmortem.Samples;
import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import io.podmortem.explain.Analysis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile corpus, generated here rather than committed: one case per archive-safety item of the threat list.
 * Each case runs {@code podmortem analyze} through picocli and asserts the exit code, a time bound, and that no
 * output holds live markup. The memory bound is the test JVM's small heap (see the surefire argLine).
 */
class HostileBundleTest {
  @TempDir
  Path dir;

  private Path out() throws IOException {
    return Files.createDirectories(dir.resolve("out"));
  }

  /** A little of a real node, so each report has rows and tables for hostile data to break. */
  private static HostileBundles withRealNode(HostileBundles b) throws IOException {
    for (String f : List.of("ps-faxno.txt", "docker-ps.txt", "kubectl-get-pods.txt")) {
      b.file(f, Files.readAllBytes(Samples.udon().resolve(f)));
    }
    return b;
  }

  private static List<String> sourceEntries(Reports.Run r) {
    List<String> names = new ArrayList<>();
    r.model().path("sources").forEach(s -> names.add(s.path("entry").asText()));
    return names;
  }

  /** Every file under the temp folder, so a test can show nothing was extracted or written elsewhere. */
  private List<String> filesUnder(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void dotDotAbsoluteNamesLinksAndDevices_areReportedAsData_andNothingIsExtracted() throws Exception {
    Path bundle = dir.resolve("names.tar.gz");
    try (HostileBundles b = withRealNode(HostileBundles.tarGz(bundle))) {
      b.file("../x", "escaped\n").file("../../../../../../tmp/podmortem-pwned", "escaped\n")
          .file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n")
          .symlink("shadow-link", "/etc/shadow").hardlink("hard-link", "/etc/shadow")
          .symlink("up-link", "../../../../etc/shadow").charDevice("dev/nc", 1, 3).directory("/abs-dir");
    }
    Reports.Run r = Reports.analyze(bundle, out());

    Reports.assertInert(r);
    assertThat(filesUnder(dir)).containsExactlyInAnyOrder("names.tar.gz", "out", "out/names.html", "out/names.md",
        "out/names.json");
    assertThat(Path.of("/tmp/podmortem-pwned")).doesNotExist();
    assertThat(sourceEntries(r)).contains("../x", "/etc/passwd", "shadow-link", "hard-link", "up-link", "dev/nc");
    JsonNode sources = r.model().path("sources");
    assertThat(sources.toString()).contains("a symlink to '/etc/shadow': recorded, not followed")
        .contains("a hardlink to '/etc/shadow': recorded, not followed")
        .contains("a device entry: recorded, not read");
  }

  @Test
  void entryOfFourGibibytesOfZeros_isCutWithAMessage_withinTheTimeBound() throws Exception {
    long started = System.nanoTime();
    Path bundle = HostileBundles.zeroBombTarGz(dir.resolve("zeros.tar.gz"),
        Map.of("ps-faxno.txt", Files.readString(Samples.udon().resolve("ps-faxno.txt"))), "ps/table.txt", 4096,
        Map.of("after.txt", "an entry after the bomb\n"));
    long written = System.nanoTime();
    Reports.Run r = Reports.analyzeOnce(bundle, out());
    System.out.printf("4 GiB of zeros: written in %d ms (%d bytes), analyzed in %d ms%n",
        (written - started) / 1_000_000, Files.size(bundle), (System.nanoTime() - written) / 1_000_000);

    Reports.assertInert(r);
    // Refused from its header: inflating 4 GiB to skip it would take as long as reading it.
    assertThat(r.warnings()).contains("ps/table.txt declares " + (4096L << 20) + " bytes, over the limit of "
        + Limits.defaults().maxEntryBytes() + " for one entry and too large to skip: stopped reading the bundle there");
    assertThat(sourceEntries(r)).as("the entries before the bomb are read").contains("ps-faxno.txt");
    assertThat(Duration.ofNanos(System.nanoTime() - written)).isLessThan(Duration.ofSeconds(10));
  }

  /**
   * A layer listing of 12 million made-up entries: indexing it whole would take 144 MB of a 256 MB heap. The index
   * stops at the memory budget, the layer is named in a warning, and the rest of the bundle is still reported.
   */
  @Test
  void layerListingOverTheMemoryBudget_isNotMerged_andSaysSo() throws Exception {
    Path bundle = dir.resolve("huge-layer.tar.gz");
    String id = "d".repeat(64);
    long lines = 12_000_000;
    long bytes = 0;
    for (long i = 0; i < lines; i++) {
      bytes += ("f 644 0 0 0 1\t" + Long.toString(i, 36) + "\t\n").length();
    }
    try (HostileBundles b = withRealNode(HostileBundles.tarGz(bundle))) {
      b.file("rootfs/containers.tsv", "containerd\t" + id + "\trunning\t/u\t-\thuge\t-\n");
      b.file("rootfs/layers/huge.txt", bytes, new InputStream() {
        private long i;
        private byte[] line = new byte[0];
        private int pos;

        @Override
        public int read() {
          if (pos == line.length) {
            if (i == lines) {
              return -1;
            }
            line = ("f 644 0 0 0 1\t" + Long.toString(i++, 36) + "\t\n").getBytes(StandardCharsets.US_ASCII);
            pos = 0;
          }
          return line[pos++];
        }
      });
      b.file("after.txt", "still here\n");
    }
    Analysis a = assertTimeoutPreemptively(Duration.ofSeconds(120),
        () -> new Analyzer(Limits.defaults()).analyze(bundle));
    assertThat(a.node().sources()).extracting(s -> s.entry()).contains("after.txt", "rootfs/layers/huge.txt");
    // The budget is a third of the heap: this holds in the 256 MB run these tests are made for.
    if (Runtime.getRuntime().maxMemory() / 3 < lines * 12) {
      assertThat(a.node().warnings()).anyMatch(w -> w.startsWith("rootfs/layers/huge.txt: not merged: it lists "
          + "more entries than the memory budget"));
    } else {
      assertThat(a.node().warnings()).noneMatch(w -> w.contains("not merged"));
    }
  }

  @Test
  void entryOverASmallCap_isCut_andTheNextEntryIsRead() throws Exception {
    Path bundle = dir.resolve("cap.tar.gz");
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      b.zeros("big.txt", 64L << 20).file("after.txt", "still here\n");
    }
    Analysis a = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> new Analyzer(new Limits(1 << 20, 1L << 30, 100, 1 << 16)).analyze(bundle));
    assertThat(a.node().warnings()).contains("big.txt declares 67108864 bytes, over the limit of 1048576 for one "
        + "entry: not read");
    assertThat(a.node().sources()).extracting(s -> s.entry()).contains("after.txt");
  }

  @Test
  void totalInflatedBytesOverTheCap_stopsWithAMessage() throws Exception {
    Path bundle = dir.resolve("total.tar.gz");
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      for (int i = 0; i < 20; i++) {
        b.zeros("part-" + i + ".txt", 1L << 20);
      }
    }
    Analysis a = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> new Analyzer(new Limits(2L << 20, 5L << 20, 1000, 1 << 16)).analyze(bundle));
    assertThat(a.node().warnings()).anyMatch(w -> w.startsWith("stopped after ") && w.endsWith(
        " bytes, the limit for one bundle"));
    assertThat(a.node().sources()).extracting(s -> s.entry()).doesNotContain("part-19.txt");
  }

  @Test
  void entryCountOverTheDefaultCap_stopsWithAMessage() throws Exception {
    Path bundle = dir.resolve("many.tar.gz");
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      b.file("ps-faxno.txt", Files.readAllBytes(Samples.udon().resolve("ps-faxno.txt")));
      // Directory entries: each counts, none adds a row to the report.
      for (int i = 0; i < Limits.defaults().maxEntries() + 10; i++) {
        b.directory("d" + i);
      }
    }
    Reports.Run r = Reports.analyzeOnce(bundle, out());
    Reports.assertInert(r);
    assertThat(r.warnings()).contains("stopped after " + Limits.defaults().maxEntries() + " entries");
  }

  @Test
  void entryCountOverASmallCap_inAFolder_stopsWithAMessage() throws Exception {
    Path bundle = Files.createDirectory(dir.resolve("folder"));
    for (int i = 0; i < 50; i++) {
      Files.writeString(bundle.resolve("f" + i + ".txt"), "line\n");
    }
    Analysis a = new Analyzer(new Limits(1 << 20, 1L << 30, 10, 1 << 16)).analyze(bundle);
    assertThat(a.node().warnings()).contains("stopped after 10 entries");
  }

  @Test
  void lineOfTenMegabytes_isCutWithAMessage() throws Exception {
    Path bundle = dir.resolve("longline.tar.gz");
    String line = "<script>alert(1)</script>".repeat((10 << 20) / 25);
    try (HostileBundles b = withRealNode(HostileBundles.tarGz(bundle))) {
      b.file("notes.txt", "before\n" + line + "\nafter\n");
    }
    Reports.Run r = Reports.analyze(bundle, out());
    Reports.assertInert(r);
    assertThat(r.warnings()).contains("notes.txt: 1 lines longer than " + (1 << 20) + " characters were cut");
    for (String o : r.outputs()) {
      assertThat(o.length()).as("an output holds the long line whole").isLessThan(4 << 20);
    }
  }

  /** {@code ps -eo pid,ppid,user,stat,args}: 20,000 processes, each the child of the one before. */
  @Test
  void psPpidChainOfTwentyThousandLevels_doesNotOverflowTheStack() throws Exception {
    StringBuilder ps = new StringBuilder("    PID    PPID USER     STAT COMMAND\n");
    ps.append(String.format("%7d %7d %-8s %-4s %s%n", 1, 0, "root", "Ss", "/sbin/init"));
    for (int pid = 2; pid <= 20_001; pid++) {
      ps.append(String.format("%7d %7d %-8s %-4s %s%n", pid, pid - 1, "root", "S", "/bin/sh -c level-" + pid));
    }
    Path bundle = dir.resolve("chain.tar.gz");
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      b.file("ps.txt", ps.toString());
    }
    Reports.Run r = Reports.analyze(bundle, out());
    Reports.assertInert(r);
    assertThat(r.model().path("node").path("processes").asInt()).isEqualTo(20_001);
  }

  /** {@code ps faxno user,stat,cmd} art 2,000 levels deep: each level indents four more characters. */
  @Test
  void psForestArtOfTwoThousandLevels_doesNotOverflowTheStack() throws Exception {
    StringBuilder ps = new StringBuilder("    USER STAT CMD\n       0 Ss   /sbin/init\n");
    for (int depth = 1; depth <= 2_000; depth++) {
      ps.append("       0 S    ").append("    ".repeat(depth - 1)).append(" \\_ /bin/sh -c level-").append(depth)
          .append('\n');
    }
    Path bundle = dir.resolve("forest.tar.gz");
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      b.file("ps-faxno.txt", ps.toString());
    }
    Reports.Run r = Reports.analyze(bundle, out());
    Reports.assertInert(r);
    assertThat(r.model().path("node").path("processes").asInt()).isEqualTo(2_001);
  }

  @Test
  void truncatedTarGz_givesAPartialReport_withAWarningNamingTheEntry() throws Exception {
    Path whole = dir.resolve("whole.tar.gz");
    try (HostileBundles b = withRealNode(HostileBundles.tarGz(whole))) {
      b.file("middle.txt", HostileBundles.randomText(1, 400_000)).file("last.txt", "never reached\n");
    }
    Path cut = HostileBundles.truncated(whole, dir.resolve("cut.tar.gz"), Files.size(whole) * 3 / 4);
    Files.delete(whole);
    Reports.Run r = Reports.analyze(cut, out());

    Reports.assertInert(r);
    assertThat(r.warnings()).anyMatch(w -> w.startsWith("archive broken in entry middle.txt: "));
    assertThat(sourceEntries(r)).contains("ps-faxno.txt", "docker-ps.txt").doesNotContain("last.txt");
    assertThat(r.model().path("node").path("processes").asInt()).isPositive();
  }

  @Test
  void corruptTarXz_givesAPartialReport_withAWarningNamingTheEntry() throws Exception {
    Path whole = dir.resolve("whole.tar.xz");
    try (HostileBundles b = withRealNode(HostileBundles.tarXz(whole))) {
      b.file("middle.txt", HostileBundles.randomText(2, 400_000)).file("last.txt", "after the damage\n");
    }
    int at = (int) (Files.size(whole) * 3 / 4);
    Path bad = HostileBundles.corrupted(whole, dir.resolve("bad.tar.xz"), at, 16);
    Files.delete(whole);
    Reports.Run r = Reports.analyze(bad, out());

    Reports.assertInert(r);
    assertThat(r.warnings()).as("warnings").anyMatch(w -> w.startsWith("archive broken in entry middle.txt: "));
    assertThat(sourceEntries(r)).contains("ps-faxno.txt", "docker-ps.txt");
  }

  @Test
  void corruptGzipHeader_isUnreadable_exit1WithOneLine() throws Exception {
    Path whole = dir.resolve("whole.tar.gz");
    try (HostileBundles b = withRealNode(HostileBundles.tarGz(whole))) {
      b.file("x.txt", "x\n");
    }
    // Keep the magic; break the compression method and flags.
    Path bad = HostileBundles.corrupted(whole, dir.resolve("bad.tar.gz"), 2, 2);
    String[] run = assertTimeoutPreemptively(Reports.TIME_BOUND,
        () -> Reports.execute("analyze", bad.toString(), "--output", out().toString()));
    assertThat(run[0]).isEqualTo("1");
    assertThat(run[2]).startsWith("podmortem: cannot read bad.tar.gz: ").doesNotContain("\tat ")
        .hasLineCount(1);
  }

  /** Bytes that are not UTF-8: a lone 0xff 0xfe, a cut two-byte sequence, an encoded surrogate. */
  private static final byte[] BAD = {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, '(', (byte) 0xed, (byte) 0xa0,
      (byte) 0x80};

  @Test
  void nonUtf8BytesInContent_showAsReplacementCharacters() throws Exception {
    Path bundle = dir.resolve("bytes.tar.gz");
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    // The bad STAT 'Q' makes the parser quote the line in an issue, so the decoded bytes reach every report.
    content.writeBytes("    USER STAT CMD\n       0 Ss   /sbin/init\n       0 Q     \\_ /bin/ba".getBytes(
        StandardCharsets.US_ASCII));
    content.writeBytes(BAD);
    content.writeBytes("sh --x\n".getBytes(StandardCharsets.US_ASCII));
    try (HostileBundles b = HostileBundles.tarGz(bundle)) {
      b.file("ps.txt", content.toByteArray());
    }
    Reports.Run r = Reports.analyze(bundle, out());

    Reports.assertInert(r);
    // Java's decoder gives one U+FFFD for each bad byte and one for the whole encoded surrogate.
    assertThat(r.model().path("sources").toString()).contains("/bin/ba\ufffd\ufffd\ufffd(\ufffdsh --x");
    assertThat(r.md()).contains("/bin/ba\ufffd\ufffd\ufffd(\ufffdsh --x");
  }

  @Test
  void nonUtf8BytesInAnEntryName_showAsReplacementCharacters() throws Exception {
    Path bundle = dir.resolve("names.tar.gz");
    try (HostileBundles b = HostileBundles.tarGzLatin1Names(bundle)) {
      // Written as ISO-8859-1, so the name's bytes are "ps-" 0xff 0xfe ".txt": not UTF-8.
      b.file("ps-\u00ff\u00fe.txt", "    USER STAT CMD\n       0 Ss   /sbin/init\n");
    }
    Reports.Run r = Reports.analyze(bundle, out());

    Reports.assertInert(r);
    assertThat(sourceEntries(r)).containsExactly("ps-\ufffd\ufffd.txt");
  }

  @Test
  void nestedTarGz_isReported_notOpened() throws Exception {
    Path inner = dir.resolve("inner.tar.gz");
    try (HostileBundles b = HostileBundles.tarGz(inner)) {
      b.zeros("inner-bomb.txt", 256L << 20).file("inner-ps.txt", "    USER STAT CMD\n       0 Ss   /evil\n");
    }
    Path bundle = dir.resolve("outer.tar.gz");
    try (HostileBundles b = withRealNode(HostileBundles.tarGz(bundle))) {
      b.file("nested/inner.tar.gz", Files.readAllBytes(inner));
    }
    Files.delete(inner);
    Reports.Run r = Reports.analyze(bundle, out());

    Reports.assertInert(r);
    assertThat(sourceEntries(r)).contains("nested/inner.tar.gz").doesNotContain("inner-bomb.txt", "inner-ps.txt");
    assertThat(r.everything()).doesNotContain("/evil");
  }

  @Test
  void gzipOfAGzip_isNotInflatedTwice() throws Exception {
    // A .tar.gz whose content is another gzip stream: the reader must not loop through layers.
    Path inner = dir.resolve("inner.tar.gz");
    try (HostileBundles b = withRealNode(HostileBundles.tarGz(inner))) {
      b.file("x.txt", "x\n");
    }
    Path bundle = dir.resolve("double.tar.gz");
    try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(Files.newOutputStream(bundle))) {
      gz.write(Files.readAllBytes(inner));
    }
    String[] run = assertTimeoutPreemptively(Reports.TIME_BOUND,
        () -> Reports.execute("analyze", bundle.toString(), "--format", "json", "--output", "-"));
    assertThat(run[0]).as("stderr: %s", run[2]).isIn("0", "1");
    Reports.assertTerminalInert(run[2]);
  }

  /** A manifest is JSON from the node: every field may be missing or null, and every list may hold nulls. */
  @Test
  void manifestWithNullFields_givesAReport() throws Exception {
    assertManifestsGiveReports(
        "{\"collector\":\"podmortem-collect\",\"commands\":null,\"warnings\":null,\"user\":null}",
        "{\"collector\":\"podmortem-collect\",\"commands\":[null,{}],\"user\":{}}");
  }

  @Test
  void manifestWithNullInsideArgvOrWarnings_givesAReport() throws Exception {
    assertManifestsGiveReports(
        "{\"collector\":\"podmortem-collect\",\"commands\":[{\"name\":\"x\",\"argv\":[null]}]}",
        "{\"collector\":\"podmortem-collect\",\"warnings\":[null]}");
  }

  private void assertManifestsGiveReports(String... manifests) throws Exception {
    for (String manifest : manifests) {
      Path bundle = dir.resolve("manifest-" + Integer.toHexString(manifest.hashCode()) + ".tar.gz");
      try (HostileBundles b = withRealNode(HostileBundles.tarGz(bundle))) {
        b.file("manifest.json", manifest);
      }
      Reports.Run r = Reports.analyze(bundle, out());
      assertThat(r.exitCode()).as("%s; stderr: %s", manifest, r.stderr()).isZero();
      Reports.assertInert(r);
    }
  }

  /** Found by ParserPropertiesTest: FindListingParser's PATH regex recurses once per character. */
  @Test
  void longLineUnderAFindPrompt_doesNotOverflowTheStack() throws Exception {
    Path bundle = Files.createDirectory(dir.resolve("transcript"));
    Files.writeString(bundle.resolve("console.txt"), String.join("\n", "root@node:~# find / -mindepth 1", "/etc",
        "a ".repeat(2_500), "/etc/passwd", "root@node:~# ", ""));
    Reports.Run r = Reports.analyze(bundle, out());
    Reports.assertInert(r);
  }
}
