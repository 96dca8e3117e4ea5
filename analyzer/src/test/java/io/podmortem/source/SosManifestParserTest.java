package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.CollectedCommand;
import io.podmortem.model.Collection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A real sos 4.0 manifest (Debian's sosreport package; see SOURCE-FIXTURES.md) read as the collection. */
class SosManifestParserTest {
  private static final Path MANIFEST = Path.of("src/test/resources/sos/debian-4.0/sos_reports/manifest.json");
  private static final String PREFIX = "sosreport-vm-2026-12-02-oyvxdns/";

  private static TextBlock manifest() throws Exception {
    return TextBlock.of(PREFIX + "sos_reports/manifest.json", Files.readAllLines(MANIFEST, StandardCharsets.UTF_8));
  }

  @Test
  void theRealManifest_isRecognised_andGivesEveryCommandWithItsFile() throws Exception {
    TextBlock t = manifest();
    assertThat(new Sniffer().recognise(t, true).format()).isEqualTo(Format.SOS_MANIFEST);
    ParseIssues issues = ParseIssues.bounded(10);
    Collection c = SosManifestParser.parse(t, issues);
    assertThat(issues.list()).isEmpty();
    assertThat(c.collector()).isEqualTo("sos");
    assertThat(c.version()).isEqualTo("4.0");
    assertThat(c.startedAt()).isEqualTo("2026-12-02 04:22:00.705066");
    assertThat(c.commands()).extracting(CollectedCommand::commandLine).contains("ps alxwww", "ps -elfL",
        "ps axo pid,ppid,user,group,lwp,nlwp,start_time,comm,cgroup", "systemd-cgls", "docker ps -a");
    CollectedCommand alx = c.commands().stream().filter(k -> k.commandLine().equals("ps alxwww")).findFirst()
        .orElseThrow();
    assertThat(alx.status()).isEqualTo("ok");
    assertThat(alx.exitCode()).isZero();
    assertThat(alx.output()).isEqualTo(PREFIX + "sos_commands/process/ps_alxwww");
    assertThat(alx.durationMs()).isBetween(1L, 1000L);
    // iotop is not installed on the machine sos ran on: exit code 127, a skip as the collector's manifest has it,
    // not a gap.
    assertThat(c.commands()).filteredOn(k -> k.commandLine().startsWith("iotop")).singleElement()
        .satisfies(k -> assertThat(k.status()).isEqualTo("skipped")).satisfies(k -> assertThat(k.exitCode())
            .isEqualTo(127));
  }

  /** The report's coverage says what a sosreport cannot hold, and what no runtime command rules out. */
  @Test
  void theCoverage_saysWhatASosreportCannotHold() throws Exception {
    SourceReader reader = new SourceReader(1 << 20);
    reader.read(manifest());
    java.util.List<String> missing = new io.podmortem.assemble.NodeAssembler().assemble(reader.observations())
        .missing();
    assertThat(missing).anyMatch(m -> m.startsWith("a sosreport holds no root filesystem listing"));
    // This sos run listed docker's commands through sos_extras.
    assertThat(missing).noneMatch(m -> m.startsWith("sos ran no container runtime's command"));
    // It ran -o process,cgroups,sos_extras: what the plugins it left out would have given is missing.
    assertThat(missing).filteredOn(m -> m.startsWith("sos ran without its ")).extracting(m -> m.split(" ")[4])
        .containsExactly("filesys", "host", "date");

    String withoutExtras = String.join("\n", manifest().lines()).replace("\"docker ", "\"dockr ");
    SourceReader bare = new SourceReader(1 << 20);
    bare.read(TextBlock.of(PREFIX + "sos_reports/manifest.json", java.util.List.of(withoutExtras.split("\n"))));
    assertThat(new io.podmortem.assemble.NodeAssembler().assemble(bare.observations()).missing())
        .anyMatch(m -> m.startsWith("sos ran no container runtime's command"));
  }

  @Test
  void aCollectorManifest_isNotASosOne() throws Exception {
    TextBlock collector = TextBlock.of("manifest.json", Files.readAllLines(
        Path.of("../samples/containerd-cgv2/manifest.json"), StandardCharsets.UTF_8));
    assertThat(SosManifestParser.looksLike(collector)).isFalse();
    assertThat(new Sniffer().recognise(collector, true).format()).isEqualTo(Format.MANIFEST);
  }
}
