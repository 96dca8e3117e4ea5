package io.podmortem.synth;

import io.podmortem.synth.Model.Ctr;
import io.podmortem.synth.Model.Layer;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Streams `find -printf` listings: an image layer as a realistic tree (a skeleton, then package folders under
 * /usr/lib, /usr/share/doc, site-packages and so on, up to the layer's entry count), and a container's upper dir
 * with drift (files in /tmp, a changed /etc/passwd, a whiteout of /etc/issue). A layer's listing is depth first, as
 * find's is: a folder's entries come right after it. Only the plan of folders is kept, never the files.
 */
final class Listings {
  private static final String[] BASE_SKELETON = {"d bin", "d boot", "d dev", "d etc", "f etc/passwd", "f etc/group",
      "f etc/hosts", "f etc/issue", "f etc/shadow", "f etc/nsswitch.conf", "d etc/ssl", "d etc/ssl/certs",
      "f etc/ssl/certs/ca-certificates.crt", "d home", "d proc", "d root", "d run", "d sbin", "d sys", "d tmp", "d usr",
      "d usr/bin", "f usr/bin/env", "d usr/sbin", "d usr/lib", "d usr/share", "d var", "d var/log", "d var/lib",
      "d var/cache"};
  private static final String[] BASE_ROOTS = {"usr/share/doc", "usr/lib/x86_64-linux-gnu", "usr/share/locale",
      "usr/share/man/man1", "usr/lib/python3/dist-packages", "usr/share/zoneinfo", "usr/share/i18n/charmaps",
      "usr/share/perl5", "usr/lib/gcc/x86_64-linux-gnu", "var/lib/dpkg/info"};
  private static final String[] RUNTIME_ROOTS = {"usr/local/lib/python3.12/site-packages", "opt/java/openjdk/lib",
      "opt/java/openjdk/legal", "usr/local/lib/node_modules", "opt/java/openjdk/jmods", "usr/local/include"};
  private static final String[] APP_ROOTS = {"app/node_modules", "app/lib", "app/static", "opt/app/share",
      "usr/local/share", "app/vendor/bundle/ruby/3.3.0/gems"};
  private static final String[] SYL = {"lib", "core", "net", "xml", "ssl", "zip", "gtk", "py", "js", "util", "http",
      "log", "io", "db", "yaml", "json", "proto", "grpc", "crypt", "auth", "cache", "text", "img", "font", "sql",
      "math", "time", "conf", "test", "tools", "glib", "perl", "ruby", "go", "rust", "boost", "icu", "curl"};
  private static final String[] EXT = {".so.1", ".py", ".js", ".h", ".gz", ".txt", ".json", ".mo", ".rb", ".class",
      ".pyc", ".jar", ".html", ".css", ".md", ""};

  private Listings() {}

  static void layer(Layer l, Writer w) throws IOException {
    Random r = new Random(l.seed);
    Emit e = new Emit(w, l.mtime, l.entries);
    if ("pause".equals(l.kind)) {
      e.line('f', "755", 0, 700_000, r, "pause", "");
      e.line('d', "755", 0, 0, r, "etc", "");
      e.line('f', "644", 0, 0, r, "etc/nsswitch.conf", "");
      return;
    }
    // First the plan: the skeleton, then package folders under random roots until the layer's entry count. Then the
    // listing, depth first as find walks a folder: everything under a folder comes right after it, never later.
    Tree root = new Tree(true, "");
    String[] roots;
    if ("base".equals(l.kind)) {
      for (String s : BASE_SKELETON) {
        root.add(s.substring(2), s.charAt(0) == 'd', null);
      }
      root.add("usr/lib/os-release", false, null);
      root.add("etc/os-release", false, "../usr/lib/os-release");
      roots = BASE_ROOTS;
    } else {
      roots = "runtime".equals(l.kind) ? RUNTIME_ROOTS : APP_ROOTS;
    }
    long planned = root.count();
    for (int pkg = 0; planned < l.entries; pkg++) {
      String at = roots[r.nextInt(roots.length)];
      Tree parent = root.add(at, true, null);
      int files = 3 + r.nextInt(40);
      parent.packages.add(new Package(pkg, r.nextLong(), files));
      planned += 1 + files;
    }
    write(root, "", e);
  }

  /** Lists a folder's entries, each folder followed at once by what it holds. */
  private static void write(Tree t, String path, Emit e) throws IOException {
    for (Map.Entry<String, Tree> c : t.children.entrySet()) {
      String p = path.isEmpty() ? c.getKey() : path + "/" + c.getKey();
      Tree child = c.getValue();
      if (!child.dir) {
        e.line(child.link == null ? 'f' : 'l', child.link == null ? "644" : "777", 0,
            child.link == null ? 100 + (p.hashCode() & 4095) : child.link.length(), new Random(p.hashCode()), p,
            child.link == null ? "" : child.link);
        continue;
      }
      e.line('d', "755", 0, 4096, new Random(p.hashCode()), p, "");
      write(child, p, e);
      for (Package pkg : child.packages) {
        writePackage(p, pkg.number(), new Random(pkg.seed()), pkg.files(), e);
      }
    }
  }

  /** A package's folder and its files, some in a subfolder that its later files then go into. */
  private static void writePackage(String at, int pkg, Random r, int files, Emit e) throws IOException {
    String dir = at + "/" + SYL[r.nextInt(SYL.length)] + SYL[r.nextInt(SYL.length)] + "-" + pkg;
    e.line('d', "755", 0, 4096, r, dir, "");
    String cur = dir;
    for (int i = 0; i < files && !e.full(); i++) {
      if (r.nextInt(8) == 0) {
        cur = dir + "/" + SYL[r.nextInt(SYL.length)] + i;
        e.line('d', "755", 0, 4096, r, cur, "");
        continue;
      }
      String name = SYL[r.nextInt(SYL.length)] + "_" + i + EXT[r.nextInt(EXT.length)];
      if (name.endsWith(".so.1") && r.nextBoolean()) {
        e.line('l', "777", 0, name.length() + 4, r, cur + "/" + name.replace(".so.1", ".so"), name);
      } else {
        e.line('f', r.nextInt(10) == 0 ? "755" : "644", 0, r.nextInt(200_000), r, cur + "/" + name, "");
      }
    }
  }

  /** A package planned under a folder: its number, the seed of its files' names, and how many lines they take. */
  private record Package(int number, long seed, int files) {}

  /** The plan of a layer's folders: the skeleton's entries, and the packages each folder gets. */
  private static final class Tree {
    final boolean dir;
    final String link;
    final TreeMap<String, Tree> children = new TreeMap<>();
    final List<Package> packages = new ArrayList<>();

    Tree(boolean dir, String link) {
      this.dir = dir;
      this.link = link == null || link.isEmpty() ? null : link;
    }

    /** Adds the path and the folders above it; returns its node. */
    Tree add(String path, boolean isDir, String link) {
      Tree t = this;
      String[] parts = path.split("/");
      for (int i = 0; i < parts.length; i++) {
        boolean last = i == parts.length - 1;
        Tree next = t.children.get(parts[i]);
        if (next == null) {
          next = new Tree(!last || isDir, last ? link : null);
          t.children.put(parts[i], next);
        }
        t = next;
      }
      return t;
    }

    /** Lines the plan gives so far: its folders and files, before any package. */
    long count() {
      long n = 0;
      for (Tree c : children.values()) {
        n += 1 + c.count();
      }
      return n;
    }
  }

  static void upper(Ctr c, long startedAt, Writer w) throws IOException {
    Random r = new Random(c.id.hashCode());
    Emit e = new Emit(w, startedAt, Long.MAX_VALUE);
    if ("sandbox".equals(c.kind)) {
      e.dir(true, "dev", r);
      e.dir(true, "proc", r);
      e.dir(true, "sys", r);
      return;
    }
    e.line('d', "1777", 0, 4096, r, "tmp", "");
    for (int i = 0; i < c.driftFiles; i++) {
      e.line('f', "600", c.uid, r.nextInt(1 << 20), r, "tmp/" + SYL[r.nextInt(SYL.length)] + "-" + i + ".tmp", "");
    }
    if (c.driftEtc || c.driftWhiteout) {
      e.line('d', "755", 0, 4096, r, "etc", "");
    }
    if (c.driftEtc) {
      e.line('f', "644", 0, 1400 + r.nextInt(200), r, "etc/passwd", "");
    }
    if (c.driftWhiteout) {
      e.line('c', "0", 0, 0, r, "etc/issue", "");
    }
  }

  /** One listing's lines, counted against its cap. */
  private static final class Emit {
    private final Writer w;
    private final long mtime;
    private final long cap;
    private final Set<String> dirs = new HashSet<>();
    private final StringBuilder sb = new StringBuilder(256);
    private long n;

    Emit(Writer w, long mtime, long cap) {
      this.w = w;
      this.mtime = mtime;
      this.cap = cap;
    }

    boolean full() {
      return n >= cap;
    }

    void dir(boolean isDir, String path, Random r) throws IOException {
      if (isDir) {
        if (dirs.add(path)) {
          line('d', "755", 0, 4096, r, path, "");
        }
      } else {
        line('f', "644", 0, 100 + r.nextInt(4000), r, path, "");
      }
    }

    void line(char type, String mode, int uid, long size, Random r, String path, String link) throws IOException {
      if (n >= cap) {
        return;
      }
      n++;
      sb.setLength(0);
      sb.append(type).append(' ').append(mode).append(' ').append(uid).append(' ').append(uid).append(' ')
          .append(size).append(' ').append(mtime).append('.');
      if (type == 'f') {
        String frac = Integer.toString(r.nextInt(1_000_000_000));
        for (int i = frac.length(); i < 9; i++) {
          sb.append('0');
        }
        sb.append(frac).append('0');
      } else {
        sb.append("0000000000");
      }
      sb.append('\t').append(path).append('\t').append(link).append('\n');
      w.append(sb);
    }
  }
}
