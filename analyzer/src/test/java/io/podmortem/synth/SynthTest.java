package io.podmortem.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.ChainOrderCheck;
import io.podmortem.bundle.Limits;
import io.podmortem.cli.PodmortemCommand;
import io.podmortem.explain.Analysis;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Role;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator at a small scale: the same seed gives the same bytes, and the analyzer reads what it writes. */
class SynthTest {
  private static final double SCALE = 0.02;

  @TempDir
  Path tmp;

  private static String sha(Path p) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
  }

  @Test
  void sameSeed_sameBytes_otherSeed_otherBytes() throws Exception {
    Path a = tmp.resolve("a.tar.gz");
    Path b = tmp.resolve("b.tar.gz");
    Path c = tmp.resolve("c.tar.gz");
    Synth.generate(7, SCALE, a);
    Synth.generate(7, SCALE, b);
    Synth.generate(8, SCALE, c);
    assertThat(sha(a)).isEqualTo(sha(b)).isNotEqualTo(sha(c));
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.tar.gz", "b.tar.gz",
          "c.tar.gz");
    }
  }

  @Test
  void manifestIsFirst() throws Exception {
    Path a = tmp.resolve("a.tar.gz");
    Synth.generate(3, SCALE, a);
    try (InputStream in = Files.newInputStream(a);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      assertThat(tar.getNextEntry().getName()).isEqualTo("manifest.json");
    }
  }

  @Test
  void entriesComeInChainOrder() throws Exception {
    Path a = tmp.resolve("a.tar.gz");
    Synth.Result r = Synth.generate(3, SCALE, a);
    // Every running container and sandbox has listings to check.
    assertThat(ChainOrderCheck.assertChainOrder(a)).isGreaterThanOrEqualTo(r.pods());
  }

  @Test
  void analyzerReadsIt_everyContainerPlaced_noIntegrityProblem() throws Exception {
    Path a = tmp.resolve("a.tar.gz");
    Synth.Result r = Synth.generate(11, SCALE, a);
    assertThat(r.pods()).isEqualTo(2);
    assertThat(r.containers()).isEqualTo(5);
    Analysis an = new io.podmortem.cli.Analyzer(Limits.defaults()).analyze(a);
    assertThat(an.node().collection().integrity()).isEmpty();
    assertThat(an.findings()).extracting(Finding::id).doesNotContain("bundle-integrity", "collection-gap");
    assertThat(an.findings()).extracting(Finding::id).contains("drift");
    assertThat(an.node().pods()).hasSize(r.pods());
    assertThat(an.node().containers()).filteredOn(c -> c.role() == Role.SANDBOX).hasSize(r.pods());
    assertThat(an.node().containers()).filteredOn(c -> c.role() != Role.SANDBOX).hasSize(r.containers());
    for (Container c : an.node().containers()) {
      assertThat(c.pod()).as(c.id()).isNotNull();
      if (c.state() != null && c.state().running()) {
        assertThat(c.rootfs().entries()).as(c.id()).isPositive();
        assertThat(an.node().processesOf(c)).as(c.id()).isNotEmpty();
      }
    }
  }

  @Test
  void cli_writesTheBundle_andAnalyzeExitsZero() throws Exception {
    Path a = tmp.resolve("cli.tar.gz");
    int rc = PodmortemCommand.commandLine().execute("synth", "--seed", "5", "--scale", "0.01", "-o", a.toString());
    assertThat(rc).isZero();
    assertThat(a).isNotEmptyFile();
    int rc2 = PodmortemCommand.commandLine().execute("analyze", a.toString(), "--format", "json", "--output",
        tmp.resolve("out").toString(), "-q");
    assertThat(rc2).isZero();
  }
}
