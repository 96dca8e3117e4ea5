package io.podmortem.synth;

import io.podmortem.synth.Model.Ctr;
import io.podmortem.synth.Model.Layer;
import io.podmortem.synth.Model.Node;
import io.podmortem.synth.Model.Pod;
import io.podmortem.synth.Model.Proc;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * The same node as a responder captures it by hand on a Docker node, the way the seed does: a {@code ps faxno}
 * forest, a {@code docker ps -a} table, and one terminal session that, for every running container, asks
 * {@code docker inspect} for its merged dir, goes there, lists it with {@code find . | sed -e 's;^./;;'} and prints
 * its os-release. The listing is each container's merged view (its image's layers, then its upper dir with its
 * whiteouts), so its count is the count the collector's layer listings give for the same container.
 */
final class HandCaptured {
  private static final String DOCKER = "/var/lib/docker/overlay2";

  private HandCaptured() {}

  static void write(Node n, List<Pod> pods, Path out) throws IOException {
    Path session = Files.createTempFile(out.toAbsolutePath().getParent(), ".podmortem-session-", ".txt");
    try {
      try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(session),
          StandardCharsets.UTF_8), 1 << 16)) {
        session(n, pods, w);
      }
      StringWriter ps = new StringWriter();
      List<Proc> procs = Renderers.all(n).stream().filter(p -> !p.args.equals(Renderers.TABLE_PS)).toList();
      Renderers.forest(procs, ps);
      GzipParameters gp = new GzipParameters();
      gp.setCompressionLevel(6);
      gp.setModificationTime(0);
      try (OutputStream fos = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
          GzipCompressorOutputStream gz = new GzipCompressorOutputStream(fos, gp);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        put(tar, "ps-faxno.txt", ps.toString().getBytes(StandardCharsets.UTF_8), n.now);
        put(tar, "docker-ps.txt", dockerPs(n, pods).getBytes(StandardCharsets.UTF_8), n.now);
        TarArchiveEntry e = BundleOut.entry("session.txt", Files.size(session), n.now);
        tar.putArchiveEntry(e);
        Files.copy(session, tar);
        tar.closeArchiveEntry();
        tar.finish();
      }
    } finally {
      Files.deleteIfExists(session);
    }
  }


  private static String dockerPs(Node n, List<Pod> pods) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-15s%-50s%-25s%-16s%-28s%-10s%s%n", "CONTAINER ID", "IMAGE", "COMMAND", "CREATED",
        "STATUS", "PORTS", "NAMES"));
    for (Pod p : pods) {
      for (Ctr c : containersOf(p)) {
        boolean sandbox = "sandbox".equals(c.kind);
        String image = sandbox ? "registry.k8s.io/pause:3.10" : c.image.ref;
        String command = sandbox ? "/pause" : c.image.command;
        command = "\"" + (command.length() > 20 ? command.substring(0, 20) + "…" : command) + "\"";
        String status = c.running() ? "Up " + ago(n.now - c.started) : "Exited (" + c.exitCode + ") "
            + ago(n.now - c.finished) + " ago";
        String name = "k8s_" + (sandbox ? "POD" : c.name) + "_" + p.name + "_" + p.ns + "_" + p.uid + "_" + c.attempt;
        sb.append(String.format("%-15s%-50s%-25s%-16s%-28s%-10s%s%n", c.id.substring(0, 12), image, command,
            ago(n.now - c.created) + " ago", status, "", name));
      }
    }
    return sb.toString();
  }

  /** A pod's containers, its sandbox first. */
  private static List<Ctr> containersOf(Pod p) {
    List<Ctr> cs = new ArrayList<>();
    cs.add(p.sandbox);
    cs.addAll(p.containers);
    return cs;
  }

  /** docker's "3 days", "5 hours", "About a minute". */
  private static String ago(double seconds) {
    long s = (long) seconds;
    if (s >= 2 * 86400) {
      return s / 86400 + " days";
    }
    if (s >= 2 * 3600) {
      return s / 3600 + " hours";
    }
    return s >= 120 ? s / 60 + " minutes" : "About a minute";
  }

  private static void session(Node n, List<Pod> pods, Writer w) throws IOException {
    Map<String, String[]> layerPaths = new HashMap<>();
    String home = "root@" + n.host + ":~# ";
    for (Ctr c : pods.stream().flatMap(p -> containersOf(p).stream()).toList()) {
      if (!c.running()) {
        continue;
      }
      String id12 = c.id.substring(0, 12);
      String merged = DOCKER + "/" + Hex.id(new Random(c.id.hashCode())) + "/merged";
      w.write(home + "docker inspect --format='{{.GraphDriver.Data.MergedDir}}' " + id12 + "\n");
      w.write(merged + "\n");
      w.write(home + "cd " + merged + "\n");
      String here = "root@" + n.host + ":" + merged + "# ";
      w.write(here + "find . | sed -e 's;^./;;'\n");
      w.write(".\n");
      for (String p : mergedView(c, layerPaths)) {
        w.write(p);
        w.write('\n');
      }
      w.write(here + "cat etc/os-release\n");
      String os = "sandbox".equals(c.kind) ? null : c.image.osRelease;
      w.write(os != null ? os : "cat: etc/os-release: No such file or directory\n");
      w.write(here + "cd\n");
    }
  }

  /** The container's merged view: its image's layers, lowest first, then its upper dir; a whiteout hides a path. */
  private static TreeSet<String> mergedView(Ctr c, Map<String, String[]> layerPaths) throws IOException {
    TreeSet<String> view = new TreeSet<>();
    for (Layer l : c.image.layers) {
      for (String p : layerPaths.computeIfAbsent(l.key, k -> paths(l))) {
        view.add(p);
      }
    }
    StringWriter upper = new StringWriter();
    Listings.upper(c, (long) c.started, upper);
    for (String line : upper.toString().split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String path = line.split("\t", 3)[1];
      if (line.startsWith("c 0 ")) {
        view.remove(path);
        view.subSet(path + "/", path + "0").clear();
      } else {
        view.add(path);
      }
    }
    return view;
  }

  private static String[] paths(Layer l) {
    StringWriter w = new StringWriter();
    try {
      Listings.layer(l, w);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String[] lines = w.toString().split("\n");
    List<String> out = new ArrayList<>(lines.length);
    for (String line : lines) {
      if (!line.isEmpty()) {
        out.add(line.split("\t", 3)[1]);
      }
    }
    return out.toArray(String[]::new);
  }

  private static void put(TarArchiveOutputStream tar, String name, byte[] body, long mtime) throws IOException {
    tar.putArchiveEntry(BundleOut.entry(name, body.length, mtime));
    tar.write(body);
    tar.closeArchiveEntry();
  }
}
