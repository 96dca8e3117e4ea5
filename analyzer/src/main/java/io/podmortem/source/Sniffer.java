package io.podmortem.source;

import java.util.List;

/**
 * Decides what a block of text is, by its content. A command from a transcript prompt is only a hint: it is taken
 * when the content agrees, or for formats whose content alone says too little (a count, a path listing).
 */
public final class Sniffer {

  public Format sniff(TextBlock t, boolean wholeEntry) {
    int first = t.firstNonBlank();
    if (first < 0) {
      return Format.EMPTY;
    }
    if (ManifestParser.looksLike(t)) {
      return Format.MANIFEST;
    }
    if (DockerInspectParser.looksLike(t)) {
      return Format.DOCKER_INSPECT;
    }
    if (DockerPsJsonParser.looksLike(t)) {
      return Format.DOCKER_PS_JSON;
    }
    if (wholeEntry && TranscriptParser.looksLike(t)) {
      return Format.TRANSCRIPT;
    }
    Format hinted = hint(t.command());
    if (hinted != null && looksLike(hinted, t)) {
      return hinted;
    }
    for (Format f : List.of(Format.CRI_PODS, Format.CRI_CONTAINERS, Format.KUBECTL_PODS_JSON, Format.LISTING, Format.ROOTFS_TABLE, Format.PROC_CGROUP, Format.MOUNTINFO, Format.SYSTEMD_CGLS,
        Format.DOCKER_PS, Format.KUBECTL_PODS, Format.PS_FOREST, Format.OS_RELEASE, Format.FILE_OUTPUT,
        Format.COUNT)) {
      if (looksLike(f, t)) {
        return f;
      }
    }
    if (hinted != null && weak(hinted)) {
      return hinted;
    }
    if (FindListingParser.looksLike(t)) {
      return Format.FIND_LISTING;
    }
    String head = t.lines().get(first).trim();
    if (head.startsWith("{") || head.startsWith("[")) {
      return Format.JSON;
    }
    return nonBlankLines(t) == 1 ? Format.VALUE : Format.UNKNOWN;
  }

  private static boolean weak(Format f) {
    return f == Format.FIND_LISTING || f == Format.COUNT || f == Format.VALUE;
  }

  private static boolean looksLike(Format f, TextBlock t) {
    return switch (f) {
      case SYSTEMD_CGLS -> CglsParser.looksLike(t);
      case DOCKER_PS -> DockerPsParser.looksLike(t);
      case KUBECTL_PODS -> KubectlPodsParser.looksLike(t);
      case PS_FOREST -> PsForestParser.looksLike(t);
      case OS_RELEASE -> OsReleaseParser.looksLike(t);
      case FILE_OUTPUT -> FileDescriptionParser.looksLike(t);
      case COUNT -> CountParser.looksLike(t);
      case FIND_LISTING -> FindListingParser.looksLike(t);
      case LISTING -> ListingParser.looksLike(t);
      case ROOTFS_TABLE -> RootfsTableParser.looksLike(t);
      case PROC_CGROUP -> ProcCgroupParser.looksLike(t);
      case MOUNTINFO -> MountinfoParser.looksLike(t);
      case CRI_PODS -> CriPodsParser.looksLike(t);
      case CRI_CONTAINERS -> CriContainersParser.looksLike(t);
      case KUBECTL_PODS_JSON -> KubePodsJsonParser.looksLike(t);
      default -> false;
    };
  }

  /** The format a command prints, judged from its words; null when the command says nothing we know. */
  static Format hint(String command) {
    if (command == null) {
      return null;
    }
    List<List<String>> pipeline = ShellWords.pipeline(command);
    if (pipeline.isEmpty()) {
      return null;
    }
    List<String> last = pipeline.get(pipeline.size() - 1);
    if (!last.isEmpty() && last.get(0).equals("wc") && last.contains("-l")) {
      return Format.COUNT;
    }
    List<String> w = Commands.withoutSudo(pipeline.get(0));
    if (w.isEmpty()) {
      return null;
    }
    String tool = Commands.basename(w.get(0));
    String sub = w.size() > 1 ? w.get(1) : "";
    return switch (tool) {
      case "ps" -> Format.PS_FOREST;
      case "systemd-cgls" -> Format.SYSTEMD_CGLS;
      case "docker" -> sub.equals("ps") || (sub.equals("container") && w.size() > 2 && w.get(2).equals("ls"))
          ? Format.DOCKER_PS : null;
      case "kubectl" -> sub.equals("get") && w.size() > 2 && w.get(2).startsWith("po") ? Format.KUBECTL_PODS : null;
      case "find" -> Format.FIND_LISTING;
      case "file" -> Format.FILE_OUTPUT;
      case "cat", "grep" -> w.stream().anyMatch(a -> a.endsWith("os-release")) ? Format.OS_RELEASE : null;
      default -> null;
    };
  }

  private static int nonBlankLines(TextBlock t) {
    int n = 0;
    for (String l : t.lines()) {
      if (!l.isBlank()) {
        n++;
      }
    }
    return n;
  }
}
