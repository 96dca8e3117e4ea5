package io.podmortem.source;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one list of the formats podmortem reads by content: each format once, with its recognizer and the evidence
 * the recognizer looks for, in the order in which they are tried. The parsers are chosen by format in
 * {@link BlockParser}; the command words that hint at a format are in {@link Sniffer#hint}.
 */
final class Formats {
  /**
   * One format and its recognizer: a function from a head sample to the evidence it found there, in a clause for
   * the report's Sources table, or null when the head is not of this format.
   */
  record Registration(Format format, Function<TextBlock, String> recognizer) {
    /** A recognizer that accepts or not, and always finds the same evidence. */
    Registration(Format format, Predicate<TextBlock> accepts, String evidence) {
      this(format, t -> accepts.test(t) ? evidence : null);
    }

    String evidence(TextBlock head) {
      return recognizer.apply(head);
    }
  }

  /** Formats whose content is unmistakable: tried first, before a transcript prompt or a command's hint. */
  static final List<Registration> DECISIVE = List.of(
      new Registration(Format.MANIFEST, ManifestParser::looksLike, "JSON that names podmortem-collect"),
      new Registration(Format.DOCKER_INSPECT, DockerInspectParser::looksLike,
          "a JSON array whose first object has docker's \"Id\" and \"GraphDriver\" or \"HostConfig\""),
      new Registration(Format.DOCKER_PS_JSON, DockerPsJsonParser::looksLike,
          "JSON lines with docker ps's keys (ID, Image, Names, Status)"));

  /** The other formats, tried in this order; the first whose recognizer accepts the head decides. */
  static final List<Registration> BY_CONTENT = List.of(
      new Registration(Format.CRI_PODS, CriPodsParser::looksLike,
          "crictl's sandboxes: JSON items or an inspectp status with a SANDBOX_ state, or a crictl pods header"),
      new Registration(Format.CRI_CONTAINERS, CriContainersParser::looksLike,
          "crictl's containers: a JSON containers list or an inspect status with a CONTAINER_ state, or a crictl ps "
              + "header"),
      new Registration(Format.KUBECTL_PODS_JSON, KubePodsJsonParser::looksLike,
          "JSON of kind Pod or PodList with containers or containerStatuses"),
      new Registration(Format.LISTING, ListingParser::looksLike, "the collector's find -printf listing lines"),
      new Registration(Format.ROOTFS_TABLE, RootfsTableParser::looksLike, "the collector's containers.tsv columns"),
      new Registration(Format.PROC_CGROUP, ProcCgroupParser::looksLike,
          "lines of hierarchy-ID:controllers:/path, as /proc/<pid>/cgroup prints them"),
      new Registration(Format.MOUNTINFO, MountinfoParser::looksLike,
          "lines of mount ID, parent ID, major:minor, root, mount point, … - type source options"),
      new Registration(Format.SYSTEMD_CGLS, CglsParser::evidence),
      new Registration(Format.DOCKER_PS, DockerPsParser::looksLike, "its first line is a docker ps header"),
      new Registration(Format.KUBECTL_PODS, KubectlPodsParser::looksLike,
          "its first line is a kubectl get pods header"),
      new Registration(Format.PS_FOREST, PsForestParser::evidence),
      new Registration(Format.OS_RELEASE, OsReleaseParser::looksLike,
          "assignments only, one of them a well-known os-release key"),
      new Registration(Format.FILE_OUTPUT, FileDescriptionParser::looksLike,
          "name: description lines, as file(1) prints them"),
      new Registration(Format.COUNT, CountParser::looksLike, "a single count"));

  /** Formats whose content alone says too little: taken only where a command's hint names them. */
  static final List<Registration> BY_HINT = List.of(
      new Registration(Format.FIND_LISTING, FindListingParser::looksLike, "bare paths, as find prints them"));

  private Formats() {}
}
