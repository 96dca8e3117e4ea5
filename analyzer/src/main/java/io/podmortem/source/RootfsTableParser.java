package io.podmortem.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the collector's {@code rootfs/containers.tsv} (collector/FORMAT.md): tab-separated, no header.
 *
 * <pre>
 * docker	608e4d22c9d2…	running	/var/lib/docker/overlay2/418199c0…/diff	rootfs/upper/608e4d22c9d2….txt	9f2c…:1a7e…	/var/lib/docker/overlay2/418199c0…/merged
 * </pre>
 */
public final class RootfsTableParser {
  private RootfsTableParser() {}

  public static boolean looksLike(TextBlock t) {
    int first = t.firstNonBlank();
    if (first < 0) {
      return false;
    }
    String[] f = t.lines().get(first).split("\t", -1);
    return f.length == 7 && f[1].matches("[0-9a-f]{64}") && List.of("docker", "containerd", "cri-o").contains(f[0]);
  }

  public static List<RootfsRow> parse(TextBlock t, ParseIssues issues) {
    List<RootfsRow> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      String l = t.lines().get(i);
      if (l.isBlank()) {
        continue;
      }
      String[] f = l.split("\t", -1);
      if (f.length != 7 || !f[1].matches("[0-9a-f]{64}")) {
        issues.add(t, i, 1, "expected 7 tab-separated fields starting with a runtime and a 64-hex ID, got "
            + ParseIssues.quote(l));
        continue;
      }
      List<String> keys = dash(f[5]) == null ? List.of() : List.of(f[5].split(":"));
      out.add(new RootfsRow(t.ref(i), f[0], f[1], f[2], dash(f[3]), dash(f[4]), keys, dash(f[6])));
    }
    return out;
  }

  private static String dash(String s) {
    return s.isEmpty() || s.equals("-") ? null : s;
  }
}
