package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the real {@code pstree} (psmisc, which {@code .ci/run} installs) over a process tree this test starts, in
 * ASCII as sos runs it and with {@code -U}'s box characters, and over the whole machine, where every parent must be
 * the one {@code /proc/<pid>/stat} names.
 */
class PstreeParserTest {
  private Process tree;

  @BeforeEach
  void startATree() throws IOException {
    // sh with two children, one of which has a child of its own.
    tree = new ProcessBuilder("sh", "-c", "sleep 301 & sh -c 'sleep 302; :' & wait").start();
  }

  @AfterEach
  void stopIt() {
    tree.descendants().forEach(ProcessHandle::destroyForcibly);
    tree.destroyForcibly();
  }

  private static TextBlock pstree(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("pstree"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("pstree %s: %s", args, out).isZero();
    return new TextBlock("sos_commands/process/pstree_-lp", 1, List.of(out.split("\n", -1)),
        "pstree " + String.join(" ", args));
  }

  private void waitForTheTree() throws InterruptedException {
    for (int i = 0; i < 100 && tree.descendants().count() < 3; i++) {
      Thread.sleep(50);
    }
    assertThat(tree.descendants().count()).as("the test's processes below its sh").isEqualTo(3);
  }

  @Test
  void theTestsTree_eachProcessUnderItsParent_inAsciiAndInBoxCharacters() throws Exception {
    waitForTheTree();
    long root = tree.pid();
    for (String[] args : List.of(new String[] {"-lp", Long.toString(root)},
        new String[] {"-lpU", Long.toString(root)})) {
      TextBlock t = pstree(args);
      assertThat(new Sniffer().sniff(t, true)).as("%s", t.lines()).isEqualTo(Format.PSTREE);
      ParseIssues issues = ParseIssues.bounded(10);
      PsForest f = PstreeParser.parse(t, issues);
      assertThat(issues.list()).isEmpty();
      assertThat(f.rows().get(0).pid()).isEqualTo((int) root);
      assertThat(f.rows().get(0).parent()).isNull();
      for (ProcessHandle h : tree.descendants().toList()) {
        PsRow row = f.rows().stream().filter(r -> r.pid() == h.pid()).findFirst().orElseThrow();
        assertThat(row.ppid()).as("parent of %s in %s", h.pid(), t.lines())
            .isEqualTo(h.parent().map(ProcessHandle::pid).map(Long::intValue).orElse(null));
        assertThat(row.command()).isIn("sh", "sleep");
      }
    }
  }

  @Test
  void theWholeMachine_everyParentIsTheOneProcNames() throws Exception {
    TextBlock t = pstree("-lp");
    ParseIssues issues = ParseIssues.bounded(10);
    PsForest f = PstreeParser.parse(t, issues);
    assertThat(issues.list()).isEmpty();
    int checked = 0;
    for (PsRow r : f.rows()) {
      Path stat = Path.of("/proc", Integer.toString(r.pid()), "stat");
      String text;
      try {
        text = Files.readString(stat);
      } catch (IOException gone) {
        continue;
      }
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so the fields start after the last ')'.
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      int ppid = Integer.parseInt(fields[1]);
      if (r.ppid() != null) {
        assertThat(r.ppid()).as("parent of %s", r.pid()).isEqualTo(ppid);
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(3);
  }
}
