package io.podmortem.synth;

import static io.podmortem.synth.BundleOut.argv;

import io.podmortem.synth.Model.Ctr;
import io.podmortem.synth.Model.Layer;
import io.podmortem.synth.Model.Node;
import io.podmortem.synth.Model.Pod;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** rootfs/: containers.tsv, each layer's listing once, each container's upper dir and os-release. */
final class Rootfs {
  private static final String FMT = "%y %m %U %G %s %T@\\t%P\\t%l\\n";

  private Rootfs() {}

  static List<Layer> uppermostFirst(Ctr c) {
    List<Layer> ls = new ArrayList<>(c.image.layers);
    java.util.Collections.reverse(ls);
    return ls;
  }

  static String lowerDirs(Ctr c) {
    return uppermostFirst(c).stream().map(l -> l.dir).collect(Collectors.joining(":"));
  }

  static void write(Node n, List<Pod> pods, List<Ctr> newestFirst, BundleOut b) throws IOException {
    Set<String> listed = new HashSet<>();
    StringBuilder tsv = new StringBuilder();
    List<Ctr> all = new ArrayList<>(newestFirst);
    List<Pod> byAge = new ArrayList<>(pods);
    byAge.sort(Comparator.comparingDouble(p -> p.created));
    byAge.forEach(p -> all.add(p.sandbox));
    for (Ctr c : all) {
      String state = "sandbox".equals(c.kind) ? "running" : "CONTAINER_" + c.state.toUpperCase(java.util.Locale.ROOT);
      if (!c.running()) {
        tsv.append("containerd\t").append(c.id).append('\t').append(state).append("\t-\t-\t-\t-\n");
        continue;
      }
      List<String> keys = new ArrayList<>();
      for (Layer l : uppermostFirst(c)) {
        if (listed.add(l.key)) {
          b.ok("layer-" + l.key, argv("find", l.dir, "-mindepth", "1", "-printf", FMT),
              "rootfs/layers/" + l.key + ".txt", 20, w -> Listings.layer(l, w));
        }
        keys.add(l.key);
      }
      String ent = "rootfs/upper/" + c.id + ".txt";
      b.ok("upper-" + c.id, argv("find", c.upper, "-mindepth", "1", "-printf", FMT), ent, 10,
          w -> Listings.upper(c, (long) c.started, w));
      if (c.image.osRelease != null) {
        b.ok("osrelease-" + c.id, argv("cat", c.merged + "/" + c.image.osReleasePath),
            "rootfs/os-release/" + c.id + ".txt", 0, c.image.osRelease);
      } else {
        b.skip("osrelease-" + c.id, argv("cat", "/etc/os-release"),
            "no /etc/os-release or /usr/lib/os-release in the container");
      }
      tsv.append("containerd\t").append(c.id).append('\t').append(state).append('\t').append(c.upper).append('\t')
          .append(ent).append('\t').append(String.join(":", keys)).append('\t').append(c.merged).append('\n');
    }
    b.ok("containers-tsv", argv("podmortem-collect", "rootfs"), "rootfs/containers.tsv", 0, tsv.toString());
  }
}
