package io.podmortem.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the collector's {@code rootfs/containers.tsv} (collector/FORMAT.md): tab-separated, no header.
 *
 * <pre>
 * docker	608e4d22c9d2…	running	/var/lib/docker/overlay2/418199c0…/diff	rootfs/upper/608e4d22c9d2….txt	9f2c…:1a7e…	/var/lib/docker/overlay2/418199c0…/merged
 * </pre>
 */
public final class RootfsTableParser {
  /** A full container ID. Example match: 64 hex digits. */
  private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{64}");

  private RootfsTableParser() {}

  public static boolean looksLike(TextBlock t) {
    int first = t.firstNonBlank();
    if (first < 0) {
      return false;
    }
    String[] f = t.lines().get(first).split("\t", -1);
    return f.length == 7 && FULL_ID.matcher(f[1]).matches() && List.of("docker", "containerd", "cri-o").contains(f[0]);
  }

  public static List<RootfsRow> parse(TextBlock t, ParseIssues issues) {
    List<RootfsRow> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      String l = t.lines().get(i);
      if (l.isBlank()) {
        continue;
      }
      String[] f = l.split("\t", -1);
      if (f.length != 7 || !FULL_ID.matcher(f[1]).matches()) {
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
