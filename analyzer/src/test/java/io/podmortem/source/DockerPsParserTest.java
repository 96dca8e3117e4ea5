package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.ParseIssue;
import io.podmortem.model.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerPsParserTest {
  private static final String UDON_HEADER = "CONTAINER ID   IMAGE                                 COMMAND "
      + "                 CREATED      STATUS      PORTS     NAMES";

  private final DockerPsParser parser = new DockerPsParser();

  @Test
  void parse_udon_reads21RowsWithTruncatedWeaveCommand() {
    ParseIssues issues = ParseIssues.bounded(10);
    DockerPsTable table = parser.parse(Fixtures.block("docker-ps", "udon.txt"), issues);

    assertThat(issues.list()).isEmpty();
    assertThat(table.rows()).hasSize(21);
    DockerPsRow weave = table.rows().stream().filter(r -> r.id().equals("36b418e69ae7")).findFirst()
        .orElseThrow();
    assertThat(weave).isEqualTo(new DockerPsRow(new SourceRef("udon.txt", 10), "36b418e69ae7",
        "df29c0a4002c", "/home/weave/launch.", true, "4 days ago", "Up 4 days", "",
        List.of("k8s_weave_weave-net-mchmg_kube-system_b9af9615-8cde-4a18-8555-6da1f51b7136_1")));
  }

  @Test
  void parse_udon_keepsUntruncatedCommandAndTrailingSpaceBeforeEllipsis() {
    DockerPsTable table = parser.parse(Fixtures.block("docker-ps", "udon.txt"), ParseIssues.bounded(10));

    assertThat(table.rows().get(0).command()).isEqualTo("/usr/bin/dumb-init ");
    assertThat(table.rows().get(0).commandTruncated()).isTrue();
    assertThat(table.rows().get(1).command()).isEqualTo("/pause");
    assertThat(table.rows().get(1).commandTruncated()).isFalse();
    assertThat(table.rows().get(9).command()).isEqualTo("/usr/bin/launch.sh");
  }

  @Test
  void parse_oldCli20WideColumns_stripsAsciiEllipsis() {
    ParseIssues issues = ParseIssues.bounded(10);
    DockerPsTable table = parser.parse(Fixtures.block("docker-ps", "old-cli-netdata-3369.txt"), issues);

    assertThat(issues.list()).isEmpty();
    assertThat(table.rows()).hasSize(3);
    assertThat(table.rows().get(0)).isEqualTo(new DockerPsRow(
        new SourceRef("old-cli-netdata-3369.txt", 2), "8dbb5aea4bbc",
        "k8s.gcr.io/kubernetes-zookeeper@sha256:f7704afda9379c77d3684d70eb98da0c8fab9b5eb4cede61d866d9c205ef4616",
        "sh -c 'start-zook", true, "45 minutes ago", "Up 45 minutes", "",
        List.of("k8s_kubernetes-zookeeper_zk-0_default_20f842f6-05d5-11e8-be8c-02d04ab66afa_0")));
    assertThat(table.rows().get(2).command()).isEqualTo("/sidecar --v=2 --");
  }

  /** The FORMATS.md excerpt's header lost a space before COMMAND, so every row overflows. */
  @Test
  void parse_headerOffByOne_fallsBackToTokens() {
    ParseIssues issues = ParseIssues.bounded(10);
    DockerPsTable table = parser.parse(Fixtures.block("docker-ps", "new-cli-formats-md.txt"), issues);

    assertThat(issues.list()).isEmpty();
    assertThat(table.rows()).extracting(DockerPsRow::id, DockerPsRow::image, DockerPsRow::command,
        DockerPsRow::created, DockerPsRow::status, DockerPsRow::ports)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ef27ed516e4f", "515ab4fba870", "/bin/tini -- /usr/l",
                "4 hours ago", "Up 4 hours", ""),
            org.assertj.core.groups.Tuple.tuple("2b116eadcab3",
                "dockerhub.kubekey.local/kubesphereio/pause:3.5", "/pause", "4 hours ago",
                "Up 4 hours", ""));
  }

  @Test
  void parse_imageWiderThanHeaderColumn_fallsBackToTokens() {
    String row = "8dbb5aea4bbc   k8s.gcr.io/kubernetes-zookeeper@sha256:f7704afda9379c77d3684d70eb98da0c8fab9b5eb4cede61d866d9c205ef4616   \"sh -c 'start-zook…\"   45 minutes ago   Up 45 minutes (healthy)   0.0.0.0:8081->8081/tcp, :::8081->8081/tcp   k8s_zk";
    ParseIssues issues = ParseIssues.bounded(10);
    DockerPsTable table = parser.parse(TextBlock.of("docker-ps.txt", List.of(UDON_HEADER, row)), issues);

    assertThat(issues.list()).isEmpty();
    DockerPsRow r = table.rows().get(0);
    assertThat(List.of(r.command(), r.created(), r.status(), r.ports(), r.names().get(0))).containsExactly(
        "sh -c 'start-zook", "45 minutes ago", "Up 45 minutes (healthy)",
        "0.0.0.0:8081->8081/tcp, :::8081->8081/tcp", "k8s_zk");
  }

  @Test
  void parse_noTruncTable_readsFullIdQuotedCommandAndCommaNames() {
    String id = "36b418e69ae7076fe5a44d16cef223d8908016474cb65910f2fd54cca470566b";
    List<String> lines = List.of(
        "CONTAINER ID                                                       IMAGE          COMMAND                                   CREATED      STATUS                       PORTS     NAMES",
        id + "   df29c0a4002c   \"/home/weave/launch.sh \\\"a  b\\\"\"        4 days ago   Exited (137) 18 hours ago              /db,web/db");
    ParseIssues issues = ParseIssues.bounded(10);
    DockerPsTable table = parser.parse(TextBlock.of("docker-ps.txt", lines), issues);

    assertThat(issues.list()).isEmpty();
    assertThat(table.rows().get(0)).isEqualTo(new DockerPsRow(new SourceRef("docker-ps.txt", 2), id,
        "df29c0a4002c", "/home/weave/launch.sh \"a  b\"", false, "4 days ago",
        "Exited (137) 18 hours ago", "", List.of("db", "web/db")));
  }

  /** Go tabwriter pads by runes: an astral char is one column though Java counts two chars. */
  @Test
  void parse_astralCharInCommand_cutsAtCodePointOffsets() {
    List<String> lines = List.of(
        "CONTAINER ID   IMAGE     COMMAND    CREATED      STATUS      PORTS     NAMES",
        "6669168db70d   busybox   \"echo \uD83D\uDE00\"   3 days ago   Up 3 days             smile");
    ParseIssues issues = ParseIssues.bounded(10);
    DockerPsTable table = parser.parse(TextBlock.of("docker-ps.txt", lines), issues);

    assertThat(TableHeader.parse(lines.get(0)).columns().get(3))
        .isEqualTo(new TableHeader.Column("CREATED", 36));
    assertThat(lines.get(1).indexOf("3 days")).isEqualTo(37);
    assertThat(TableHeader.parse(lines.get(0)).cut(lines.get(1))).isNotNull();
    assertThat(issues.list()).isEmpty();
    assertThat(table.rows().get(0).command()).isEqualTo("echo \uD83D\uDE00");
    assertThat(table.rows().get(0).created()).isEqualTo("3 days ago");
    assertThat(table.rows().get(0).names()).containsExactly("smile");
  }

  @Test
  void parse_nonHexId_recordsIssueQuotingIdAndSkipsRow() {
    String bad = "zz5fa78fa31f   k8s.gcr.io/ingress-nginx/controller   \"/usr/bin/dumb-init …\"   3 days ago   Up 3 days             k8s_controller";
    ParseIssues issues = ParseIssues.bounded(10);
    DockerPsTable table = parser.parse(TextBlock.of("docker-ps.txt", List.of(UDON_HEADER, bad)), issues);

    assertThat(table.rows()).isEmpty();
    assertThat(issues.list()).containsExactly(new ParseIssue("docker-ps.txt", 2, 1,
        "expected a CONTAINER ID of 12 or 64 hex digits, got 'zz5fa78fa31f' in "
            + ParseIssues.quote(bad)));
  }

  @Test
  void parse_truncatedLine_recordsIssueWithLineNumber() {
    ParseIssues issues = ParseIssues.bounded(10);
    DockerPsTable table = parser.parse(
        TextBlock.of("docker-ps.txt", List.of(UDON_HEADER, "d5fa78fa31f1   k8s.gcr.io/ingress-nginx/controller")),
        issues);

    assertThat(table.rows()).isEmpty();
    assertThat(issues.list()).extracting(ParseIssue::toString).containsExactly(
        "docker-ps.txt:2: expected 7 docker ps columns (ports may be empty), got "
            + "'d5fa78fa31f1   k8s.gcr.io/ingress-nginx/controller'");
  }

  @Test
  void parse_notAHeader_recordsIssueAndReturnsNoRows() {
    ParseIssues issues = ParseIssues.bounded(10);
    DockerPsTable table = parser.parse(Fixtures.block("kubectl-get-pods", "udon.txt"), issues);

    assertThat(table.rows()).isEmpty();
    assertThat(issues.list()).extracting(ParseIssue::toString).containsExactly(
        "udon.txt:1:1: expected a docker ps header (CONTAINER ID IMAGE COMMAND CREATED STATUS PORTS"
            + " NAMES), got 'NAMESPACE       NAME                                        READY   STATUS'");
  }

  @Test
  void looksLike_dockerHeaders_trueButPsAndKubectlFalse() {
    assertThat(DockerPsParser.looksLike(Fixtures.block("docker-ps", "udon.txt"))).isTrue();
    assertThat(DockerPsParser.looksLike(Fixtures.block("docker-ps", "old-cli-netdata-3369.txt"))).isTrue();
    assertThat(DockerPsParser.looksLike(Fixtures.block("ps", "udon-faxno.txt"))).isFalse();
    assertThat(DockerPsParser.looksLike(Fixtures.block("kubectl-get-pods", "udon.txt"))).isFalse();
  }


}
