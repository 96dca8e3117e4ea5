package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.podmortem.model.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptParserTest {
  private static final String ROOTFS = "transcript/udon-rootfs-transcript.txt";
  private final ParseIssues issues = ParseIssues.bounded(100);

  @Test
  void parse_udonRootfs_splitsNineCommandsInOrder() {
    Transcript tr = TranscriptParser.parse(Fixtures.load(ROOTFS), issues);

    assertThat(tr.preamble().lines()).isEmpty();
    assertThat(tr.segments()).extracting(s -> s.ref().line(), TranscriptSegment::command, s -> s.output().size())
        .containsExactly(
            tuple(1, "docker inspect --format='{{.GraphDriver.Data.MergedDir}}' 6669168db70d", 1),
            tuple(3, "cd /var/lib/docker/overlay2/5a2d76012476349e6b58eb6a279bac400968cefae8537082ea873b2e791ff3c6"
                + "/merged", 0),
            tuple(4, "find . | sed -e 's;^./;;'", 13),
            tuple(18, "file pause", 1),
            tuple(20, "docker inspect --format='{{.GraphDriver.Data.MergedDir}}' 7cbb177bee18", 1),
            tuple(22, "cd /var/lib/docker/overlay2/09042bc1aff16a9cba43f1a6a68f7786c4748e989a60833ec7417837c4bfaacb"
                + "/merged", 0),
            tuple(23, "find . | wc -l", 1),
            tuple(25, "grep PRETTY etc/os-release", 1),
            tuple(27, "docker exec d5fa78fa31f1 grep PRETTY /etc/os-release", 1));
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void parse_udonRootfs_outputsKeepEntryLineNumbersAndCommand() {
    Transcript tr = TranscriptParser.parse(Fixtures.load(ROOTFS), issues);

    TranscriptSegment wc = tr.segments().get(6);
    assertThat(wc.output()).isEqualTo(new TextBlock(ROOTFS, 24, List.of("3358"), "find . | wc -l"));
    TranscriptSegment exec = tr.segments().get(8);
    assertThat(exec.output().lines()).containsExactly("PRETTY_NAME=\"Alpine Linux v3.13\"");
    assertThat(exec.output().ref(0)).isEqualTo(new SourceRef(ROOTFS, 28));
    TranscriptSegment find = tr.segments().get(2);
    assertThat(find.output().firstLine()).isEqualTo(5);
    assertThat(find.output().lines().get(0)).isEqualTo("pause");
    assertThat(find.output().lines().get(12)).isEqualTo("dev/console");
    assertThat(tr.segments().get(1).output().firstLine()).isEqualTo(4);
  }

  @Test
  void parse_bareHashPrompt_isRootWithoutUserHostOrCwd() {
    TranscriptSegment first = TranscriptParser.parse(Fixtures.load(ROOTFS), issues).segments().get(0);

    assertThat(first.prompt()).isEqualTo("#");
    assertThat(first.root()).isTrue();
    assertThat(first.user()).isNull();
    assertThat(first.host()).isNull();
    assertThat(first.cwd()).isNull();
    assertThat(first.ref()).isEqualTo(new SourceRef(ROOTFS, 1));
  }

  @Test
  void parse_userAtHostPrompt_readsUserHostAndCwd() {
    String entry = "transcript/udon-kubectl-get-pods.txt";
    Transcript tr = TranscriptParser.parse(Fixtures.load(entry), issues);

    assertThat(tr.segments()).hasSize(1);
    TranscriptSegment s = tr.segments().get(0);
    assertThat(s).extracting(TranscriptSegment::prompt, TranscriptSegment::user, TranscriptSegment::host,
        TranscriptSegment::cwd, TranscriptSegment::command)
        .containsExactly("noodles@udon:~$", "noodles", "udon", "~", "kubectl get pods --all-namespaces");
    assertThat(s.root()).isFalse();
    assertThat(s.output().firstLine()).isEqualTo(2);
    assertThat(s.output().size()).isEqualTo(13);
    assertThat(s.output().command()).isEqualTo("kubectl get pods --all-namespaces");
  }

  @Test
  void parse_suseRootPrompt_keepsCommentLinesOfOsReleaseAsOutput() {
    String entry = "transcript/opensuse-serial-console.txt";
    Transcript tr = TranscriptParser.parse(Fixtures.load(entry), issues);

    assertThat(tr.segments()).extracting(s -> s.ref().line(), TranscriptSegment::prompt, TranscriptSegment::host,
        TranscriptSegment::cwd, TranscriptSegment::command, s -> s.output().size())
        .containsExactly(
            tuple(1, "localhost:~ #", "localhost", "~", "uname -a", 1),
            tuple(4, "localhost:~ #", "localhost", "~", "cat /etc/os-release", 16),
            tuple(22, "localhost:~ #", "localhost", "~", "", 0));
    assertThat(tr.segments().get(1).output().lines()).contains("# VERSION=\"20250527\"",
        "# CPE 2.3 format, boo#1217921", "#CPE 2.2 format");
  }

  @Test
  void parse_bracketedRhelPrompt_dropsTheBasenameAsCwd() {
    Transcript tr = TranscriptParser.parse(Fixtures.of("rhel.txt", "[root@master ~]# crictl ps\nCONTAINER\n"
        + "[root@master merged]# ls"), issues);

    assertThat(tr.segments()).extracting(TranscriptSegment::prompt, TranscriptSegment::user, TranscriptSegment::host,
        TranscriptSegment::cwd, TranscriptSegment::command)
        .containsExactly(
            tuple("[root@master ~]#", "root", "master", "~", "crictl ps"),
            tuple("[root@master merged]#", "root", "master", null, "ls"));
    assertThat(tr.segments().get(0).output().lines()).containsExactly("CONTAINER");
  }

  @Test
  void parse_textBeforeFirstPrompt_isThePreamble() {
    Transcript tr = TranscriptParser.parse(Fixtures.of("t.txt", "Last login: today\n$ /usr/bin/crictl pods\nPOD ID"),
        issues);

    assertThat(tr.preamble()).isEqualTo(new TextBlock("t.txt", 1, List.of("Last login: today"), null));
    assertThat(tr.segments()).extracting(TranscriptSegment::prompt, TranscriptSegment::command)
        .containsExactly(tuple("$", "/usr/bin/crictl pods"));
  }

  @Test
  void looksLike_osReleaseWithCommentLines_isNotATranscript() {
    assertThat(TranscriptParser.looksLike(Fixtures.load("os-release/opensuse-tumbleweed-with-comments.txt")))
        .isFalse();
    assertThat(TranscriptParser.looksLike(Fixtures.of("c.txt", "# CPE 2.3 format, boo#1217921\nNAME=x"))).isFalse();
    assertThat(TranscriptParser.looksLike(Fixtures.of("c.txt", "# VERSION=\"20250527\""))).isFalse();
  }

  @Test
  void looksLike_acceptsTranscriptFixturesOnly() {
    for (TextBlock t : Fixtures.all()) {
      assertThat(TranscriptParser.looksLike(t)).as(t.entry()).isEqualTo(t.entry().startsWith("transcript/"));
    }
  }


  /** Prompts seen in the wild corpus: each line is the first line of a real paste (wild/*, shared/wild/jgato-cgls). */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiterString = " => ", value = {
      "[root@cloud-test2:~]$ crictl ps => crictl ps",
      "sles@orch-do-eoom4-7124-worker6:~> sudo crictl pods -s NotReady | grep ro-deploy => sudo crictl pods -s "
          + "NotReady | grep ro-deploy",
      "sh-4.4$> systemd-cgls -u kubepods.slice => systemd-cgls -u kubepods.slice",
      "➜  k8s-snowflake git:(master) kubectl get pod -owide --all-namespaces => kubectl get pod -owide "
          + "--all-namespaces",
      "$ k3s kubectl get po --all-namespaces => k3s kubectl get po --all-namespaces"})
  void prompt_realVariants_areReadWithTheirCommand(String line, String command) {
    java.util.regex.Matcher m = TranscriptParser.prompt(line);
    assertThat(m).as(line).isNotNull();
    assertThat(m.group("command")).isEqualTo(command);
  }

  /** kubernetes-sigs/cri-tools PR #888: the paste starts with the command, typed without a prompt. */
  @Test
  void parse_firstCommandWithoutAPrompt_isASegment() {
    TextBlock t = Fixtures.of("a.txt", String.join("\n", " ./build/bin/crictl ps",
        "CONTAINER           IMAGE               CREATED             STATE               NAME      ATTEMPT",
        "0ad4683fc9548       269223fff922b       2 weeks ago         Running             virt      2"));

    assertThat(TranscriptParser.startsWithPrompt(t)).isFalse();
    assertThat(TranscriptParser.looksLike(t)).isTrue();
    Transcript tr = TranscriptParser.parse(t, ParseIssues.bounded(10));
    assertThat(tr.segments()).singleElement().satisfies(seg -> {
      assertThat(seg.command()).isEqualTo("./build/bin/crictl ps");
      assertThat(seg.output().size()).isEqualTo(2);
    });
  }

  /** The collector's containers.tsv starts with a runtime's name, which is also a tool's. */
  @Test
  void sniff_aTableWhoseFirstWordIsATool_isNotATranscript() throws java.io.IOException {
    TextBlock t = TextBlock.of("rootfs/containers.tsv", java.nio.file.Files.readAllLines(
        io.podmortem.Samples.dir().resolve("containerd-cgv2/rootfs/containers.tsv")));
    assertThat(t.lines().get(0)).startsWith("containerd\t");
    assertThat(new Sniffer().recognise(t, true).format()).isEqualTo(Format.ROOTFS_TABLE);
  }
}
