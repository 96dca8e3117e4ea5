package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.podmortem.model.ParseIssue;
import io.podmortem.model.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileDescriptionParserTest {
  private final ParseIssues issues = ParseIssues.bounded(100);

  @Test
  void parse_udonPause_isAStaticElf() {
    String e = "file/udon-file-pause.txt";
    List<FileDescription> files = FileDescriptionParser.parse(Fixtures.load(e), issues);

    assertThat(files).containsExactly(new FileDescription(new SourceRef(e, 1), "pause",
        "ELF 64-bit LSB executable, x86-64, version 1 (GNU/Linux), statically linked, for GNU/Linux 3.2.0, "
            + "BuildID[sha1]=d35dab7152881e37373d819f6864cd43c0124a65, stripped", true, true));
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void parse_pathHoldingColonSpace_splitsBeforeTheKnownDescription() {
    TextBlock t = Fixtures.of("f.txt", "odd: name: ELF 64-bit LSB executable, x86-64, dynamically linked");

    List<FileDescription> files = FileDescriptionParser.parse(t, issues);

    assertThat(files).extracting(FileDescription::path, FileDescription::elf, FileDescription::staticallyLinked)
        .containsExactly(tuple("odd: name", true, false));
  }

  @Test
  void parse_alignedSeveralFiles_dropsThePadding() {
    TextBlock t = Fixtures.of("f.txt", "pause:      ELF 64-bit LSB executable, statically linked\n"
        + "etc/hosts:  ASCII text\nbin/sh:     symbolic link to busybox\nsbin/x:     setuid ELF 64-bit LSB pie");

    List<FileDescription> files = FileDescriptionParser.parse(t, issues);

    assertThat(files).extracting(FileDescription::path, FileDescription::description, FileDescription::elf)
        .containsExactly(
            tuple("pause", "ELF 64-bit LSB executable, statically linked", true),
            tuple("etc/hosts", "ASCII text", false),
            tuple("bin/sh", "symbolic link to busybox", false),
            tuple("sbin/x", "setuid ELF 64-bit LSB pie", true));
    assertThat(FileDescriptionParser.looksLike(t)).isTrue();
  }

  @Test
  void parse_lineWithoutSeparator_recordsIssueWithLineNumber() {
    TextBlock t = Fixtures.of("f.txt", "pause: ELF 64-bit\nno separator here\n");

    List<FileDescription> files = FileDescriptionParser.parse(t, issues);

    assertThat(files).hasSize(1);
    assertThat(issues.list()).containsExactly(
        new ParseIssue("f.txt", 2, 1, "expected 'path: description', got 'no separator here'"));
  }

  @Test
  void looksLike_acceptsFileFixturesOnly() {
    for (TextBlock t : Fixtures.all()) {
      assertThat(FileDescriptionParser.looksLike(t)).as(t.entry()).isEqualTo(t.entry().startsWith("file/"));
    }
  }

}
