package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listings that {@code ls -R} and {@code tar -t} print, from the real tools (GNU coreutils and GNU tar, as on
 * every Debian machine) run over a tree made here, whose entries are known: what the parser counts must be what
 * the tree holds, as {@code find -mindepth 1} would count it.
 */
class TreeListingParserTest {
  @TempDir
  Path dir;

  private Path tree;
  private long expected;

  @BeforeEach
  void makeTree() throws IOException {
    tree = Files.createDirectories(dir.resolve("merged"));
    Files.createDirectories(tree.resolve("usr/lib/os"));
    Files.createDirectories(tree.resolve("etc/ssl/certs"));
    Files.writeString(tree.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    Files.writeString(tree.resolve("etc/my file.conf"), "x\n");
    Files.writeString(tree.resolve(".dockerenv"), "");
    Files.writeString(tree.resolve("usr/lib/os-release"), "ID=debian\n");
    Files.createSymbolicLink(tree.resolve("etc/os-release"), Path.of("../usr/lib/os-release"));
    // More than the 200 lines a transcript holds before it counts a listing as it passes.
    for (int i = 0; i < 300; i++) {
      Files.writeString(tree.resolve("usr/lib/os/lib" + i + ".so"), "");
    }
    try (Stream<Path> s = Files.walk(tree)) {
      expected = s.count() - 1;
    }
  }

  private List<String> run(String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).directory(tree.toFile()).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (var r = p.inputReader(StandardCharsets.UTF_8)) {
      r.lines().forEach(lines::add);
    }
    assertThat(p.waitFor()).as(String.join(" ", argv) + ": " + lines).isZero();
    return lines;
  }

  private FileListing parse(String command, List<String> lines) {
    TextBlock t = new TextBlock("session.txt", 10, lines, command);
    assertThat(TreeListingParser.looksLike(t)).as(command).isTrue();
    assertThat(Sniffer.hint(command)).isEqualTo(Format.TREE_LISTING);
    ParseIssues issues = ParseIssues.bounded(10);
    FileListing l = TreeListingParser.parse(t, issues);
    assertThat(issues.list()).isEmpty();
    return l;
  }

  @Test
  void lsLaR_countsEveryEntryOnce_notDotOrDotDot() throws Exception {
    FileListing l = parse("ls -laR", run("ls", "-laR"));
    assertThat(l.entries()).isEqualTo(expected);
    assertThat(l.sample()).contains(".dockerenv", "my file.conf", "os-release").doesNotContain(".", "..");
    assertThat(l.first().line()).isEqualTo(10);
  }

  @Test
  void lsAR_inColumns_asATerminalShowsThem() throws Exception {
    FileListing l = parse("ls -AR", run("ls", "-AR", "-C", "-w", "80", "--quoting-style=shell-escape"));
    assertThat(l.entries()).isEqualTo(expected);
    assertThat(l.sample()).contains("my file.conf");
  }

  @Test
  void tarTv_andTarT_countTheArchivesEntries_notItsRoot() throws Exception {
    Path tar = dir.resolve("export.tar");
    run("tar", "-cf", tar.toString(), ".");
    assertThat(parse("tar -tvf export.tar", run("tar", "-tvf", tar.toString())).entries()).isEqualTo(expected);
    FileListing names = parse("docker export 96fc2dbb2dce | tar -t", run("tar", "-tf", tar.toString()));
    assertThat(names.entries()).isEqualTo(expected);
    assertThat(names.sample()).contains("./etc/my file.conf");
  }

  /** In a transcript: ls -laR in a container's merged dir, and docker export piped to tar -tv, count its files. */
  @Test
  void inATranscript_theListingOfAContainersRoot_givesItsEntryCount() throws Exception {
    List<String> session = new ArrayList<>();
    session.add("root@node:~# docker inspect --format='{{.GraphDriver.Data.MergedDir}}' 96fc2dbb2dce");
    session.add(tree.toString());
    session.add("root@node:~# cd " + tree);
    session.add("root@node:" + tree + "# ls -laR");
    session.addAll(run("ls", "-laR"));
    Path tar = dir.resolve("export.tar");
    run("tar", "-cf", tar.toString(), ".");
    session.add("root@node:~# docker export 5a2d76012476 | tar -tv");
    session.addAll(run("tar", "-tvf", tar.toString()));
    session.add("root@node:" + tree + "# ls -R");
    session.addAll(run("ls", "-R"));

    SourceReader reader = new SourceReader(1 << 20);
    byte[] bytes = (String.join("\n", session) + "\n").getBytes(StandardCharsets.UTF_8);
    reader.entry(new io.podmortem.bundle.BundleEntry("session.txt", io.podmortem.bundle.EntryKind.FILE, bytes.length,
        null), new java.io.ByteArrayInputStream(bytes));
    List<String> facts = reader.observations().rootfs().stream()
        .filter(f -> f.fact().equals("entries")).map(f -> f.container() + "=" + f.value()).toList();

    // ls -R without -a leaves out dot files: no count from it.
    assertThat(facts).containsExactly("96fc2dbb2dce=" + expected, "5a2d76012476=" + expected);
    assertThat(reader.observations().sources()).filteredOn(s -> s.reason().contains("summarised as they passed"))
        .extracting(s -> s.command()).containsExactly("ls -laR", "docker export 5a2d76012476 | tar -tv", "ls -R");
  }

  @Test
  void otherCommands_areNotTreeListings() {
    assertThat(TreeListingParser.kind("ls -la")).isNull();
    assertThat(TreeListingParser.kind("tar -czf x.tgz .")).isNull();
    assertThat(TreeListingParser.kind("find . -type f")).isNull();
    assertThat(TreeListingParser.kind("sudo ls --recursive /var/lib")).isEqualTo(TreeListingParser.Kind.LS);
    assertThat(TreeListingParser.kind("tar tvf x.tar")).isEqualTo(TreeListingParser.Kind.TAR);
  }
}
