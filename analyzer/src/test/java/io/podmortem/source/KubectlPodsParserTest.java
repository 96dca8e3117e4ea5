package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.ParseIssue;
import io.podmortem.model.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubectlPodsParserTest {
  private final KubectlPodsParser parser = new KubectlPodsParser();

  @Test
  void parse_udonAllNamespaces_reads12RowsWith2Completed() {
    ParseIssues issues = ParseIssues.bounded(10);
    KubectlPodsTable table = parser.parse(Fixtures.block("kubectl-get-pods", "udon.txt"), issues);

    assertThat(issues.list()).isEmpty();
    assertThat(table.rows()).hasSize(12);
    assertThat(table.rows()).filteredOn(r -> r.status().equals("Completed"))
        .extracting(KubectlPodRow::name)
        .containsExactly("ingress-nginx-admission-create-8jgkt", "ingress-nginx-admission-patch-jdq4t");
    assertThat(table.rows().get(11)).isEqualTo(new KubectlPodRow(new SourceRef("udon.txt", 13),
        "kube-system", "weave-net-mchmg", "2/2", "Running", null, null, null, null, null));
  }

  @Test
  void parse_restartsWithAgo_splitsCountAndLastRestart() {
    ParseIssues issues = ParseIssues.bounded(10);
    KubectlPodsTable table = parser.parse(Fixtures.block("kubectl-get-pods", "restarts-ago.txt"), issues);

    assertThat(issues.list()).isEmpty();
    assertThat(table.rows()).containsExactly(
        new KubectlPodRow(new SourceRef("restarts-ago.txt", 2), "kube-system", "etcd-debian10x64",
            "1/1", "Running", 62, "108s ago", "144m", null, null),
        new KubectlPodRow(new SourceRef("restarts-ago.txt", 3), "kube-system",
            "coredns-f9fd979d6-9v5pb", "1/1", "Running", 0, null, "5m49s", null, null));
  }

  @Test
  void parse_wide_readsIpAndNodeAcrossSpacedHeaders() {
    ParseIssues issues = ParseIssues.bounded(10);
    KubectlPodsTable table = parser.parse(Fixtures.block("kubectl-get-pods", "wide-k9s-1024.txt"), issues);

    assertThat(issues.list()).isEmpty();
    assertThat(table.rows()).containsExactly(new KubectlPodRow(
        new SourceRef("wide-k9s-1024.txt", 2), null, "amazing-app-77f4dc9665-w4ckj", "1/1", "Running",
        0, null, "40m", "10.10.49.63", "ip-10-10-53-185.ec2.internal"));
  }

  @Test
  void parse_wideWithNoneAndRestartsAgo_mapsNoneToNull_butKeepsNodeNoneAsUnscheduled() {
    List<String> lines = List.of(
        "NAME                           READY   STATUS     RESTARTS      AGE   IP       NODE     NOMINATED NODE   READINESS GATES",
        "posit-workbench-postgresql-0   1/1     Running    1 (72d ago)   72d   <none>   <none>   <none>           <none>",
        "web-7d4b9c5f6d-abcde           0/1     Init:0/1   0             5s    <none>   node-1   <none>           <none>");
    ParseIssues issues = ParseIssues.bounded(10);
    KubectlPodsTable table = parser.parse(TextBlock.of("pods.txt", lines), issues);

    assertThat(issues.list()).isEmpty();
    assertThat(table.rows()).extracting(KubectlPodRow::restarts, KubectlPodRow::lastRestart,
            KubectlPodRow::status, KubectlPodRow::ip, KubectlPodRow::node)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "72d ago", "Running", null, "<none>"),
            org.assertj.core.groups.Tuple.tuple(0, null, "Init:0/1", null, "node-1"));
  }

  @Test
  void parse_oldFixedPadding_readsCrashLoopBackOff() {
    KubectlPodsTable table = parser.parse(
        Fixtures.block("kubectl-get-pods", "old-padding-rancher-16245.txt"), ParseIssues.bounded(10));

    assertThat(table.rows()).containsExactly(new KubectlPodRow(
        new SourceRef("old-padding-rancher-16245.txt", 2), null, "nginx-69fcf667c-hsj65", "0/1",
        "CrashLoopBackOff", 14, null, "25m", null, null));
  }

  @Test
  void parse_badRestarts_recordsIssueWithColumnAndSkipsRow() {
    List<String> lines = List.of(
        "NAME                    READY     STATUS             RESTARTS   AGE",
        "nginx-69fcf667c-hsj65   0/1       CrashLoopBackOff   many       25m");
    ParseIssues issues = ParseIssues.bounded(10);
    KubectlPodsTable table = parser.parse(TextBlock.of("pods.txt", lines), issues);

    assertThat(table.rows()).isEmpty();
    assertThat(issues.list()).extracting(ParseIssue::toString).containsExactly(
        "pods.txt:2:54: expected a RESTARTS column like '0' or '62 (108s ago)', got 'many' in "
            + ParseIssues.quote(lines.get(1)));
  }

  @Test
  void parse_truncatedLine_recordsIssueWithLineNumber() {
    List<String> lines = List.of(
        "NAMESPACE     NAME                                  READY   STATUS    RESTARTS        AGE",
        "kube-system   etcd-debian10x64");
    ParseIssues issues = ParseIssues.bounded(10);
    KubectlPodsTable table = parser.parse(TextBlock.of("pods.txt", lines), issues);

    assertThat(table.rows()).isEmpty();
    assertThat(issues.list()).containsExactly(new ParseIssue("pods.txt", 2, 0,
        "expected 6 columns as in the header, got 2 in 'kube-system   etcd-debian10x64'"));
  }

  @Test
  void looksLike_kubectlHeaders_trueButDockerAndPsFalse() {
    assertThat(KubectlPodsParser.looksLike(Fixtures.block("kubectl-get-pods", "udon.txt"))).isTrue();
    assertThat(KubectlPodsParser.looksLike(Fixtures.block("kubectl-get-pods", "wide-k9s-1024.txt"))).isTrue();
    assertThat(KubectlPodsParser.looksLike(Fixtures.block("docker-ps", "udon.txt"))).isFalse();
    assertThat(KubectlPodsParser.looksLike(Fixtures.block("ps", "udon-faxno.txt"))).isFalse();
  }


}
