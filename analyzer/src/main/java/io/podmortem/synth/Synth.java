package io.podmortem.synth;

import static io.podmortem.synth.BundleOut.argv;

import io.podmortem.synth.Model.Ctr;
import io.podmortem.synth.Model.Node;
import io.podmortem.synth.Model.Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Generates a large, consistent collector bundle (containerd on cgroup v2, systemd driver), deterministic from
 * a seed: the same seed and scale give the same bytes.
 */
public final class Synth {
  /** What was generated. */
  public record Result(Path bundle, String host, int pods, int containers, int processes, int layers,
      long layerEntries) {}

  private Synth() {}

  public static Result generate(long seed, double scale, Path out) throws IOException {
    if (!(scale > 0)) {
      throw new IllegalArgumentException("scale must be positive: " + scale);
    }
    Node n = new NodeBuilder(seed, scale).build();
    Path abs = out.toAbsolutePath();
    Path scratch = Files.createTempDirectory(abs.getParent(), ".podmortem-synth-");
    try (BundleOut b = new BundleOut(scratch)) {
      Renderers.host(n, b);
      Renderers.ps(n, b);
      Renderers.cgroups(n, b);
      Renderers.mounts(n, b);
      for (String c : new String[] {"docker-ps", "docker-ps-json", "docker-ids", "docker-inspect", "docker-rootfs",
          "docker-images", "docker-info"}) {
        b.skip(c, argv("docker"), "docker not found");
      }
      List<Pod> pods = new ArrayList<>(n.pods);
      pods.sort(Comparator.comparingDouble((Pod p) -> p.created).reversed());
      List<Ctr> ctrs = new ArrayList<>();
      pods.forEach(p -> ctrs.addAll(p.containers));
      ctrs.sort(Comparator.comparingDouble((Ctr c) -> c.created).reversed());
      Cri.write(n, pods, ctrs, b);
      Kube.write(n, b);
      Rootfs.write(n, pods, ctrs, b);
      b.finish(abs, n.host, Renderers.iso(n.now), Renderers.iso(n.now + 4), n.now);
    }
    long entries = n.layers.stream().mapToLong(l -> l.entries).sum();
    int procs = n.hostProcs.size() + n.containerProcs.size() + n.tailProcs.size();
    int ctrs = n.pods.stream().mapToInt(p -> p.containers.size()).sum();
    return new Result(abs, n.host, n.pods.size(), ctrs, procs, n.layers.size(), entries);
  }
}
