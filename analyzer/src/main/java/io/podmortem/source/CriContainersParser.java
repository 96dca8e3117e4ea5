package io.podmortem.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.podmortem.source.CriWire.Container;
import io.podmortem.source.CriWire.ContainerInfo;
import io.podmortem.source.CriWire.ContainerInspect;
import io.podmortem.source.CriWire.SecurityContext;
import io.podmortem.source.CriWire.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads containers from {@code crictl ps -a -o json}, from {@code crictl inspect <id>}, and (through
 * {@link CriTablesParser}) from the {@code crictl ps} table.
 *
 * <pre>
 * {"status": {"id": "7d6ad449ae76b3166d44...5861b","metadata": {"attempt": 0,"name": "nginx"},"state": "CONTAINER_RUNNING",
 *   "createdAt": "2022-07-26T17:36:12.783406623Z",...,"image": {"annotations": {},"image": "docker.io/library/nginx:latest"},
 *  "info": {"sandboxID": "cb07c78e2423...","pid": 106728,"removing": false,
 *   "snapshotKey": "7d6ad449ae76...5861b","snapshotter": "overlayfs","runtimeType": "io.containerd.runc.v2",
 * </pre>
 *
 * Each container is cited by the line its object starts on (for inspect, the line of the whole document); an
 * item that does not fit the wire shape is an issue and the others are still read.
 */
public final class CriContainersParser {

  private CriContainersParser() {}

  /** JSON with a {@code containers} list or an inspect status with a {@code CONTAINER_} state; or the table. */
  public static boolean looksLike(TextBlock t) {
    if (CriTablesParser.looksLikeContainers(t)) {
      return true;
    }
    int first = t.firstNonBlank();
    if (first < 0 || !t.lines().get(first).trim().startsWith("{")) {
      return false;
    }
    boolean list = false;
    boolean container = false;
    boolean status = false;
    for (int i = first; i < Math.min(t.size(), first + 60); i++) {
      String l = t.lines().get(i);
      list |= l.contains("\"containers\":");
      status |= l.contains("\"status\":");
      container |= l.contains("\"CONTAINER_");
    }
    return container && (list || status);
  }

  public static List<CriContainer> parse(TextBlock t, ParseIssues issues) {
    if (CriTablesParser.looksLikeContainers(t)) {
      return CriTablesParser.parseContainers(t, issues);
    }
    return parse(t, null, issues);
  }

  /** Streams crictl's JSON from {@code text}, or from the block's lines when null; {@code t} numbers the lines. */
  public static List<CriContainer> parse(TextBlock t, java.io.Reader text, ParseIssues issues) {
    List<CriContainer> out = new ArrayList<>();
    CriDocument d = CriDocument.read(t, text, "containers", "crictl containers JSON", issues, item -> {
      try {
        add(out, translate(Jsons.read(item.node(), Container.class, t, item.index(), issues), null, t,
            item.index(), issues));
      } catch (Exception e) {
        issues.add(t, item.index(), 0, "container does not fit crictl's shape: " + Jsons.message(e));
      }
    });
    if (!d.sawList && d.top.get("status") != null) {
      try {
        ContainerInspect in = Jsons.read(d.top, ContainerInspect.class, t, d.topIndex, issues);
        add(out, translate(in.status(), in.info(), t, d.topIndex, issues));
      } catch (Exception e) {
        issues.add(t, d.topIndex, 0, "inspect output does not fit crictl's shape: " + Jsons.message(e));
      }
    }
    return out;
  }

  private static void add(List<CriContainer> out, CriContainer c) {
    if (c != null) {
      out.add(c);
    }
  }

  private static CriContainer translate(Container c, ContainerInfo info, TextBlock t, int index,
      ParseIssues issues) {
    if (c == null || c.id() == null || c.id().isBlank()) {
      issues.add(t, index, 0, "container has no id");
      return null;
    }
    CriWire.Metadata m = c.metadata() == null ? new CriWire.Metadata(null, null, null, null) : c.metadata();
    Spec spec = info == null ? null : info.runtimeSpec();
    Map<String, String> specAnn = spec == null || spec.annotations() == null ? Map.of() : spec.annotations();
    SecurityContext sc = info == null || info.config() == null || info.config().linux() == null ? null
        : info.config().linux().securityContext();
    String sandbox = first(c.podSandboxId(), info == null ? null : info.sandboxId(),
        specAnn.get("io.kubernetes.cri.sandbox-id"), specAnn.get("io.kubernetes.cri-o.SandboxID"));
    boolean privileged = (sc != null && Boolean.TRUE.equals(sc.privileged()))
        || (info != null && Boolean.TRUE.equals(info.privileged()));
    return new CriContainer(t.ref(index), c.id(), sandbox, m.name(), m.attempt() == null ? 0 : m.attempt(),
        c.image() == null ? null : c.image().image(), c.imageRef(), c.state(),
        CriPodsParser.time(c.createdAt(), t, index, issues), CriPodsParser.time(c.startedAt(), t, index, issues),
        CriPodsParser.time(c.finishedAt(), t, index, issues), c.exitCode(), blankToNull(c.reason()), c.labels(),
        c.annotations(), info == null ? null : info.pid(),
        spec == null || spec.linux() == null ? null : spec.linux().cgroupsPath(),
        first(specAnn.get("io.kubernetes.cri.container-type"), specAnn.get("io.kubernetes.cri-o.ContainerType")),
        spec == null || spec.root() == null ? null : spec.root().path(), info == null ? null : info.snapshotKey(),
        info == null ? null : info.runtimeType(), blankToNull(c.logPath()), user(sc, spec),
        spec == null || spec.process() == null ? List.of() : spec.process().args(), privileged);
  }

  /** CRI's run_as_user when the pod set one; else the spec's process user by name, else by uid. */
  private static String user(SecurityContext sc, Spec spec) {
    if (sc != null && sc.runAsUser() != null && sc.runAsUser().value() != null) {
      return sc.runAsUser().value();
    }
    if (spec == null || spec.process() == null || spec.process().user() == null) {
      return null;
    }
    return first(spec.process().user().username(), spec.process().user().uid());
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
