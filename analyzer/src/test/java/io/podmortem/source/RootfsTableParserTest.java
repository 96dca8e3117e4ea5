package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RootfsTableParserTest {
  @Test
  void parse_rowsWithDashesForUnknowns() {
    String id = "608e4d22c9d2c170ae1de977b00c104b548e0abadcf5d321dc2bce5f96692b1b";
    TextBlock t = Fixtures.of("rootfs/containers.tsv", String.join("\n",
        "docker\t" + id + "\trunning\t/var/lib/docker/overlay2/418199c0/diff\trootfs/upper/" + id
            + ".txt\t9f2c1a7e00000000:1a7e9f2c00000000\t/var/lib/docker/overlay2/418199c0/merged",
        "docker\t" + id + "\texited\t-\t-\t-\t-",
        "docker\tshort\tx"));
    ParseIssues issues = ParseIssues.bounded(10);
    List<RootfsRow> rows = RootfsTableParser.parse(t, issues);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).layerKeys()).containsExactly("9f2c1a7e00000000", "1a7e9f2c00000000");
    assertThat(rows.get(1).upperEntry()).isNull();
    assertThat(rows.get(1).layerKeys()).isEmpty();
    assertThat(issues.list()).hasSize(1);
    assertThat(RootfsTableParser.looksLike(t)).isTrue();
  }
}
