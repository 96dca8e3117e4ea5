package io.podmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.Samples;
import io.podmortem.bundle.Limits;
import io.podmortem.explain.Analysis;
import io.podmortem.model.SourceInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Odd file names, unknown files and malformed lines: nothing crashes, everything is listed. */
class BadInputTest {
  private static Analysis analyze(Path bundle) {
    return new Analyzer(Limits.defaults()).analyze(bundle);
  }

  @Test
  void udonUnderMeaninglessNames_givesTheSameNode(@TempDir Path dir) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(Samples.udon())) {
      files = s.sorted().toList();
    }
    for (int i = 0; i < files.size(); i++) {
      Files.copy(files.get(i), dir.resolve("capture-" + (files.size() - i) + ".log"));
    }
    Analysis original = analyze(Samples.udon());
    Analysis renamed = analyze(dir);
    assertThat(renamed.node().containers()).hasSameSizeAs(original.node().containers());
    assertThat(renamed.node().pods()).extracting(p -> p.key() + " " + p.qosClass() + " " + p.uid())
        .containsExactlyElementsOf(original.node().pods().stream()
            .map(p -> p.key() + " " + p.qosClass() + " " + p.uid()).toList());
    assertThat(renamed.node().processes()).hasSameSizeAs(original.node().processes());
    assertThat(renamed.findings()).hasSameSizeAs(original.findings());
  }

  @Test
  void unknownFilesAndMalformedLines_areListedWithTheirPlace(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "the node was slow on Tuesday\nthen it rebooted\n");
    Files.writeString(dir.resolve("ps.txt"), String.join("\n",
        "    USER STAT CMD",
        "       0 Ss   /sbin/init",
        "       0 Q    /bin/x",
        "       0 S     \\_ /bin/y",
        ""));
    Files.write(dir.resolve("binary.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
    Analysis a = analyze(dir);
    List<SourceInfo> sources = a.node().sources();
    assertThat(sources).extracting(SourceInfo::entry, SourceInfo::format)
        .contains(org.assertj.core.groups.Tuple.tuple("notes.txt", "unknown"),
            org.assertj.core.groups.Tuple.tuple("ps.txt", "ps"));
    SourceInfo ps = sources.stream().filter(s -> s.entry().equals("ps.txt")).findFirst().orElseThrow();
    assertThat(ps.issues()).hasSize(1);
    assertThat(ps.issues().get(0).toString()).startsWith("ps.txt:3:").contains("'Q'");
    assertThat(a.node().processes()).hasSize(2);
    assertThat(a.node().missing()).contains(
        "no docker ps table or crictl listing: container names, images and attempts are unknown");
  }
}
