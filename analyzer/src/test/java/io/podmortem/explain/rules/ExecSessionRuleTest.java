package io.podmortem.explain.rules;

import static io.podmortem.explain.rules.RuleInputs.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Finding;
import io.podmortem.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * exec-session: a second child of a container's shim, beside its init (FORMATS.md §12). In the scenario, shim
 * 31915 has the init httpd and an exec'd sh; shim 32020 has one child whose own child is a sleep; shim 384 has one
 * child.
 */
class ExecSessionRuleTest {
  private static final ExecSessionRule RULE = new ExecSessionRule();

  @Test
  void evaluate_twoShimChildren_raisesMediumForTheOneThatIsNotTheInit() {
    assertThat(RuleInputs.evaluate(RULE, "exec-zombie-dstate")).containsExactly(new Finding("exec-session",
        Severity.MEDIUM, "f456eb3e8233", "Someone ran a command inside container f456eb3e8233: 33012 'sh', started "
        + "2026-11-26T22:53:40, runs beside its init as a child of the runtime's shim, the way docker exec, kubectl "
        + "exec and crictl exec start them.", List.of(ref("ps/table.txt", 16))));
  }

  /**
   * docker events' exec sessions of a container that left no process: each ended one is a finding with its end;
   * past twenty, one finding counts the rest. The lines have docker 20.10's shape (source/docker-events/); a log of
   * five thousand sessions must not give five thousand findings.
   */
  @Test
  void evaluate_recordedSessions_eachWithItsEnd_boundedPerContainer(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    String id = "b4d7231e2dae4a80d70c1f22141c11b7244936d3b860da11f7e7d8e6ee549e3b";
    java.nio.file.Files.copy(java.nio.file.Path.of("src/test/resources/source/docker-inspect/engine-20.10-three.json"),
        dir.resolve("inspect.json"));
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      String exec = String.format("%064x", i + 1);
      events.append(String.format("2026-12-02T04:29:%02d.%09dZ container exec_start: sh -c id %s (execID=%s, "
          + "image=pm-busybox:1.35, name=pm-plain)%n", i % 60, i, id, exec));
      events.append(String.format("2026-12-02T04:29:%02d.%09dZ container exec_die %s (execID=%s, exitCode=%d, "
          + "image=pm-busybox:1.35, name=pm-plain)%n", i % 60, i + 1, id, exec, i % 3));
    }
    java.nio.file.Files.writeString(dir.resolve("events.txt"), events);
    io.podmortem.model.Node node = new io.podmortem.cli.Analyzer(io.podmortem.bundle.Limits.defaults()).analyze(dir)
        .node();
    List<Finding> found = RULE.evaluate(new io.podmortem.explain.RuleContext(node, null, java.util.Map.of()));
    assertThat(found).filteredOn(f -> f.subject().equals("b4d7231e2dae")).hasSize(21);
    assertThat(found.get(0).message()).contains("'sh -c id'").contains("with exit code 0");
    assertThat(found.get(20).message()).contains("4980 more exec sessions");
  }

  @Test
  void evaluate_oneShimChildOrChildOfTheInit_raisesNothing() {
    // shim-mismatch holds shims 332, 384 and 31915 with one child each.
    assertThat(RuleInputs.evaluate(RULE, "shim-mismatch")).isEmpty();
    // In exec-zombie-dstate, the sleep below 'sh -c while …' (container e4d9a0d9758e) is a child of the init.
    assertThat(RuleInputs.evaluate(RULE, "exec-zombie-dstate")).noneMatch(f -> f.subject().equals("e4d9a0d9758e")
        || f.subject().equals("f4d60b802f16"));
  }
}
