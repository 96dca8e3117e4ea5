package io.podmortem.assemble;

import io.podmortem.model.Drift;
import io.podmortem.model.DriftEntry;
import io.podmortem.model.SourceRef;
import io.podmortem.source.Listing;
import io.podmortem.source.ListingEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A container's drift: its upper dir against the merged view of its image layers. A path the layers hold is
 * changed, one they lack is added, and a whiteout is a deletion. Directories that overlayfs copied up only to hold
 * a changed child are not drift.
 */
final class DriftAssembler {
  /** Above this many changes the report lists only the counts per folder and the notable entries. */
  static final int LIST_ALL_UP_TO = 200;
  static final int MAX_NOTABLE = 100;

  /**
   * Where the runtime mounts something into every container: runc creates the empty folder or file in the upper
   * dir when the image lacks it (containerd and CRI-O have no init layer to hold them, as Docker does).
   */
  private static final Set<String> RUNTIME_MOUNTPOINTS = Set.of("dev", "proc", "sys", "run", "etc", "var", "var/run",
      "dev/pts", "dev/shm", "dev/mqueue", "dev/termination-log", "etc/hosts", "etc/hostname", "etc/resolv.conf",
      "etc/mtab", ".dockerenv", "var/run/secrets", "var/run/secrets/kubernetes.io",
      "var/run/secrets/kubernetes.io/serviceaccount", "run/secrets", "run/.containerenv");

  private DriftAssembler() {}

  static Drift of(Listing upper, List<Listing> lowersLowestFirst) {
    Set<String> lower = LayerMerge.paths(lowersLowestFirst);
    int added = 0;
    int changed = 0;
    int deleted = 0;
    TreeMap<String, Integer> perTop = new TreeMap<>();
    List<DriftEntry> all = new ArrayList<>();
    List<DriftEntry> notable = new ArrayList<>();
    for (ListingEntry e : upper.entries()) {
      String change;
      String path;
      if (e.isOpaqueMarker()) {
        continue;
      } else if (e.isWhiteout()) {
        change = "deleted";
        path = e.whitedOut();
        deleted++;
      } else if (lower.contains(e.path())) {
        if (e.type() == 'd') {
          continue;
        }
        change = "changed";
        path = e.path();
        changed++;
      } else {
        if (RUNTIME_MOUNTPOINTS.contains(e.path()) && (e.type() == 'd' || e.size() == 0)) {
          continue;
        }
        change = "added";
        path = e.path();
        added++;
      }
      DriftEntry d = new DriftEntry(change, "/" + path, e.type(), e.mode(), e.uid(), e.gid(), e.size(), e.mtime(),
          new SourceRef(upper.entry(), e.line()));
      perTop.merge(topDir(path), 1, Integer::sum);
      if (all.size() <= LIST_ALL_UP_TO) {
        all.add(d);
      }
      if (notable(d) && notable.size() < MAX_NOTABLE) {
        notable.add(d);
      }
    }
    boolean many = added + changed + deleted > LIST_ALL_UP_TO;
    return new Drift(added, changed, deleted, perTop, notable, many ? List.of() : all, upper.truncated());
  }

  /**
   * Executables, setuid or setgid files, and files in temp or hidden paths or under /etc or a bin folder. A folder
   * is never notable by itself: what it holds is.
   */
  static boolean notable(DriftEntry d) {
    if (d.type() == 'd') {
      return false;
    }
    String p = d.path();
    return d.executable() || d.setuidOrSetgid() || Paths.isTemp(p) || Paths.isHidden(p) || Paths.isSystem(p);
  }

  private static String topDir(String path) {
    int slash = path.indexOf('/');
    return "/" + (slash < 0 ? path : path.substring(0, slash));
  }

  /** Which paths inside a container deserve a second look. */
  static final class Paths {
    private Paths() {}

    static boolean isTemp(String p) {
      return p.startsWith("/tmp/") || p.startsWith("/dev/shm/") || p.startsWith("/var/tmp/");
    }

    static boolean isHidden(String p) {
      for (String part : p.split("/")) {
        if (part.startsWith(".") && !part.equals(".") && !part.equals("..")) {
          return true;
        }
      }
      return false;
    }

    static boolean isSystem(String p) {
      return p.startsWith("/etc/") || p.startsWith("/bin/") || p.startsWith("/sbin/") || p.startsWith("/usr/bin/")
          || p.startsWith("/usr/sbin/") || p.startsWith("/lib/") || p.startsWith("/usr/lib/");
    }
  }
}
