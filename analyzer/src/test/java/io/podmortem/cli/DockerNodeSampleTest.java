package io.podmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.Samples;
import io.podmortem.bundle.Limits;
import io.podmortem.explain.Analysis;
import io.podmortem.model.Container;
import io.podmortem.model.Finding;
import io.podmortem.model.Pod;
import io.podmortem.model.ProcessKind;
import io.podmortem.model.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The collector bundle from the real Docker engine, read without an engine. */
class DockerNodeSampleTest {
  private static Analysis a;

  @BeforeAll
  static void analyze() {
    a = new Analyzer(Limits.defaults()).analyze(Samples.dir().resolve("docker-node.tar.gz"));
  }

  @Test
  void collection_isVerified_andItsFactsShown() {
    assertThat(a.node().collection()).isNotNull();
    assertThat(a.node().collection().collector()).isEqualTo("podmortem-collect");
    assertThat(a.node().collection().integrity()).isEmpty();
    assertThat(a.findings()).extracting(Finding::id).doesNotContain("bundle-integrity", "collection-gap");
    assertThat(a.node().hostname()).isEqualTo("vm");
    assertThat(a.snapshotDate()).isNotNull();
  }

  @Test
  void everyContainer_isPlacedInItsPodWithItsQosAndRootfs() {
    assertThat(a.node().containers()).hasSize(13);
    assertThat(a.node().containers()).filteredOn(c -> c.role() == Role.PLAIN).singleElement()
        .satisfies(c -> {
          assertThat(c.name()).isEqualTo("pm-plain");
          assertThat(c.pod()).isNull();
        });
    for (Container c : a.node().containers()) {
      assertThat(c.id()).as(c.name()).hasSize(64);
      assertThat(c.rootfs().entries()).as(c.name()).isPositive();
      assertThat(c.state()).as(c.name()).isNotNull();
      if (c.role() != Role.PLAIN) {
        assertThat(c.qosClass()).as(c.name()).isNotNull();
      }
      if (c.state().running()) {
        assertThat(a.node().processesOf(c)).as(c.name()).isNotEmpty()
            .allSatisfy(p -> assertThat(p.kind()).isEqualTo(ProcessKind.CONTAINER));
      }
    }
  }

  @Test
  void staticPod_restartedWorker_andStoppedPod() {
    Pod etcd = a.node().pods().stream().filter(p -> "etcd-vm".equals(p.name())).findFirst().orElseThrow();
    assertThat(etcd.isStatic()).isTrue();
    assertThat(a.findings()).filteredOn(f -> f.id().equals("container-restarted")).hasSize(1);
    Pod report = a.node().pods().stream().filter(p -> "report-28391820-q8z7w".equals(p.name())).findFirst()
        .orElseThrow();
    assertThat(report.qosClass()).isNotNull();
    assertThat(report.owner().kind()).isEqualTo("Job");
  }
}
