package io.podmortem.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineRowsTest {
  private static Map<String, Object> event(String time, String kind, String subject, String what, String container,
      String ref) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("time", time);
    e.put("relative", "-1s");
    e.put("event", what);
    e.put("kind", kind);
    e.put("subject", subject);
    e.put("container", container);
    e.put("ref", ref);
    return e;
  }

  private static Map<String, Object> process(String time, String pid, String command, String container, int line) {
    return event(time, "process-started", pid, "process " + pid + " " + command + " started", container,
        "ps/table.txt:" + line);
  }

  @Test
  void rows_groupOneContainersProcessesOfOneCommandAtOneInstant_byPid() {
    List<Object> t = new ArrayList<>();
    t.add(process("T1", "1796", "nginx: worker", "aaaaaaaaaaaa", 80));
    t.add(process("T1", "204", "other", "bbbbbbbbbbbb", 12));
    t.add(process("T1", "1773", "nginx: worker", "aaaaaaaaaaaa", 79));
    t.add(process("T1", "999", "nginx: worker", "bbbbbbbbbbbb", 90));
    t.add(process("T2", "2000", "nginx: worker", "aaaaaaaaaaaa", 81));

    List<Map<String, Object>> rows = Timeline.rows(t);

    assertThat(rows).extracting(r -> r.get("event")).containsExactly(
        "2 processes started (1773, 1796): nginx: worker",
        "process 204 other started",
        "process 999 nginx: worker started",
        "process 2000 nginx: worker started");
    assertThat(rows.get(0).get("evidence")).isEqualTo("ps/table.txt:79,80");
    assertThat(rows.get(0).get("container")).isEqualTo("aaaaaaaaaaaa");
    assertThat(rows.get(3).get("time")).isEqualTo("T2");
  }

  @Test
  void rows_groupFilesByChange_andKeepOtherEventsApart() {
    String upper = "rootfs/upper/x.txt";
    List<Object> t = new ArrayList<>();
    t.add(event("T", "container-created", null, "container a created", "aaaaaaaaaaaa", "cri/inspect/a.json:1"));
    t.add(event("T", "container-created", null, "container b created", "aaaaaaaaaaaa", "cri/inspect/b.json:1"));
    t.add(event("T", "file-added", "/tmp/b", "file /tmp/b added", "aaaaaaaaaaaa", upper + ":9"));
    t.add(event("T", "file-changed", "/etc/passwd", "file /etc/passwd changed", "aaaaaaaaaaaa", upper + ":3"));
    t.add(event("T", "file-added", "/tmp/a", "file /tmp/a added", "aaaaaaaaaaaa", upper + ":8"));
    t.add(event("T", "shim-started", "77", "runtime shim 77 started", null, "ps/table.txt:5"));
    t.add(event("T", "shim-started", "78", "runtime shim 78 started", null, "ps/table.txt:6"));

    List<Map<String, Object>> rows = Timeline.rows(t);

    assertThat(rows).extracting(r -> r.get("event")).containsExactly(
        "container a created", "container b created", "2 files added: /tmp/b, /tmp/a", "file /etc/passwd changed",
        "runtime shim 77 started", "runtime shim 78 started");
    assertThat(rows.get(2).get("evidence")).isEqualTo(upper + ":8,9");
  }

  @Test
  void rows_leaveAnEventAloneWhenItsWordsDoNotHoldItsSubject() {
    // A hand-edited JSON report: the subject does not match the words, so there is nothing safe to merge.
    List<Object> t = new ArrayList<>();
    t.add(process("T", "10", "sh", "aaaaaaaaaaaa", 1));
    t.add(event("T", "process-started", "11", "process 12 sh started", "aaaaaaaaaaaa", "ps/table.txt:2"));
    t.add(event("T", "process-started", null, "process sh started", "aaaaaaaaaaaa", "ps/table.txt:3"));

    assertThat(Timeline.rows(t)).extracting(r -> r.get("event"))
        .containsExactly("process 10 sh started", "process 12 sh started", "process sh started");
  }

  @Test
  void ref_splitsALineOnlyWhereDigitsEndTheCitation() {
    assertThat(Timeline.ref("cri/ps.json:42")).containsEntry("entry", "cri/ps.json").containsEntry("line", 42);
    assertThat(Timeline.ref("host/date.txt")).containsEntry("entry", "host/date.txt").containsEntry("line", 0);
    assertThat(Timeline.ref("odd:name")).containsEntry("entry", "odd:name").containsEntry("line", 0);
    assertThat(Timeline.ref("x:99999999999")).containsEntry("entry", "x:99999999999").containsEntry("line", 0);
  }
}
