package io.podmortem.assemble;

import io.podmortem.model.QosClass;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads kubelet's cgroup layout: the systemd driver's slices and scopes, and the cgroupfs driver's folders.
 *
 * <pre>
 * /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod4d7d3d81_a769_….slice/docker-d5fa78fa….scope
 * /kubepods.slice/kubepods-pod&lt;uid_&gt;.slice/cri-containerd-&lt;id&gt;.scope          (Guaranteed: no QoS level)
 * /kubepods/besteffort/pod8bf2d7ec-4850-427f-860f-465a9ff84841/&lt;64 hex&gt;             (cgroupfs)
 * </pre>
 */
public final class CgroupPaths {
  /**
   * A pod slice. Example matches: {@code kubepods-burstable-podf8b2b52e_6673_4966_82b1_3fbe052a0297.slice},
   * {@code kubelet-kubepods-pod2b698bd8_b22c_4173_bf9d_900c652aab26.slice}.
   */
  private static final Pattern POD_SLICE = Pattern.compile(
      "^(?:kubelet-)?kubepods(?:-(?<qos>burstable|besteffort))?-pod(?<uid>[0-9a-fA-F_]{32,36})\\.slice$");
  /** A cgroupfs pod folder. Example match: {@code pod8bf2d7ec-4850-427f-860f-465a9ff84841}. */
  private static final Pattern POD_DIR = Pattern.compile("^pod(?<uid>[0-9a-fA-F-]{32,36})$");
  /**
   * A container scope. Example matches: {@code docker-6f417fd8….scope}, {@code cri-containerd-0c316eb8….scope},
   * {@code crio-15b6e0c6….scope}, and a bare 64-hex cgroupfs folder.
   */
  private static final Pattern SCOPE = Pattern.compile(
      "^(?:(?<runtime>docker|cri-containerd|crio-conmon|crio|libpod)-)?(?<id>[0-9a-f]{64})(?:\\.scope)?$");

  /** CRI-O's monitor of a container runs in a scope of its own beside the container's: crio-conmon-<id>.scope. */
  static final String CONMON = "crio-conmon";

  private CgroupPaths() {}

  /** What the path says; null when it is not inside a pod's cgroup. */
  public static CgroupPlacement parse(String path) {
    if (path == null) {
      return null;
    }
    int colon = path.lastIndexOf(':');
    if (colon > 0 && path.lastIndexOf('/') < colon) {
      // A runtime spec's slice:prefix:id that ended up as a path (seen under containerd.service): expand it.
      String last = path.substring(path.lastIndexOf('/') + 1);
      return last.contains(".slice:") ? parse(fromCgroupsPath(last)) : null;
    }
    String[] parts = path.split("/");
    QosClass qos = null;
    String uid = null;
    StringBuilder podPath = null;
    StringBuilder at = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty()) {
        continue;
      }
      at.append('/').append(p);
      if (uid == null) {
        Matcher slice = POD_SLICE.matcher(p);
        Matcher dir = POD_DIR.matcher(p);
        if (slice.matches()) {
          uid = slice.group("uid").replace('_', '-');
          qos = slice.group("qos") == null ? QosClass.GUARANTEED : QosClass.parse(slice.group("qos"));
          podPath = new StringBuilder(at);
        } else if (dir.matches() && i > 0 && isKubepodsLevel(parts, i)) {
          uid = dir.group("uid");
          String level = parts[i - 1];
          qos = level.equals("kubepods") ? QosClass.GUARANTEED : QosClass.parse(level);
          podPath = new StringBuilder(at);
        }
      } else {
        Matcher scope = SCOPE.matcher(p);
        if (scope.matches()) {
          return new CgroupPlacement(qos, uid, podPath.toString(), scope.group("id"), scope.group("runtime"));
        }
      }
    }
    return uid == null ? null : new CgroupPlacement(qos, uid, podPath.toString(), null, null);
  }

  /**
   * The container a cgroup path names, whether or not it is in a pod: {@code /docker/<id>},
   * {@code /system.slice/docker-<id>.scope}, a pod's scope. Null when the path names none.
   */
  public static String containerId(String path) {
    if (path == null) {
      return null;
    }
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      Matcher scope = SCOPE.matcher(parts[i]);
      if (scope.matches()) {
        // conmon's own scope names the container it watches, but conmon is not in that container.
        return CONMON.equals(scope.group("runtime")) ? null : scope.group("id");
      }
    }
    return null;
  }

  /**
   * The cgroup path a runtime spec's {@code cgroupsPath} names. The systemd driver writes
   * {@code slice:prefix:id}, and systemd nests a slice under each dash-separated prefix of its name, so
   * {@code kubepods-besteffort-pod25fa_….slice:cri-containerd:7d6a…} is
   * {@code /kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod25fa_….slice/cri-containerd-7d6a….scope}.
   * A cgroupfs path ({@code /kubepods/besteffort/pod<uid>/<id>}) is returned as it is.
   */
  public static String fromCgroupsPath(String cgroupsPath) {
    if (cgroupsPath == null || cgroupsPath.isEmpty()) {
      return null;
    }
    String[] parts = cgroupsPath.split(":", -1);
    if (parts.length != 3 || !parts[0].endsWith(".slice")) {
      return cgroupsPath;
    }
    return expandSlice(parts[0]) + "/" + parts[1] + "-" + parts[2] + ".scope";
  }

  /** {@code a-b-c.slice} gives {@code /a.slice/a-b.slice/a-b-c.slice}, as systemd nests slices. */
  static String expandSlice(String slice) {
    String name = slice.substring(0, slice.length() - ".slice".length());
    StringBuilder path = new StringBuilder();
    int dash = -1;
    while ((dash = name.indexOf('-', dash + 1)) >= 0) {
      path.append('/').append(name, 0, dash).append(".slice");
    }
    return path.append('/').append(slice).toString();
  }

  private static boolean isKubepodsLevel(String[] parts, int i) {
    String level = parts[i - 1];
    return level.equals("kubepods") || (i > 1 && parts[i - 2].equals("kubepods")
        && (level.equals("burstable") || level.equals("besteffort")));
  }
}
