package io.podmortem.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the overlay mounts of {@code /proc/self/mountinfo} (proc(5)); other mounts are skipped.
 *
 * <pre>
 * 59 42 0:50 / /var/lib/docker/overlay2/418199c0…/merged rw,relatime shared:3 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/MYYOFRHBKHH3SO7WF4IIGDEDMI:/var/lib/docker/overlay2/l/XTI4DYK2P3YBMVCD4U3JA3ABEQ,upperdir=/var/lib/docker/overlay2/418199c0…/diff,workdir=/var/lib/docker/overlay2/418199c0…/work
 * </pre>
 */
public final class MountinfoParser {
  /**
   * Mount ID, parent ID, major:minor, root, mount point, options, optional fields, then {@code -}, type, source and
   * super options. Example match: the line above.
   */
  private static final Pattern LINE = Pattern.compile(
      "^\\d+ \\d+ \\d+:\\d+ (?<root>\\S+) (?<point>\\S+) \\S+(?: \\S+)* - (?<type>\\S+) (?<source>\\S+) (?<opts>\\S*)$");

  private MountinfoParser() {}

  public static boolean looksLike(TextBlock t) {
    int first = t.firstNonBlank();
    return first >= 0 && LINE.matcher(t.lines().get(first)).matches();
  }

  public static List<OverlayMount> parse(TextBlock t, ParseIssues issues) {
    List<OverlayMount> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      String l = t.lines().get(i);
      if (l.isBlank()) {
        continue;
      }
      Matcher m = LINE.matcher(l);
      if (!m.matches()) {
        issues.add(t, i, 1, "expected a mountinfo line, got " + ParseIssues.quote(l));
        continue;
      }
      if (!m.group("type").equals("overlay")) {
        continue;
      }
      List<String> lowers = new ArrayList<>();
      String upper = null;
      for (String opt : m.group("opts").split(",")) {
        if (opt.startsWith("lowerdir=")) {
          for (String d : opt.substring("lowerdir=".length()).split(":")) {
            lowers.add(unescape(d));
          }
        } else if (opt.startsWith("upperdir=")) {
          upper = unescape(opt.substring("upperdir=".length()));
        }
      }
      out.add(new OverlayMount(t.ref(i), unescape(m.group("point")), lowers, upper));
    }
    return out;
  }

  /**
   * A CRI sandbox's own files, bind-mounted into each container of the pod. Example matches:
   * {@code /var/lib/containerd/io.containerd.grpc.v1.cri/sandboxes/b136f3d2…/hostname},
   * {@code /run/containers/storage/overlay-containers/2ac4c84c…/userdata/resolv.conf}
   */
  private static final Pattern SANDBOX_FILE = Pattern.compile(
      ".*/(?:io\\.containerd\\.grpc\\.v1\\.cri/sandboxes|overlay-containers)/(?<id>[0-9a-f]{64})/(?:userdata/)?"
          + "(?:hostname|resolv\\.conf|hosts|shm)$");

  /**
   * A container's own secrets folder under containers/storage, which CRI-O bind-mounts into it at /run/secrets
   * (its hostname, resolv.conf and .containerenv come from the pod's sandbox). Example match:
   * {@code /containers/storage/overlay-containers/a8f62e52…/userdata/run/secrets}.
   */
  private static final Pattern OWN_FILE = Pattern.compile(
      ".*/overlay-containers/(?<id>[0-9a-f]{64})/userdata/run/secrets$");

  /**
   * The container a mount table was read in, where it shows: the root of its cgroup mounts (a host's own table has
   * {@code /} there) and the sandbox files it mounts. Null when it shows neither.
   */
  public static ContainerMounts container(TextBlock t) {
    String cgroup = null;
    io.podmortem.model.SourceRef cgroupRef = null;
    String sandbox = null;
    io.podmortem.model.SourceRef sandboxRef = null;
    String own = null;
    io.podmortem.model.SourceRef ownRef = null;
    for (int i = 0; i < t.size(); i++) {
      Matcher m = LINE.matcher(t.lines().get(i));
      if (!m.matches()) {
        continue;
      }
      String root = unescape(m.group("root"));
      boolean cgroupMount = m.group("type").equals("cgroup") || m.group("type").equals("cgroup2");
      if (cgroupMount && root.length() > 1 && (cgroup == null || root.length() > cgroup.length())) {
        cgroup = root;
        cgroupRef = t.ref(i);
      }
      Matcher s = SANDBOX_FILE.matcher(root);
      if (sandbox == null && root.length() < 4096 && s.matches()) {
        sandbox = s.group("id");
        sandboxRef = t.ref(i);
      }
      Matcher o = OWN_FILE.matcher(root);
      if (own == null && root.length() < 4096 && o.matches()) {
        own = o.group("id");
        ownRef = t.ref(i);
      }
    }
    return cgroup == null && sandbox == null && own == null ? null
        : new ContainerMounts(cgroup, cgroupRef, sandbox, sandboxRef, own, ownRef);
  }

  /** mountinfo writes space, tab, newline and backslash in paths as octal escapes ({@code \040}). */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
