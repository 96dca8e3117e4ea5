package io.podmortem.source;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one list of the formats podmortem reads: each format once, with its recognizer (and the evidence it looks
 * for), and its parser, which reads a block and files what it yields. Recognizers are tried in the order of the
 * lists. Adding a format is one registration here and one parser class; the command words that hint at a format
 * are in {@link Sniffer#hint}.
 */
final class Formats {
  /** Reads one block of the format into the observations; returns what it read, for the caller's own use. */
  @FunctionalInterface
  interface Parser {
    Object parse(TextBlock t, ParseIssues issues, Observations.Builder out);
  }

  /**
   * One format: its recognizer, a function from a head sample to the evidence it found there, in a clause for the
   * report's Sources table, or null when the head is not of this format; and its parser.
   */
  record Registration(Format format, Function<TextBlock, String> recognizer, Parser parser) {
    /** A recognizer that accepts or not, and always finds the same evidence. */
    Registration(Format format, Predicate<TextBlock> accepts, String evidence, Parser parser) {
      this(format, t -> accepts.test(t) ? evidence : null, parser);
    }

    String evidence(TextBlock head) {
      return recognizer.apply(head);
    }
  }

  /** Formats whose content is unmistakable: tried first, before a transcript prompt or a command's hint. */
  static final List<Registration> DECISIVE = List.of(
      new Registration(Format.MANIFEST, ManifestParser::looksLike, "JSON that names podmortem-collect",
          (t, is, out) -> out.collection = ManifestParser.parse(t, is)),
      new Registration(Format.SOS_MANIFEST, SosManifestParser::looksLike,
          "JSON with sos's cmdline and components: a sosreport's manifest",
          (t, is, out) -> out.collection = SosManifestParser.parse(t, is)),
      new Registration(Format.DOCKER_INSPECT, DockerInspectParser::looksLike,
          "a JSON array whose first object has docker's \"Id\" and \"GraphDriver\" or \"HostConfig\"",
          (t, is, out) -> addAll(out.dockerContainers, DockerInspectParser.parse(t, is))),
      new Registration(Format.SOS_VERSION, SosLayout::versionEvidence, (t, is, out) -> {
        out.sosVersion = SosLayout.version(t);
        return out.sosVersion;
      }),
      // Known by its path: a file of bare numbers says nothing by its content.
      new Registration(Format.CGROUP_PROCS, CgroupProcsParser::evidence,
          Formats::cgroupProcs),
      new Registration(Format.DOCKER_PS_JSON, DockerPsJsonParser::looksLike,
          "JSON lines with docker ps's keys (ID, Image, Names, Status)",
          (t, is, out) -> add(out.dockerPs, DockerPsJsonParser.parse(t, is))));

  /** The other formats, tried in this order; the first whose recognizer accepts the head decides. */
  static final List<Registration> BY_CONTENT = List.of(
      new Registration(Format.CRI_PODS, CriPodsParser::looksLike,
          "crictl's sandboxes: JSON items or an inspectp status with a SANDBOX_ state, or a crictl pods header",
          (t, is, out) -> addAll(out.criPods, CriPodsParser.parse(t, is))),
      new Registration(Format.CRI_CONTAINERS, CriContainersParser::looksLike,
          "crictl's containers: a JSON containers list or an inspect status with a CONTAINER_ state, or a crictl ps "
              + "header or row",
          (t, is, out) -> addAll(out.criContainers, CriContainersParser.parse(t, is))),
      new Registration(Format.KUBECTL_PODS_JSON, KubePodsJsonParser::looksLike,
          "JSON of kind Pod or PodList with containers or containerStatuses",
          (t, is, out) -> addAll(out.kubePods, KubePodsJsonParser.parse(t, is))),
      new Registration(Format.LISTING, ListingParser::looksLike, "the collector's find -printf listing lines",
          (t, is, out) -> ListingParser.parse(t, is)),
      new Registration(Format.ROOTFS_TABLE, RootfsTableParser::looksLike, "the collector's containers.tsv columns",
          (t, is, out) -> addAll(out.rootfsRows, RootfsTableParser.parse(t, is))),
      new Registration(Format.PROC_CGROUP, ProcCgroupParser::looksLike,
          "lines of hierarchy-ID:controllers:/path, as /proc/<pid>/cgroup prints them",
          (t, is, out) -> add(out.procCgroups, ProcCgroupParser.parse(t, is))),
      new Registration(Format.MOUNTINFO, MountinfoParser::looksLike,
          "lines of mount ID, parent ID, major:minor, root, mount point, … - type source options",
          Formats::mountinfo),
      new Registration(Format.SYSTEMD_CGLS, CglsParser::evidence,
          (t, is, out) -> add(out.cgroupTrees, CglsParser.parse(t, is))),
      new Registration(Format.DOCKER_EVENTS, DockerEventsParser::looksLike,
          "lines of a time, an object type and an action, as docker events prints them",
          (t, is, out) -> addAll(out.dockerEvents, DockerEventsParser.parse(t, is, DockerEventsParser::used,
              io.podmortem.bundle.Limits.MAX_RUNTIME_EVENTS))),
      new Registration(Format.DOCKER_STATS, DockerStatsParser::looksLike,
          "its first line is a docker stats header (CPU %, MEM USAGE / LIMIT)",
          (t, is, out) -> addAll(out.dockerStats, DockerStatsParser.parse(t, is))),
      new Registration(Format.DOCKER_PS, DockerPsParser::looksLike, "its first line is a docker ps header",
          (t, is, out) -> add(out.dockerPs, new DockerPsParser().parse(t, is))),
      new Registration(Format.KUBECTL_PODS, KubectlPodsParser::looksLike,
          "its first line is a kubectl get pods header",
          (t, is, out) -> add(out.kubectlPods, new KubectlPodsParser().parse(t, is))),
      new Registration(Format.PSTREE, PstreeParser::evidence,
          (t, is, out) -> add(out.forests, PstreeParser.parse(t, is))),
      new Registration(Format.PS_FOREST, PsForestParser::evidence, Formats::ps),
      new Registration(Format.OS_RELEASE, OsReleaseParser::looksLike,
          "assignments only, one of them a well-known os-release key", (t, is, out) -> OsReleaseParser.parse(t, is)),
      new Registration(Format.FILE_OUTPUT, FileDescriptionParser::looksLike,
          "name: description lines, as file(1) prints them", (t, is, out) -> FileDescriptionParser.parse(t, is)));

  /** Formats whose content alone says too little: taken only where a command's hint names them. */
  static final List<Registration> BY_HINT = List.of(
      new Registration(Format.FIND_LISTING, FindListingParser::looksLike, "bare paths, as find prints them",
          (t, is, out) -> FindListingParser.parse(t, is)),
      // A lone number is a count only where wc -l printed it: in a sosreport, thousands of sysfs and procfs files
      // hold one number each, and are values.
      new Registration(Format.COUNT, CountParser::looksLike, "a single count",
          (t, is, out) -> CountParser.parse(t, is).orElse(null)),
      new Registration(Format.TREE_LISTING, TreeListingParser::looksLike,
          "a tree's names, as ls -R (a directory's header first) or tar -t lists them",
          (t, is, out) -> TreeListingParser.parse(t, is)));

  /** Reads one entry's JSON as it streams, one object at a time; {@code head} numbers the lines. */
  @FunctionalInterface
  interface StreamParser {
    Object parse(TextBlock head, java.io.Reader text, ParseIssues issues, Observations.Builder out);
  }

  /**
   * The JSON formats read from the entry's stream rather than held: a list of any length is read one object at a
   * time, within the bounds of {@link io.podmortem.bundle.Limits}. crictl's tables share their formats with its
   * JSON, so these apply to JSON only.
   */
  static final java.util.Map<Format, StreamParser> STREAMED = java.util.Map.of(
      Format.DOCKER_INSPECT, (t, r, is, out) -> addAll(out.dockerContainers, DockerInspectParser.parse(t, r, is)),
      Format.CRI_PODS, (t, r, is, out) -> addAll(out.criPods, CriPodsParser.parse(t, r, is)),
      Format.CRI_CONTAINERS, (t, r, is, out) -> addAll(out.criContainers, CriContainersParser.parse(t, r, is)),
      Format.KUBECTL_PODS_JSON, (t, r, is, out) -> addAll(out.kubePods, KubePodsJsonParser.parse(t, r, is)));

  private Formats() {}

  /** The parser of a format; null for a format that is recorded but not read (empty, unknown, a value). */
  static Parser parser(Format f) {
    for (List<Registration> list : List.of(DECISIVE, BY_CONTENT, BY_HINT)) {
      for (Registration r : list) {
        if (r.format() == f) {
          return r.parser();
        }
      }
    }
    return null;
  }

  /** The content and hint registrations together, for a command's hint to pick from. */
  static List<Registration> hintable() {
    List<Registration> all = new ArrayList<>(BY_CONTENT);
    all.addAll(BY_HINT);
    return all;
  }

  private static Object mountinfo(TextBlock t, ParseIssues issues, Observations.Builder out) {
    ContainerMounts view = MountinfoParser.container(t);
    if (view != null) {
      out.containerMounts.add(view);
    }
    List<OverlayMount> mounts = MountinfoParser.parse(t, issues);
    // sos copies every process's mount table, and each host process's lists every container's overlay again:
    // one is kept of each, and every root mount, which is the process's own container's.
    for (OverlayMount m : mounts) {
      if (m.mountPoint().equals("/") || out.seenOverlays.add(m.mountPoint() + "\0" + m.upperDir())) {
        out.overlayMounts.add(m);
      }
    }
    return mounts;
  }

  /**
   * A copied cgroup's process list. Under cgroup v1 each hierarchy (memory, pids, …) repeats the same tree, and a
   * cgroup's {@code tasks} its {@code cgroup.procs}: the first copy of each cgroup read places its processes.
   */
  private static Object cgroupProcs(TextBlock t, ParseIssues issues, Observations.Builder out) {
    ProcCgroups placed = CgroupProcsParser.parse(t, issues);
    return out.copiedCgroups.add(SosLayout.cgroupOf(t.entry())) ? add(out.procCgroups, placed) : placed;
  }

  /** A ps table with a CGROUP column places each process in its cgroup, as /proc/<pid>/cgroup does. */
  private static Object ps(TextBlock t, ParseIssues issues, Observations.Builder out) {
    PsForest f = new PsForestParser().parse(t, issues);
    out.forests.add(f);
    ProcCgroups placed = ProcCgroupParser.fromPs(f);
    if (placed != null) {
      out.procCgroups.add(placed);
    }
    return f;
  }

  private static <T> List<T> addAll(List<T> list, List<T> values) {
    list.addAll(values);
    return values;
  }

  private static <T> T add(List<T> list, T value) {
    list.add(value);
    return value;
  }
}
