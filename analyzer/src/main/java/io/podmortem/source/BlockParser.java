package io.podmortem.source;

import io.podmortem.model.SourceInfo;

/** Parses one block in the format the sniffer chose, records what it yields and how the block was read. */
final class BlockParser {
  private static final int MAX_ISSUES = 100;

  private final Observations.Builder out;

  BlockParser(Observations.Builder out) {
    this.out = out;
  }

  /** Parses and records; returns the parsed value (a forest, a table, an os-release, …) or null. */
  Object parse(TextBlock t, Recognition recognition) {
    return parse(t, recognition, 0);
  }

  /** As {@link #parse(TextBlock, Recognition)}, for a transcript segment whose prompt is at {@code promptLine}. */
  Object parse(TextBlock t, Recognition recognition, int promptLine) {
    ParseIssues issues = ParseIssues.bounded(MAX_ISSUES);
    Object value = switch (recognition.format()) {
      case PS_FOREST -> forest(new PsForestParser().parse(t, issues));
      case DOCKER_PS -> add(out.dockerPs, new DockerPsParser().parse(t, issues));
      case KUBECTL_PODS -> add(out.kubectlPods, new KubectlPodsParser().parse(t, issues));
      case SYSTEMD_CGLS -> add(out.cgroupTrees, CglsParser.parse(t, issues));
      case OS_RELEASE -> OsReleaseParser.parse(t, issues);
      case FILE_OUTPUT -> FileDescriptionParser.parse(t, issues);
      case FIND_LISTING -> FindListingParser.parse(t, issues);
      case COUNT -> CountParser.parse(t, issues).orElse(null);
      case MANIFEST -> out.collection = ManifestParser.parse(t, issues);
      case DOCKER_INSPECT -> addAll(out.dockerContainers, DockerInspectParser.parse(t, issues));
      case DOCKER_PS_JSON -> add(out.dockerPs, DockerPsJsonParser.parse(t, issues));
      case PROC_CGROUP -> add(out.procCgroups, ProcCgroupParser.parse(t, issues));
      case MOUNTINFO -> mountinfo(t, issues);
      case CRI_PODS -> addAll(out.criPods, CriPodsParser.parse(t, issues));
      case CRI_CONTAINERS -> addAll(out.criContainers, CriContainersParser.parse(t, issues));
      case KUBECTL_PODS_JSON -> addAll(out.kubePods, KubePodsJsonParser.parse(t, issues));
      case ROOTFS_TABLE -> addAll(out.rootfsRows, RootfsTableParser.parse(t, issues));
      case LISTING -> ListingParser.parse(t, issues);
      default -> null;
    };
    record(t, recognition, issues, promptLine);
    return value;
  }

  void record(TextBlock t, Recognition recognition, ParseIssues issues, int promptLine) {
    out.sources.add(new SourceInfo(t.entry(), promptLine, recognition.format().label(), recognition.reason(),
        t.command(), t.size(), issues.list()));
  }

  private java.util.List<OverlayMount> mountinfo(TextBlock t, ParseIssues issues) {
    ContainerMounts view = MountinfoParser.container(t);
    if (view != null) {
      out.containerMounts.add(view);
    }
    return addAll(out.overlayMounts, MountinfoParser.parse(t, issues));
  }

  /** A ps table with a CGROUP column places each process in its cgroup, as /proc/<pid>/cgroup does. */
  private PsForest forest(PsForest f) {
    out.forests.add(f);
    ProcCgroups placed = ProcCgroupParser.fromPs(f);
    if (placed != null) {
      out.procCgroups.add(placed);
    }
    return f;
  }

  private static <T> java.util.List<T> addAll(java.util.List<T> list, java.util.List<T> values) {
    list.addAll(values);
    return values;
  }

  private static <T> T add(java.util.List<T> list, T value) {
    list.add(value);
    return value;
  }
}
