package io.podmortem.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podmortem.source.CriWire.NamespaceOptions;
import io.podmortem.source.CriWire.Sandbox;
import io.podmortem.source.CriWire.SandboxInfo;
import io.podmortem.source.CriWire.SandboxInspect;
import io.podmortem.source.CriWire.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads pod sandboxes from {@code crictl pods -o json}, from {@code crictl inspectp <id>}, and (through
 * {@link CriTablesParser}) from the {@code crictl pods} table.
 *
 * <pre>
 * {"items": [{"annotations": {"kubernetes.io/config.seen": "...","kubernetes.io/config.source": "api"},
 *   "createdAt": "1641576806500927930","id": "134b58ab2e0c...7c50",
 *   "metadata": {"attempt": 0,"name": "segfaulter","namespace": "default","uid": "aaaa2b4a-..."},
 *   "runtimeHandler": "","state": "SANDBOX_READY"}, ...
 * </pre>
 *
 * Each sandbox is cited by the line its object starts on (for inspectp, the line of the whole document); an
 * item that does not fit the wire shape is an issue and the others are still read.
 */
public final class CriPodsParser {

  private CriPodsParser() {}

  /** JSON with an {@code items} list of sandboxes or an inspectp status with {@code SANDBOX_} state; or the table. */
  public static boolean looksLike(TextBlock t) {
    if (CriTablesParser.looksLikePods(t)) {
      return true;
    }
    int first = t.firstNonBlank();
    if (first < 0 || !t.lines().get(first).trim().startsWith("{")) {
      return false;
    }
    boolean list = false;
    boolean sandbox = false;
    boolean status = false;
    for (int i = first; i < Math.min(t.size(), first + 60); i++) {
      String l = t.lines().get(i);
      list |= l.contains("\"items\":");
      status |= l.contains("\"status\":");
      sandbox |= l.contains("\"SANDBOX_");
    }
    return sandbox && (list || status);
  }

  public static List<CriPod> parse(TextBlock t, ParseIssues issues) {
    if (CriTablesParser.looksLikePods(t)) {
      return CriTablesParser.parsePods(t, issues);
    }
    return parse(t, null, issues);
  }

  /** Streams crictl's JSON from {@code text}, or from the block's lines when null; {@code t} numbers the lines. */
  public static List<CriPod> parse(TextBlock t, java.io.Reader text, ParseIssues issues) {
    List<CriPod> out = new ArrayList<>();
    CriDocument d = CriDocument.read(t, text, "items", "crictl pods JSON", issues, item -> {
      try {
        add(out, fromList(Jsons.read(item.node(), Sandbox.class, t, item.index(), issues), t, item.index(),
            issues));
      } catch (Exception e) {
        issues.add(t, item.index(), 0, "sandbox does not fit crictl's shape: " + Jsons.message(e));
      }
    });
    JsonNode status = d.top.get("status");
    if (!d.sawList && status != null) {
      try {
        SandboxInspect in = Jsons.read(d.top, SandboxInspect.class, t, d.topIndex, issues);
        add(out, fromInspect(in, t, d.topIndex, issues));
      } catch (Exception e) {
        issues.add(t, d.topIndex, 0, "inspectp output does not fit crictl's shape: " + Jsons.message(e));
      }
    }
    return out;
  }

  private static void add(List<CriPod> out, CriPod p) {
    if (p != null) {
      out.add(p);
    }
  }

  private static CriPod fromList(Sandbox s, TextBlock t, int index, ParseIssues issues) {
    return translate(s, null, t, index, issues);
  }

  private static CriPod fromInspect(SandboxInspect in, TextBlock t, int index, ParseIssues issues) {
    if (in.status() == null) {
      issues.add(t, index, 0, "inspectp output has no status object");
      return null;
    }
    return translate(in.status(), in.info(), t, index, issues);
  }

  private static CriPod translate(Sandbox s, SandboxInfo info, TextBlock t, int index, ParseIssues issues) {
    if (s.id() == null || s.id().isBlank()) {
      issues.add(t, index, 0, "sandbox has no id");
      return null;
    }
    CriWire.Metadata m = s.metadata() == null ? new CriWire.Metadata(null, null, null, null) : s.metadata();
    Spec spec = info == null ? null : info.runtimeSpec();
    return new CriPod(t.ref(index), s.id(), m.name(), m.namespace(), m.uid(),
        m.attempt() == null ? 0 : m.attempt(), s.state(), time(s.createdAt(), t, index, issues), s.labels(),
        s.annotations(), s.runtimeHandler(), info == null ? null : info.pid(),
        spec == null || spec.linux() == null ? null : spec.linux().cgroupsPath(),
        info == null ? null : hostNetwork(s, spec));
  }

  static String time(String raw, TextBlock t, int index, ParseIssues issues) {
    try {
      return CriTimes.utc(raw);
    } catch (IllegalArgumentException e) {
      issues.add(t, index, 0, e.getMessage());
      return null;
    }
  }

  /**
   * Whether the sandbox shares the node's network namespace, from the most direct evidence first: the CRI status
   * ({@code linux.namespaces.options.network} is {@code NODE}; 2017 containerd said {@code hostNetwork: true}),
   * CRI-O's {@code io.kubernetes.cri-o.HostNetwork} annotation, and last the OCI spec: a host-network sandbox has
   * no {@code network} entry at all, because the runtime leaves the namespace out so runc keeps the host's. A
   * {@code network} entry without a path is not host network: runc makes a fresh namespace for it. Null when
   * inspectp shows none of these.
   */
  private static Boolean hostNetwork(Sandbox s, Spec spec) {
    NamespaceOptions o = s.linux() == null || s.linux().namespaces() == null ? null
        : s.linux().namespaces().options();
    if (o != null && o.network() != null && !o.network().isEmpty()) {
      return o.network().equals("NODE");
    }
    if (o != null && o.hostNetwork() != null) {
      return o.hostNetwork();
    }
    Map<String, String> ann = spec == null || spec.annotations() == null ? Map.of() : spec.annotations();
    String crio = ann.get("io.kubernetes.cri-o.HostNetwork");
    if (crio != null) {
      return Boolean.parseBoolean(crio);
    }
    if (spec != null && spec.linux() != null && spec.linux().namespaces() != null) {
      return spec.linux().namespaces().stream().noneMatch(n -> "network".equals(n.type()));
    }
    return null;
  }
}
