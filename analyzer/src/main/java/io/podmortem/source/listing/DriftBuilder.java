package io.podmortem.source.listing;

import io.podmortem.model.Drift;
import io.podmortem.model.DriftEntry;
import io.podmortem.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A container's drift, as its upper dir streams past: each entry against the merged view of its image layers. A
 * path the layers hold is changed, one they lack is added, and a whiteout is a deletion. Directories that overlayfs
 * copied up only to hold a changed child are not drift. Only counts and a bounded list of entries are kept.
 */
final class DriftBuilder implements ListingReader.Sink {
  /** Above this many changes the report lists only the counts per folder and the notable entries. */
  static final int LIST_ALL_UP_TO = 200;
  static final int MAX_NOTABLE = 100;
  /** Top-level folders counted by name at most; the rest are counted together. */
  static final int MAX_TOP_DIRS = 500;
  static final String OTHER_TOP_DIRS = "(other folders)";

  /**
   * Where the runtime mounts something into every container: runc creates the empty folder or file in the upper
   * dir when the image lacks it (containerd and CRI-O have no init layer to hold them, as Docker does).
   */
  private static final Set<String> RUNTIME_MOUNTPOINTS = Set.of("dev", "proc", "sys", "run", "etc", "var", "var/run",
      "dev/pts", "dev/shm", "dev/mqueue", "dev/termination-log", "etc/hosts", "etc/hostname", "etc/resolv.conf",
      "etc/mtab", ".dockerenv", "var/run/secrets", "var/run/secrets/kubernetes.io",
      "var/run/secrets/kubernetes.io/serviceaccount", "run/secrets", "run/.containerenv");

  private final String entry;
  private final MergedView lower;
  private int added;
  private int changed;
  private int deleted;
  /** Entries of the upper dir the layers lack: with the lower view's size, the merged view's, if nothing is deleted. */
  private int fresh;
  private final TreeMap<String, Integer> perTop = new TreeMap<>();
  private final List<DriftEntry> all = new ArrayList<>();
  private final List<DriftEntry> notable = new ArrayList<>();
  private int notableCount;

  DriftBuilder(String entry, MergedView lower) {
    this.entry = entry;
    this.lower = lower;
  }

  @Override
  public void line(ListingLine e) {
    if (e.opaque) {
      return;
    }
    String change;
    String path;
    if (e.whiteout) {
      change = "deleted";
      path = e.deletedPath();
      deleted++;
    } else if (lower.contains(e.hash)) {
      if (e.type == 'd') {
        return;
      }
      change = "changed";
      path = e.path();
      changed++;
    } else {
      fresh++;
      path = e.path();
      if (RUNTIME_MOUNTPOINTS.contains(path) && (e.type == 'd' || e.size == 0)) {
        return;
      }
      change = "added";
      added++;
    }
    DriftEntry d = new DriftEntry(change, "/" + path, e.type, e.mode, e.uid, e.gid, e.size, e.mtime,
        new SourceRef(entry, e.lineNo));
    String top = topDir(path);
    perTop.merge(perTop.size() < MAX_TOP_DIRS || perTop.containsKey(top) ? top : OTHER_TOP_DIRS, 1, Integer::sum);
    if (all.size() <= LIST_ALL_UP_TO) {
      all.add(d);
    }
    if (notable(d) && ++notableCount <= MAX_NOTABLE) {
      notable.add(d);
    }
  }

  /** Upper entries the layers lack, whiteouts aside. */
  int fresh() {
    return fresh;
  }

  Drift build(boolean truncated) {
    boolean many = added + changed + deleted > LIST_ALL_UP_TO;
    return new Drift(added, changed, deleted, perTop, notable, notableCount, many ? List.of() : all, truncated);
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
    return d.executable() || d.setuidOrSetgid() || isTemp(p) || isHidden(p) || isSystem(p);
  }

  private static String topDir(String path) {
    int slash = path.indexOf('/');
    return "/" + (slash < 0 ? path : path.substring(0, slash));
  }

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
