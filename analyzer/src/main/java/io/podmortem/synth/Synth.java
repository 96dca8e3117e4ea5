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

  /** How the node's outputs are bundled. */
  public enum Shape {
    /** The collector's bundle: a manifest, and each command's output in its own entry. */
    COLLECTOR,
    /**
     * What a responder captures by hand on a Docker node, as the seed does: a ps forest, a docker ps table, and one
     * terminal session that lists every running container's merged dir with find. Its layers are a ninth of the
     * collector shape's at scale 1, so the session's listings (each container's whole merged view) come to some 7
     * million lines; at a larger scale its layers stay that size and only the containers grow, so the session
     * grows with the scale, not with its square.
     */
    HAND;

    /** The factor on the layer listings this shape generates by default at {@code scale}. */
    public double listingScale(double scale) {
      return this == HAND ? 1.0 / (9 * scale) : 1;
    }
  }

  private Synth() {}

  public static Result generate(long seed, double scale, Path out) throws IOException {
    return generate(seed, scale, Shape.COLLECTOR, 1, out);
  }

  /**
   * Generates the node at {@code scale} in the given shape. Two shapes with the same seed, scale and
   * {@code listingScale} are the same node, so their per-container facts must agree.
   */
  public static Result generate(long seed, double scale, Shape shape, double listingScale, Path out)
      throws IOException {
    if (!(scale > 0) || !(listingScale > 0)) {
      throw new IllegalArgumentException("scale must be positive: " + scale);
    }
    Node n = new NodeBuilder(seed, scale, listingScale).build();
    Path abs = out.toAbsolutePath();
    if (shape == Shape.HAND) {
      List<Pod> byAge = new ArrayList<>(n.pods);
      byAge.sort(Comparator.comparingDouble((Pod p) -> p.created));
      HandCaptured.write(n, byAge, abs);
      return result(n, abs);
    }
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
    return result(n, abs);
  }

  private static Result result(Node n, Path abs) {
    long entries = n.layers.stream().mapToLong(l -> l.entries).sum();
    int procs = n.hostProcs.size() + n.containerProcs.size() + n.tailProcs.size();
    int ctrs = n.pods.stream().mapToInt(p -> p.containers.size()).sum();
    return new Result(abs, n.host, n.pods.size(), ctrs, procs, n.layers.size(), entries);
  }
}
