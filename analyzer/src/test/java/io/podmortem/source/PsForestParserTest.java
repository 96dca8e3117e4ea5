package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.ParseIssue;
import io.podmortem.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PsForestParserTest {
  private final PsForestParser parser = new PsForestParser();

  private PsForest parse(TextBlock t, ParseIssues issues) {
    return parser.parse(t, issues);
  }

  private static int indexOf(PsForest f, String command) {
    for (int i = 0; i < f.rows().size(); i++) {
      if (f.rows().get(i).command().equals(command)) {
        return i;
      }
    }
    throw new AssertionError("no row " + command);
  }

  @Test
  void parse_udonFaxno_reads164RowsAnd83KernelThreadsWithoutIssues() {
    ParseIssues issues = ParseIssues.bounded(10);
    PsForest f = parse(Fixtures.block("ps", "udon-faxno.txt"), issues);

    assertThat(issues.list()).isEmpty();
    assertThat(f.rows()).hasSize(164);
    assertThat(f.rows().stream().filter(PsRow::kernelThread)).hasSize(83);
    PsRow first = f.rows().get(0);
    assertThat(first).isEqualTo(new PsRow(new SourceRef("udon-faxno.txt", 2), 0, null, null, null,
        "0", "S", "[kthreadd]", true, null, null));
    assertThat(f.rows().get(1).parent()).isEqualTo(0);
    assertThat(f.rows().get(1).depth()).isEqualTo(1);
    assertThat(f.rows().get(1).command()).isEqualTo("[rcu_gp]");
  }

  @Test
  void parse_udonFaxno_putsIngressWorkerUnderNginxMasterAtDepth4() {
    PsForest f = parse(Fixtures.block("ps", "udon-faxno.txt"), ParseIssues.bounded(10));

    int dumbInit = indexOf(f, "/usr/bin/dumb-init -- /nginx-ingress-controller"
        + " --publish-service=ingress-nginx/ingress-nginx-controller --election-id=ingress-controller-leader"
        + " --ingress-class=nginx --configmap=ingress-nginx/ingress-nginx-controller"
        + " --validating-webhook=:8443 --validating-webhook-certificate=/usr/local/certificates/cert"
        + " --validating-webhook-key=/usr/local/certificates/key");
    int master = indexOf(f, "nginx: master process /usr/local/nginx/sbin/nginx -c /etc/nginx/nginx.conf");
    PsRow controller = f.rows().get(f.rows().get(master).parent());
    PsRow worker = f.rows().get(master + 1);

    assertThat(f.rows().get(dumbInit).depth()).isEqualTo(1);
    assertThat(f.rows().get(dumbInit).user()).isEqualTo("101");
    assertThat(controller.command()).startsWith("/nginx-ingress-controller --publish-service=");
    assertThat(controller.depth()).isEqualTo(2);
    assertThat(controller.parent()).isEqualTo(dumbInit);
    assertThat(f.rows().get(master).depth()).isEqualTo(3);
    assertThat(worker).isEqualTo(new PsRow(new SourceRef("udon-faxno.txt", 161), 4, master, null,
        null, "101", "Sl", "nginx: worker process", false, null, null));
    assertThat(f.rows().get(master + 5).command()).isEqualTo("nginx: cache manager process");
    assertThat(f.rows().get(master + 5).parent()).isEqualTo(master);
  }

  @Test
  void parse_udonFaxno_keepsNumericUsersAndEchoserverWorkerAtDepth3() {
    PsForest f = parse(Fixtures.block("ps", "udon-faxno.txt"), ParseIssues.bounded(10));

    int master = indexOf(f, "nginx: master process nginx -g daemon off;");
    PsRow worker = f.rows().get(master + 1);
    assertThat(worker.command()).isEqualTo("nginx: worker process");
    assertThat(worker.user()).isEqualTo("65534");
    assertThat(worker.depth()).isEqualTo(3);
    assertThat(worker.parent()).isEqualTo(master);
    assertThat(f.rows().get(master).user()).isEqualTo("0");
    assertThat(f.rows().stream().map(PsRow::user).distinct())
        .containsExactlyInAnyOrder("0", "101", "104", "1000", "65534");
  }

  @Test
  void parse_udonFaxno_readsPipesInSshdSubtree() {
    PsForest f = parse(Fixtures.block("ps", "udon-faxno.txt"), ParseIssues.bounded(10));

    int sshd = indexOf(f, "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups");
    int ps = indexOf(f, "ps faxno user,stat,cmd");
    int bash = indexOf(f, "-bash");
    int priv = indexOf(f, "sshd: noodles [priv]");
    assertThat(f.rows().get(ps).depth()).isEqualTo(3);
    assertThat(f.rows().get(ps).parent()).isEqualTo(bash);
    assertThat(f.rows().get(ps).stat()).isEqualTo("R+");
    assertThat(f.rows().get(priv).depth()).isEqualTo(1);
    assertThat(f.rows().get(priv).parent()).isEqualTo(sshd);
  }

  @Test
  void parse_headerlessForest_readsSameRowsAsWithHeader() {
    TextBlock headerless = Fixtures.block("ps", "udon-faxno-headerless.txt");
    ParseIssues issues = ParseIssues.bounded(10);

    PsForest f = parse(headerless, issues);
    PsForest withHeader = parse(Fixtures.block("ps", "udon-faxno.txt"), ParseIssues.bounded(10));

    assertThat(PsForestParser.looksLike(headerless)).isTrue();
    assertThat(issues.list()).isEmpty();
    assertThat(f.rows()).hasSize(164);
    for (int i = 0; i < f.rows().size(); i++) {
      PsRow a = f.rows().get(i);
      PsRow b = withHeader.rows().get(i);
      assertThat(List.of(a.depth(), String.valueOf(a.parent()), a.user(), a.stat(), a.command()))
          .isEqualTo(List.of(b.depth(), String.valueOf(b.parent()), b.user(), b.stat(), b.command()));
    }
  }

  @Test
  void parse_auxfExcerpt_readsPidsAndShimChildWithMisalignedHeader() {
    ParseIssues issues = ParseIssues.bounded(10);
    PsForest f = parse(Fixtures.block("ps", "auxf-containerd-shim.txt"), issues);

    assertThat(issues.list()).isEmpty();
    assertThat(f.rows()).containsExactly(
        new PsRow(new SourceRef("auxf-containerd-shim.txt", 2), 0, null, 8232, null, "root", "Sl",
            "/usr/local/bin/containerd-shim-runc-v2 -namespace k8s.io -", false, null, null),
        new PsRow(new SourceRef("auxf-containerd-shim.txt", 3), 1, 0, 8252, null, "65535", "Ss",
            "/pause", false, null, null));
  }

  @Test
  void parse_ppidForestWithUidColumn_readsArtAndPpid() {
    ParseIssues issues = ParseIssues.bounded(10);
    PsForest f = parse(Fixtures.block("ps", "kthreadd-ppid-forest.txt"), issues);

    assertThat(issues.list()).isEmpty();
    assertThat(f.rows()).containsExactly(
        new PsRow(new SourceRef("kthreadd-ppid-forest.txt", 2), 0, null, 2, 0, "0", "S",
            "[kthreadd]", true, null, null),
        new PsRow(new SourceRef("kthreadd-ppid-forest.txt", 3), 1, 0, 3, 2, "0", "S",
            "[ksoftirqd/0]", true, null, null));
  }

  @Test
  void parse_malformedStat_recordsIssueWithLineAndColumnAndSkipsLine() {
    List<String> lines = new ArrayList<>(List.of("    USER STAT CMD"));
    for (int i = 2; i < 42; i++) {
      lines.add("       0 S    [kthread" + i + "]");
    }
    lines.add("  0 Q  /bin/x");
    lines.add("       0 Ss   /sbin/init");
    ParseIssues issues = ParseIssues.bounded(10);

    PsForest f = parse(TextBlock.of("ps.txt", lines), issues);

    assertThat(issues.list()).containsExactly(
        new ParseIssue("ps.txt", 42, 5, "expected a STAT column, got 'Q' in '  0 Q  /bin/x'"));
    assertThat(issues.list().get(0).toString())
        .isEqualTo("ps.txt:42:5: expected a STAT column, got 'Q' in '  0 Q  /bin/x'");
    assertThat(f.rows()).hasSize(41);
    assertThat(f.rows().get(40).ref()).isEqualTo(new SourceRef("ps.txt", 43));
  }

  @Test
  void parse_truncatedLine_recordsIssueWithLineNumber() {
    ParseIssues issues = ParseIssues.bounded(10);
    PsForest f = parse(TextBlock.of("ps.txt", List.of("    USER STAT CMD", "       0")), issues);

    assertThat(f.rows()).isEmpty();
    assertThat(issues.list()).extracting(ParseIssue::toString)
        .containsExactly("ps.txt:2:9: expected a STAT column, got end of line in '       0'");
  }

  @Test
  void parse_badPid_recordsIssueQuotingPid() {
    ParseIssues issues = ParseIssues.bounded(10);
    PsForest f = parse(TextBlock.of("ps.txt", List.of(
        "  PID  PPID STAT CMD", "   1x     0 Ss   /sbin/init", "    2     0 S    [kthreadd]")), issues);

    assertThat(f.rows()).extracting(PsRow::pid).containsExactly(2);
    assertThat(issues.list()).extracting(ParseIssue::toString)
        .containsExactly("ps.txt:2:4: expected a PID column, got '1x' in '   1x     0 Ss   /sbin/init'");
  }

  @Test
  void parse_lstartColumn_takesFiveTokensBeforeCommand() {
    ParseIssues issues = ParseIssues.bounded(10);
    PsForest f = parse(TextBlock.of("ps.txt", List.of(
        "    PID    PPID USER     STAT                  STARTED COMMAND",
        "      1       0 root     Ss   Thu Mar  9 10:23:45 2023 /sbin/init",
        "    812       1 root     Ssl  Thu Mar  9 10:23:50 2023 /usr/bin/containerd")), issues);

    assertThat(issues.list()).isEmpty();
    assertThat(f.rows()).extracting(PsRow::command)
        .containsExactly("/sbin/init", "/usr/bin/containerd");
    assertThat(f.rows().get(1).parent()).isEqualTo(0);
    assertThat(f.rows().get(1).depth()).isEqualTo(1);
    assertThat(f.rows()).extracting(PsRow::started)
        .containsExactly("Thu Mar  9 10:23:45 2023", "Thu Mar  9 10:23:50 2023");
  }

  @Test
  void parse_zombie_keepsDefunctAndIsNoKernelThread() {
    PsForest f = parse(TextBlock.of("ps.txt", List.of(
        "    USER STAT CMD", "       0 Ss   /bin/sh", "       0 Z     \\_ [sleep] <defunct>")),
        ParseIssues.bounded(10));

    assertThat(f.rows().get(1).command()).isEqualTo("[sleep] <defunct>");
    assertThat(f.rows().get(1).kernelThread()).isFalse();
    assertThat(f.rows().get(1).parent()).isEqualTo(0);
  }

  @Test
  void parse_20000LevelPpidChain_linksEveryLevelWithoutStackOverflow() {
    List<String> lines = new ArrayList<>(List.of("    PID    PPID STAT CMD"));
    for (int pid = 1; pid <= 20_000; pid++) {
      lines.add(String.format("%7d %7d S    /bin/level%d", pid, pid - 1, pid));
    }
    PsForest f = parse(TextBlock.of("deep.txt", lines), ParseIssues.bounded(10));

    assertThat(f.rows()).hasSize(20_000);
    assertThat(f.rows().get(19_999).depth()).isEqualTo(19_999);
    assertThat(f.rows().get(19_999).parent()).isEqualTo(19_998);
  }

  /**
   * Forest art is 4 chars per level, so a chain of n levels is 2n² chars: 20,000 levels would be
   * 800 million chars. 5,000 levels (50 million) still exercises every loop without recursion.
   */
  @Test
  void parse_5000LevelArtForest_measuresDepthWithoutStackOverflow() {
    List<String> lines = new ArrayList<>(List.of("    USER STAT CMD", "       0 S    /bin/root"));
    StringBuilder art = new StringBuilder();
    for (int d = 1; d < 5_000; d++) {
      lines.add("       0 S    " + art + " \\_ /bin/level" + d);
      art.append("    ");
    }
    PsForest f = parse(TextBlock.of("deep.txt", lines), ParseIssues.bounded(10));

    assertThat(f.rows()).hasSize(5_000);
    assertThat(f.rows().get(4_999).depth()).isEqualTo(4_999);
    assertThat(f.rows().get(4_999).parent()).isEqualTo(4_998);
    assertThat(f.rows().get(4_999).command()).isEqualTo("/bin/level4999");
  }

  @Test
  void looksLike_psHeaderAndHeaderlessRows_trueButOtherTablesFalse() {
    assertThat(PsForestParser.looksLike(Fixtures.block("ps", "udon-faxno.txt"))).isTrue();
    assertThat(PsForestParser.looksLike(Fixtures.block("ps", "auxf-containerd-shim.txt"))).isTrue();
    assertThat(PsForestParser.looksLike(Fixtures.block("docker-ps", "udon.txt"))).isFalse();
    assertThat(PsForestParser.looksLike(Fixtures.block("kubectl-get-pods", "udon.txt"))).isFalse();
    assertThat(PsForestParser.looksLike(TextBlock.of("x", List.of("I S the dog")))).isFalse();
    assertThat(PsForestParser.looksLike(TextBlock.of("x", List.of()))).isFalse();
  }



  /** A real {@code ps axjf} paste without its header (containerd/containerd#8285): the first column is the PPID. */
  @Test
  void parse_axjfWithoutHeader_readsPpidAndPidInTheirOrder() throws java.io.IOException {
    TextBlock t = TextBlock.of("a.txt", java.nio.file.Files.readAllLines(java.nio.file.Path.of(
        "src/test/resources/wild/containerd-8285-ps-axjf-zombie-node/files/a.txt")));
    ParseIssues issues = ParseIssues.bounded(10);
    PsForest f = parse(t, issues);

    assertThat(issues.list()).isEmpty();
    assertThat(PsForestParser.evidence(t)).isEqualTo("its rows have the columns of ps axj without its header "
        + "(PPID PID PGID SID TTY TPGID STAT UID TIME COMMAND)");
    assertThat(f.rows()).extracting(PsRow::pid).containsExactly(2625591, 2625610, 2625807, 2625938);
    assertThat(f.rows()).extracting(PsRow::ppid).containsExactly(1, 2625591, 2625591, 2625807);
    assertThat(f.rows().get(3).command()).isEqualTo("[node] <defunct>");
  }

  /** A real ps listing whose first line is a warning ps printed (RedHatInsights/insights-core fixture). */
  @Test
  void parse_warningBeforeTheHeader_isAnIssue_andTheRowsAreRead() {
    TextBlock t = Fixtures.shared("insights-ps-late-header/a.txt", "a.txt");
    ParseIssues issues = ParseIssues.bounded(10);
    PsForest f = parse(t, issues);

    assertThat(issues.list()).extracting(Object::toString).containsExactly(
        "a.txt:1:1: not a ps row, before the header: 'your 131072x1 screen size is bogus. expect trouble'");
    assertThat(f.rows()).hasSize(5);
    assertThat(f.rows().get(0).pid()).isEqualTo(1);
  }

  /** sos's {@code ps axo …,comm,cgroup}: a column after the command (canonical/hotsos fixture shape). */
  @Test
  void parse_cgroupColumnAfterTheCommand_isReadApartFromIt() {
    TextBlock t = TextBlock.of("ps.txt", List.of(
        "    PID    PPID USER     GROUP        LWP NLWP START COMMAND         CGROUP",
        "      1       0 root     root           1    1 04:21 systemd         0::/init.scope",
        "      2       0 root     root           2    1 04:21 kthreadd        -"));
    ParseIssues issues = ParseIssues.bounded(10);
    PsForest f = parse(t, issues);

    assertThat(issues.list()).isEmpty();
    assertThat(f.rows()).extracting(PsRow::command, PsRow::cgroup).containsExactly(
        org.assertj.core.groups.Tuple.tuple("systemd", "0::/init.scope"),
        org.assertj.core.groups.Tuple.tuple("kthreadd", null));
  }
}
