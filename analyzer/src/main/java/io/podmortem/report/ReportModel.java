package io.podmortem.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podmortem.explain.Analysis;
import io.podmortem.explain.ContainerExplanation;
import io.podmortem.model.CollectedCommand;
import io.podmortem.model.Collection;
import io.podmortem.explain.ExecSessions;
import io.podmortem.model.Container;
import io.podmortem.redact.Redactor;
import io.podmortem.redact.TreeSanitizer;
import io.podmortem.model.Drift;
import io.podmortem.model.DriftEntry;
import io.podmortem.model.IntegrityProblem;
import io.podmortem.model.RuntimeState;
import io.podmortem.model.Evidence;
import io.podmortem.model.Finding;
import io.podmortem.model.Node;
import io.podmortem.model.ParseIssue;
import io.podmortem.model.Placement;
import io.podmortem.model.Pod;
import io.podmortem.model.Process;
import io.podmortem.model.ProcessKind;
import io.podmortem.model.QosClass;
import io.podmortem.model.Role;
import io.podmortem.model.Severity;
import io.podmortem.model.RootFs;
import io.podmortem.model.SourceInfo;
import io.podmortem.model.SourceRef;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The analysis as one JSON tree: what {@code --format json} prints, and what the HTML and Markdown templates read.
 * Keys keep their insertion order and lists are sorted upstream, so the same bundle gives the same bytes.
 */
public final class ReportModel {
  /** What an anchor may not hold. Example match: the {@code /} in {@code kube-system/etcd}. */
  private static final Pattern UNSAFE_ANCHOR = Pattern.compile("[^A-Za-z0-9_.-]");

  public static final int SCHEMA_VERSION = 1;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ReportModel() {}

  /** The model with secrets redacted, as every report shows it unless asked otherwise. */
  public static ObjectNode build(Analysis a) {
    return build(a, true);
  }

  /**
   * The model, with control characters made visible and, when {@code redact}, secrets replaced by tokens keyed by
   * the bundle's digest; a {@code redaction} object says what was done.
   */
  public static ObjectNode build(Analysis a, boolean redact) {
    ObjectNode root = buildRaw(a);
    Redactor redactor = redact
        ? new Redactor(("podmortem:" + a.bundleDigest()).getBytes(java.nio.charset.StandardCharsets.UTF_8)) : null;
    TreeSanitizer.apply(root, redactor);
    ObjectNode r = root.putObject("redaction");
    r.put("enabled", redact);
    if (redactor != null) {
      r.put("total", redactor.total());
      ObjectNode counts = r.putObject("counts");
      new java.util.TreeMap<>(redactor.counts()).forEach(counts::put);
      ArrayNode places = r.putArray("places");
      redactor.places().stream().sorted().forEach(places::add);
    }
    return root;
  }

  private static ObjectNode buildRaw(Analysis a) {
    Node n = a.node();
    ObjectNode root = F.objectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("snapshotDate", a.snapshotDate() == null ? null : a.snapshotDate().toString());
    root.set("node", node(n));
    root.set("summary", summary(a));
    ArrayNode pods = root.putArray("pods");
    n.pods().forEach(p -> pods.add(pod(p)));
    ArrayNode containers = root.putArray("containers");
    int[] depths = Depths.of(n);
    n.containers().forEach(c -> containers.add(container(n, c, a.explanation(c.shortId()), depths)));
    ArrayNode findings = root.putArray("findings");
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    for (Finding f : a.findings()) {
      ObjectNode fo = finding(f);
      // A stable anchor for tickets: the rule and the subject, numbered where one rule finds several things.
      String base = "f-" + f.id() + "-" + UNSAFE_ANCHOR.matcher(f.subject()).replaceAll("_");
      int k = seen.merge(base, 1, Integer::sum);
      fo.put("anchor", k == 1 ? base : base + "-" + k);
      findings.add(fo);
    }
    ArrayNode sources = root.putArray("sources");
    n.sources().forEach(s -> sources.add(source(s)));
    ArrayNode missing = root.putArray("missing");
    n.missing().forEach(missing::add);
    ArrayNode warnings = root.putArray("warnings");
    n.warnings().forEach(warnings::add);
    root.set("collection", collection(n.collection()));
    root.set("timeline", Timeline.build(n));
    return root;
  }

  private static ObjectNode node(Node n) {
    ObjectNode o = F.objectNode();
    o.put("hostname", n.hostname());
    o.put("name", n.identity().name());
    o.put("nameReason", n.identity().reason());
    ArrayNode disagree = o.putArray("nameDisagreements");
    n.identity().disagreements().forEach(disagree::add);
    o.put("snapshotTime", n.snapshotTime());
    o.put("processes", n.processes().size());
    o.put("kernelThreads", n.count(ProcessKind.KERNEL_THREAD));
    o.put("hostProcesses", n.count(ProcessKind.HOST) + n.count(ProcessKind.SHIM));
    o.put("runtimeShims", n.count(ProcessKind.SHIM));
    o.put("containerProcesses", n.count(ProcessKind.CONTAINER));
    o.set("evidence", evidence(n.evidence()));
    return o;
  }

  private static ObjectNode summary(Analysis a) {
    Node n = a.node();
    ObjectNode o = F.objectNode();
    List<Pod> here = n.pods().stream().filter(Pod::isHere).toList();
    o.put("pods", here.size());
    o.put("podsWithContainers", here.stream().filter(p -> !p.containerIds().isEmpty()).count());
    o.put("podsOnOtherNodes", n.pods().stream().filter(p -> p.placement() == Placement.OTHER_NODE).count());
    o.set("otherNodes", podsPerNode(n, p -> p.placement() == Placement.OTHER_NODE));
    o.set("unmatchedNodes", podsPerNode(n, p -> p.placement() == Placement.UNKNOWN && !p.isHere()));
    ArrayNode unscheduled = o.putArray("podsUnscheduled");
    n.pods().stream().filter(p -> p.placement() == Placement.UNSCHEDULED).forEach(p -> unscheduled.add(p.key()));
    o.put("containers", n.containers().size());
    o.put("sandboxes", n.containers().stream().filter(c -> c.role() == Role.SANDBOX).count());
    o.put("appContainers", n.containers().stream().filter(c -> c.role() == Role.APP).count());
    o.put("plainContainers", n.containers().stream().filter(c -> c.role() == Role.PLAIN).count());
    o.put("otherContainers", n.containers().stream()
        .filter(c -> c.role() == Role.INIT || c.role() == Role.EPHEMERAL).count());
    ArrayNode without = o.putArray("podsWithoutContainers");
    here.stream().filter(p -> p.containerIds().isEmpty()).forEach(p -> {
      ObjectNode po = without.addObject();
      po.put("key", p.key());
      po.put("status", p.status());
    });
    ArrayNode namespaces = o.putArray("namespaces");
    here.stream().map(Pod::namespace).filter(java.util.Objects::nonNull).distinct().sorted()
        .forEach(namespaces::add);
    ObjectNode qos = o.putObject("qos");
    for (QosClass q : QosClass.values()) {
      ArrayNode names = qos.putArray(q.label());
      here.stream().filter(p -> p.qosClass() == q).forEach(p -> names.add(p.key()));
    }
    ArrayNode unknown = qos.putArray("unknown");
    here.stream().filter(p -> p.qosClass() == null).forEach(p -> unknown.add(p.key()));
    ObjectNode sev = o.putObject("findings");
    for (Severity s : Severity.values()) {
      sev.put(s.label(), a.findings().stream().filter(f -> f.severity() == s).count());
    }
    return o;
  }

  /** How many of the pods that {@code which} picks each node runs, by node name. */
  private static ObjectNode podsPerNode(Node n, java.util.function.Predicate<Pod> which) {
    ObjectNode o = F.objectNode();
    new java.util.TreeMap<>(n.pods().stream().filter(which)
        .collect(java.util.stream.Collectors.groupingBy(Pod::nodeName, java.util.stream.Collectors.counting())))
        .forEach(o::put);
    return o;
  }

  private static ObjectNode pod(Pod p) {
    ObjectNode o = F.objectNode();
    o.put("namespace", p.namespace());
    o.put("name", p.name());
    o.put("uid", p.uid());
    o.put("apiUid", p.apiUid());
    o.put("qosClass", p.qosClass() == null ? null : p.qosClass().label());
    o.put("apiQosClass", p.apiQosClass() == null ? null : p.apiQosClass().label());
    o.put("qosReason", p.qosReason());
    o.put("node", p.nodeName());
    o.put("placement", p.placement().label());
    o.put("static", p.isStatic());
    o.put("staticReason", p.staticReason());
    o.put("phase", p.phase());
    o.put("status", p.status());
    o.put("ready", p.ready());
    o.put("restarts", p.restarts());
    o.put("cgroup", p.cgroup());
    if (p.owner() == null) {
      o.putNull("owner");
    } else {
      ObjectNode owner = o.putObject("owner");
      owner.put("kind", p.owner().kind());
      owner.put("name", p.owner().name());
      owner.put("reason", p.owner().reason());
    }
    ArrayNode ids = o.putArray("containerIds");
    p.containerIds().forEach(ids::add);
    o.set("evidence", evidence(p.evidence()));
    return o;
  }

  private static ObjectNode container(Node n, Container c, ContainerExplanation e, int[] depths) {
    ObjectNode o = F.objectNode();
    o.put("id", c.id());
    o.put("shortId", c.shortId());
    o.put("anchor", c.anchor());
    o.put("name", c.name());
    o.put("runtime", c.runtime());
    o.put("role", c.role().label());
    o.put("containerName", c.containerName());
    o.put("attempt", c.attempt());
    o.put("restarts", c.restarts());
    o.put("image", c.image());
    o.put("imageId", c.imageId());
    o.put("sandboxId", c.sandboxId());
    o.put("imageNote", e == null ? null : e.imageNote());
    if (e == null || e.component() == null) {
      o.putNull("component");
    } else {
      ObjectNode comp = o.putObject("component");
      comp.put("id", e.component().id());
      comp.put("name", e.component().name());
      comp.put("what", e.component().what());
      comp.put("recognisedBy", e.how());
    }
    if (c.pod() == null) {
      o.putNull("pod");
    } else {
      ObjectNode pod = o.putObject("pod");
      pod.put("namespace", c.pod().namespace());
      pod.put("name", c.pod().name());
      pod.put("uid", c.pod().uid());
    }
    o.put("qosClass", c.qosClass() == null ? null : c.qosClass().label());
    o.put("cgroup", c.cgroup());
    o.put("command", c.command());
    o.put("status", c.status());
    o.set("state", state(c.state()));
    if (c.shimProcess() == null) {
      o.putNull("shim");
    } else {
      o.set("shim", process(n.process(c.shimProcess()), 0, depths));
    }
    ArrayNode ps = o.putArray("processes");
    int base = c.processes().isEmpty() ? 0 : depths[c.processes().get(0)];
    java.util.Set<Integer> exec = new java.util.HashSet<>();
    ExecSessions.of(n, c).forEach(p -> exec.add(p.index()));
    for (Process p : n.processesOf(c)) {
      ObjectNode po = process(p, base, depths);
      po.put("exec", exec.contains(p.index()));
      ps.add(po);
    }
    o.set("rootfs", rootfs(c.rootfs()));
    o.set("usage", usage(c.usage()));
    ObjectNode inferred = o.putObject("inferred");
    c.inferred().forEach(inferred::put);
    o.set("evidence", evidence(c.evidence()));
    return o;
  }

  private static ObjectNode process(Process p, int baseDepth, int[] depths) {
    ObjectNode o = F.objectNode();
    o.put("pid", p.pid());
    o.put("user", p.user());
    o.put("state", p.state());
    o.put("command", p.command());
    o.put("startedAt", p.startedAt());
    o.put("depth", Math.max(0, depths[p.index()] - baseDepth));
    o.set("evidence", evidence(p.evidence()));
    return o;
  }

  private static ObjectNode state(RuntimeState s) {
    if (s == null) {
      return null;
    }
    ObjectNode o = F.objectNode();
    o.put("status", s.status());
    o.put("running", s.running());
    o.put("pid", s.pid());
    o.put("exitCode", s.exitCode());
    o.put("oomKilled", s.oomKilled());
    o.put("restartCount", s.restartCount());
    o.put("createdAt", s.createdAt());
    o.put("startedAt", s.startedAt());
    o.put("finishedAt", s.finishedAt());
    o.put("user", s.user());
    return o;
  }

  private static ObjectNode collection(Collection c) {
    if (c == null) {
      return null;
    }
    ObjectNode o = F.objectNode();
    o.put("collector", c.collector());
    o.put("version", c.version());
    o.put("host", c.host());
    o.put("startedAt", c.startedAt());
    o.put("finishedAt", c.finishedAt());
    o.put("user", c.user());
    ArrayNode commands = o.putArray("commands");
    for (CollectedCommand k : c.commands()) {
      ObjectNode ko = commands.addObject();
      ko.put("name", k.name());
      ko.put("commandLine", k.commandLine());
      ko.put("status", k.status());
      ko.put("exitCode", k.exitCode());
      ko.put("durationMs", k.durationMs());
      ko.put("output", k.output());
      ko.put("stderr", k.stderr());
      ko.put("reason", k.reason());
    }
    ArrayNode warnings = o.putArray("warnings");
    c.warnings().forEach(warnings::add);
    ArrayNode integrity = o.putArray("integrity");
    for (IntegrityProblem p : c.integrity()) {
      ObjectNode po = integrity.addObject();
      po.put("entry", p.entry());
      po.put("expected", p.expected());
      po.put("actual", p.actual());
    }
    o.set("evidence", refs(List.of(c.ref())));
    return o;
  }

  private static ObjectNode usage(io.podmortem.model.ResourceUsage u) {
    if (u == null) {
      return null;
    }
    ObjectNode o = F.objectNode();
    o.put("cpu", u.cpu());
    o.put("memory", u.memory());
    o.put("memoryLimit", u.memoryLimit());
    o.put("memoryPercent", u.memoryPercent());
    o.put("pids", u.pids());
    o.set("evidence", refs(List.of(u.ref())));
    return o;
  }

  private static ObjectNode rootfs(RootFs fs) {
    if (fs.isEmpty()) {
      return null;
    }
    ObjectNode o = F.objectNode();
    o.put("path", fs.path());
    o.put("upperDir", fs.upperDir());
    o.put("entries", fs.entries());
    o.put("os", fs.os());
    o.put("osId", fs.osId());
    o.put("osVersion", fs.osVersion());
    o.put("binary", fs.binary());
    o.put("binaryDescription", fs.binaryDescription());
    o.put("staticBinary", fs.staticBinary());
    o.set("drift", drift(fs.drift()));
    o.set("evidence", evidence(fs.evidence()));
    return o;
  }

  private static ObjectNode drift(Drift d) {
    if (d == null) {
      return null;
    }
    ObjectNode o = F.objectNode();
    o.put("added", d.added());
    o.put("changed", d.changed());
    o.put("deleted", d.deleted());
    o.put("truncated", d.truncated());
    ObjectNode per = o.putObject("perTopDir");
    new java.util.TreeMap<>(d.perTopDir()).forEach(per::put);
    ArrayNode notable = o.putArray("notable");
    d.notable().forEach(e -> notable.add(driftEntry(e)));
    ArrayNode all = o.putArray("all");
    d.all().forEach(e -> all.add(driftEntry(e)));
    return o;
  }

  private static ObjectNode driftEntry(DriftEntry e) {
    ObjectNode o = F.objectNode();
    o.put("change", e.change());
    o.put("path", e.path());
    o.put("type", String.valueOf(e.type()));
    o.put("mode", String.format("%04o", e.mode()));
    o.put("uid", e.uid());
    o.put("gid", e.gid());
    o.put("size", e.size());
    o.put("mtime", java.time.Instant.ofEpochSecond(e.mtime()).toString());
    o.put("ref", e.ref().toString());
    return o;
  }

  private static ObjectNode finding(Finding f) {
    ObjectNode o = F.objectNode();
    o.put("id", f.id());
    o.put("severity", f.severity().label());
    o.put("subject", f.subject());
    o.put("message", f.message());
    o.set("evidence", refs(f.evidence()));
    return o;
  }

  private static ObjectNode source(SourceInfo s) {
    ObjectNode o = F.objectNode();
    o.put("entry", s.entry());
    o.put("line", s.line());
    o.put("format", s.format());
    o.put("reason", s.reason());
    o.put("command", s.command());
    o.put("lines", s.lines());
    ArrayNode issues = o.putArray("issues");
    for (ParseIssue i : s.issues()) {
      ObjectNode io = issues.addObject();
      io.put("entry", i.entry());
      io.put("line", i.line());
      io.put("column", i.column());
      io.put("message", i.message());
      io.put("text", i.toString());
    }
    return o;
  }

  private static ObjectNode evidence(Evidence e) {
    ObjectNode o = F.objectNode();
    e.refs().forEach((fact, refs) -> o.set(fact, refs(refs)));
    return o;
  }

  private static ArrayNode refs(List<SourceRef> refs) {
    ArrayNode a = F.arrayNode();
    for (SourceRef r : refs) {
      ObjectNode ro = a.addObject();
      ro.put("entry", r.entry());
      ro.put("line", r.line());
      ro.put("ref", r.toString());
    }
    return a;
  }

  /** The tree as plain maps and lists, the shape templates read best. */
  @SuppressWarnings("unchecked")
  public static java.util.Map<String, Object> asMap(ObjectNode tree) {
    return new ObjectMapper().convertValue(tree, java.util.LinkedHashMap.class);
  }
}
