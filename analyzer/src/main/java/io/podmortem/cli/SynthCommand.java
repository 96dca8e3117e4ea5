package io.podmortem.cli;

import io.podmortem.synth.Synth;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code podmortem synth}: writes a large synthetic bundle, for benchmarks and scale tests. */
@Command(name = "synth", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Writes a realistic synthetic bundle (containerd, cgroup v2), deterministic from a seed. Scale 1: "
        + "110 pods, 250 containers over 40 images, about 3,000 processes, 5 million layer-listing entries.")
public final class SynthCommand implements Callable<Integer> {
  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: 1).")
  long seed = 1;

  @Option(names = "--scale", paramLabel = "F", description = "Size factor: 2 doubles pods, containers, processes "
      + "and listing entries (default: 1).")
  double scale = 1;

  @Option(names = "--shape", paramLabel = "SHAPE", description = "collector (default): the collector's bundle; "
      + "hand: the same node captured by hand on Docker, as the seed is: a ps forest, a docker ps table and one "
      + "terminal session that lists every running container's merged dir with find (some 7 million lines at "
      + "scale 1; its layers are a ninth of the collector shape's).")
  Synth.Shape shape = Synth.Shape.COLLECTOR;

  @Option(names = "--listing-scale", paramLabel = "F", description = "A further factor on the layer listings "
      + "alone (default: 1 for collector, 1/(9 x scale) for hand, whose listings are of whole merged views); the "
      + "same seed, scale and listing scale give the same node in either shape.")
  Double listingScale;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The bundle to write "
      + "(default: podmortem-synth-<seed>.tar.gz).")
  Path output;

  @Override
  public Integer call() throws Exception {
    Path out = output != null ? output : Path.of("podmortem-synth-" + seed + ".tar.gz");
    Synth.Result r = Synth.generate(seed, scale, shape, listingScale != null ? listingScale : shape.listingScale(scale),
        out);
    System.err.printf("%s: host %s, %d pods, %d containers, %d processes, %d layers, %d listing entries%n",
        r.bundle(), r.host(), r.pods(), r.containers(), r.processes(), r.layers(), r.layerEntries());
    return 0;
  }
}
