package io.podmortem.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessRowsTest {
  private static Map<String, Object> p(int pid, int depth, String state, String command, String started, int line,
      boolean exec) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pid", pid);
    m.put("user", "65534");
    m.put("state", state);
    m.put("command", command);
    m.put("startedAt", started);
    m.put("depth", depth);
    m.put("exec", exec);
    m.put("evidence", Map.of("command", List.of(Map.of("entry", "ps/table.txt", "line", line))));
    return m;
  }

  @Test
  void of_foldsLeafSiblingsThatMatch_likePstree() {
    List<Map<String, Object>> rows = ProcessRows.of(List.of(
        p(1, 0, "Ss", "nginx: master", "T0", 10, false),
        p(5, 1, "S", "nginx: worker", "T2", 12, false),
        p(3, 1, "S", "nginx: worker", "T1", 11, false),
        p(7, 1, "S", "nginx: worker", "T3", 13, false)));

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).containsEntry("count", 1).containsEntry("pid", 1);
    assertThat(rows.get(1)).containsEntry("count", 3).containsEntry("pids", "5, 3, 7")
        .containsEntry("startedAt", "T1").containsEntry("startedTo", "T3");
    assertThat((List<?>) rows.get(1).get("refs")).hasSize(3);
  }

  @Test
  void of_keepsWhereEachPidWasRead_whenThatIsNotThePsLine() {
    Map<String, Object> a = p(2, 1, "S", "w", "T", 11, false);
    Map<String, Object> b = p(3, 1, "S", "w", "T", 12, false);
    Map<String, Object> cgls = Map.of("entry", "cgls.txt", "line", 7);
    a.put("evidence", Map.of("command", List.of(Map.of("entry", "ps/table.txt", "line", 11)),
        "pid", List.of(cgls)));
    b.put("evidence", Map.of("command", List.of(Map.of("entry", "ps/table.txt", "line", 12)),
        "pid", List.of(Map.of("entry", "ps/table.txt", "line", 12))));

    List<Map<String, Object>> rows = ProcessRows.of(List.of(p(1, 0, "S", "init", "T", 10, false), a, b));

    assertThat(rows.get(1)).containsEntry("count", 2).containsEntry("pidRefs", List.of(cgls));
    assertThat((List<?>) rows.get(1).get("refs")).hasSize(2);
  }

  @Test
  void of_keepsApartAParent_anExecSession_andADifferentState() {
    List<Map<String, Object>> rows = ProcessRows.of(List.of(
        p(1, 0, "S", "sh", "T", 1, false),
        p(2, 1, "S", "sh", "T", 2, false),
        p(3, 1, "S", "sh", "T", 3, true),
        p(4, 1, "S", "sh", "T", 4, false),
        p(5, 1, "Z", "sh", "T", 5, false),
        p(6, 1, "S", "sh", "T", 6, false),
        p(7, 2, "S", "sh", "T", 7, false)));

    // 1 is the root; 3 is an exec session; 5 is in another state; 6 has a child (7).
    assertThat(rows).extracting(r -> r.get("count")).containsExactly(1, 1, 1, 1, 1, 1, 1);
    assertThat(rows.get(1)).containsEntry("startedTo", null);
  }

  @Test
  void of_foldsOnlyNeighbours_atOneDepth() {
    List<Map<String, Object>> rows = ProcessRows.of(List.of(
        p(1, 0, "S", "init", "T", 1, false),
        p(2, 1, "S", "w", "T", 2, false),
        p(3, 1, "S", "w", "T", 3, false),
        p(4, 1, "S", "x", "T", 4, false),
        p(5, 1, "S", "w", "T", 5, false)));

    assertThat(rows).extracting(r -> r.get("count")).containsExactly(1, 2, 1, 1);
  }
}
