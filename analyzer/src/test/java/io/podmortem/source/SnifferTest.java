package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The sniffer says why it took a block for what it is, and leaves alone what podmortem does not read. */
class SnifferTest {
  private final Sniffer sniffer = new Sniffer();

  /** This machine's own kernel symbol table: its hex first column must not pass for a PID column. */
  @Test
  void kernelSymbolTable_isRecognisedAndNotRead() throws IOException {
    Path kallsyms = Path.of("/proc/kallsyms");
    assumeTrue(Files.isReadable(kallsyms), "no /proc/kallsyms");
    List<String> head;
    try (Stream<String> lines = Files.lines(kallsyms)) {
      head = lines.limit(300).toList();
    }
    Recognition r = sniffer.recognise(TextBlock.of("proc/kallsyms", head), true);

    assertThat(r.format()).isEqualTo(Format.UNKNOWN);
    assertThat(r.reason()).isEqualTo("a kernel symbol table (/proc/kallsyms): not read (200 of its first 200 lines "
        + "have that shape)");
  }

  /** Lines as sos 4.0 copied them from a Debian 12 node's dmesg (FORMATS.md §13). */
  @Test
  void dmesg_isRecognisedAndNotRead() {
    Recognition r = sniffer.recognise(TextBlock.of("sos_commands/kernel/dmesg", List.of(
        "[    0.000000] Linux version 6.1.0-27-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) "
            + "12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01)",
        "[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-27-amd64 root=/dev/sda1 ro quiet",
        "[    0.000000] BIOS-provided physical RAM map:")), true);

    assertThat(r.format()).isEqualTo(Format.UNKNOWN);
    assertThat(r.reason()).startsWith("the kernel's ring buffer (dmesg): not read");
  }

  @Test
  void psTable_saysWhichHeaderItMatched() {
    Recognition r = sniffer.recognise(TextBlock.of("ps.txt", List.of(
        "    PID    PPID USER     GROUP        LWP NLWP START COMMAND         CGROUP",
        "      1       0 root     root           1    1 04:21 systemd         0::/init.scope")), true);

    assertThat(r.format()).isEqualTo(Format.PS_FOREST);
    assertThat(r.reason()).isEqualTo("its first line is a ps header ('PID    PPID USER     GROUP        LWP NLWP "
        + "START COMMAND         CGROUP')");
  }

  @Test
  void aHintedCommand_isNamedInTheReason() {
    Recognition r = sniffer.recognise(new TextBlock("t.txt", 2, List.of("12"), "find . | wc -l"), false);

    assertThat(r.format()).isEqualTo(Format.COUNT);
    assertThat(r.reason()).isEqualTo("the command 'find . | wc -l' prints it, and the content agrees: a single count");
  }
}
