package io.podmortem.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.Conflict;
import io.podmortem.model.Container;
import io.podmortem.model.Node;
import io.podmortem.source.SourceReader;
import io.podmortem.source.TextBlock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docker inspect wins over the docker ps table, and where they disagree the disagreement is recorded. */
class CrossCheckTest {
  private static final String SANDBOX = "3e7043cc25638541e65f19338898f482a4fa3c299e1307c026d6dd1f95433365";

  @Test
  void inspectWins_andATableThatSaysOtherwiseIsAConflict() throws Exception {
    SourceReader reader = new SourceReader(1 << 20);
    reader.read(TextBlock.of("docker/inspect.json", Files.readAllLines(
        Path.of("src/test/resources/source/docker-inspect/engine-20.10-three.json"))));
    reader.read(TextBlock.of("docker/ps.txt", List.of(
        "CONTAINER ID   IMAGE          COMMAND    CREATED       STATUS                     PORTS     NAMES",
        "3e7043cc2563   other:2        \"/pause\"   2 hours ago   Exited (0) 1 minute ago              "
            + "k8s_POD_web-7d4b9c6f5-x2k4q_shop_3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70_0")));
    Node node = new NodeAssembler().assemble(reader.observations());

    Container sandbox = node.containers().stream().filter(c -> SANDBOX.equals(c.id())).findFirst().orElseThrow();
    assertThat(sandbox.image()).isEqualTo("pm-pause:3.9");
    assertThat(sandbox.state().running()).isTrue();
    assertThat(sandbox.qosClass().label()).isEqualTo("Burstable");
    assertThat(node.conflicts()).extracting(Conflict::fact, Conflict::first, Conflict::second).containsExactly(
        org.assertj.core.groups.Tuple.tuple("state", "Exited (0) 1 minute ago", "running"),
        org.assertj.core.groups.Tuple.tuple("image", "other:2", "pm-pause:3.9"));
    assertThat(node.conflicts().get(0).firstRef().toString()).isEqualTo("docker/ps.txt:2");
    assertThat(node.conflicts().get(0).secondRef().toString()).isEqualTo("docker/inspect.json:2");
  }
}
