package io.podmortem.assemble;

import io.podmortem.model.Conflict;
import io.podmortem.model.Container;
import io.podmortem.model.Evidence;
import io.podmortem.model.Node;
import io.podmortem.model.Pod;
import io.podmortem.model.PodRef;
import io.podmortem.model.Process;
import io.podmortem.model.ProcessKind;
import io.podmortem.model.Role;
import io.podmortem.model.SourceRef;
import io.podmortem.source.CgroupNode;
import io.podmortem.source.CgroupTree;
import io.podmortem.source.CriContainer;
import io.podmortem.source.CriPod;
import io.podmortem.source.KubeContainerStatus;
import io.podmortem.source.KubePod;
import io.podmortem.source.DockerContainer;
import io.podmortem.source.ProcCgroups;
import io.podmortem.source.RootfsFact;
import io.podmortem.source.DockerPsRow;
import io.podmortem.source.DockerPsTable;
import io.podmortem.source.Observations;
import io.podmortem.source.Observed;
import io.podmortem.source.OverlayMount;
import io.podmortem.source.PsForest;
import io.podmortem.source.PsRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Joins the observations of one bundle into the node model. */
public final class NodeAssembler {
  /** An image shown by ID. Example match: {@code 8a9d1c2e3f4b}. */
  private static final Pattern IMAGE_ID = Pattern.compile("[0-9a-f]{12,64}");

  private static final Pattern HEX = Pattern.compile("^[0-9a-f]{12,64}$");
  /** A process's own mount table, as sos copies it. Example match: {@code sosreport-vm-…/proc/4240/mountinfo}. */
  private static final Pattern PROC_MOUNTINFO = Pattern.compile("(?:^|/)proc/(\\d{1,10})/mountinfo$");

  /** Drafts by the longest ID known of each: a full ID, or a 12-digit prefix until a full ID is seen. */
  private final java.util.TreeMap<String, ContainerDraft> containers = new TreeMap<>();
  /** 12-digit prefixes that more than one container's full ID starts with. */
  private final java.util.Set<String> ambiguous = new java.util.TreeSet<>();
  private final List<Conflict> conflicts = new ArrayList<>();

  public Node assemble(Observations obs) {
    Observed host = obs.hostnames().isEmpty() ? null : obs.hostnames().get(0);
    String hostname = host == null ? null : host.value();

    // The listing with PIDs wins (a collector's machine view); then one with parents (a PPID column or forest
    // art), since a flat list (ps aux, sos's ps auxwwwm) cannot place a process under its container's shim; then
    // full command lines over comm; then one with start times; then the one with the most processes, and among those a view of one row a
    // process (ps alxwww) over one of threads (ps -elfL repeats each PID once a thread).
    PsForest forest = obs.forests().stream()
        .max(Comparator.comparing((PsForest f) -> f.rows().stream().anyMatch(r -> r.pid() != null))
            .thenComparing(f -> f.rows().stream().anyMatch(r -> r.parent() != null))
            .thenComparing(f -> f.rows().stream().anyMatch(r -> !r.kernelThread() && r.command().contains(" ")))
            .thenComparing(f -> f.rows().stream().anyMatch(r -> r.started() != null))
            .thenComparingLong(f -> f.rows().stream().map(PsRow::pid).filter(java.util.Objects::nonNull).distinct()
                .count())
            .thenComparingLong(f -> -(f.rows().size() - f.rows().stream().map(PsRow::pid)
                .filter(java.util.Objects::nonNull).distinct().count())))
        .orElse(null);
    Map<Integer, ProcCgroups.Located> procCgroups = new HashMap<>();
    // Several sources may place one process (ps's CGROUP column, a copied cgroup.procs of each v1 hierarchy): the
    // path that names a container wins, then the first read.
    obs.procCgroups().forEach(p -> p.paths().forEach((pid, at) -> procCgroups.merge(pid, at,
        (was, now) -> CgroupPaths.containerId(was.path()) == null && CgroupPaths.containerId(now.path()) != null
            ? now : was)));
    CgroupTree tree = obs.cgroupTrees().stream().max(Comparator.comparingInt(t -> t.groups().size())).orElse(null);
    boolean fromTree = forest == null && tree != null && !tree.processes().isEmpty();
    if (fromTree) {
      // No ps: systemd-cgls lists the processes too, each in its cgroup, though without parents or users.
      forest = treeProcesses(tree, procCgroups);
    }
    List<ProcessDraft> procs = new ProcessAssembler().assemble(forest, procCgroups);
    for (DockerContainer d : obs.dockerContainers()) {
      DockerInspectAssembler.apply(d, draft(d.id()));
    }
    for (DockerPsTable t : obs.dockerPs()) {
      t.rows().forEach(this::dockerRow);
    }
    for (io.podmortem.source.DockerStat s : obs.dockerStats()) {
      // docker stats lists running containers only, each already in docker ps and docker inspect.
      ContainerDraft c = s.id() != null && HEX.matcher(s.id()).matches() ? find(s.id())
          : s.name() == null ? null : containers.values().stream().filter(k -> s.name().equals(k.name)).findFirst()
              .orElse(null);
      if (c != null && !"0B".equals(s.usage().memoryLimit())) {
        c.usage = s.usage();
      }
    }
    for (CriPod p : obs.criPods()) {
      if (HEX.matcher(p.id()).matches()) {
        CriAssembler.sandbox(p, draft(p.id()));
      }
    }
    for (CriContainer k : obs.criContainers()) {
      if (HEX.matcher(k.id()).matches()) {
        CriAssembler.container(k, draft(k.id()));
        if (k.podSandboxId() != null && HEX.matcher(k.podSandboxId()).matches()) {
          CriAssembler.sandboxOf(k, draft(k.podSandboxId()));
        }
      }
    }
    sandboxPods();
    kubeRoles(obs.kubePods());
    for (ProcessDraft p : procs) {
      if (p.kind == ProcessKind.SHIM && p.shim.id() != null && HEX.matcher(p.shim.id()).matches()) {
        ContainerDraft c = draft(p.shim.id());
        c.shim = p.index;
        c.evidence.add("id", p.row.ref()).add("shim", p.row.ref());
        if (p.shim.namespace() != null && p.shim.namespace().equals("moby")) {
          c.runtime = "docker";
        }
        conmonNames(p, c);
      }
    }
    Map<String, PodAssembler.PodCgroup> podCgroups = cgroups(tree);
    obs.procCgroups().stream().flatMap(p -> p.paths().values().stream())
        .sorted(Comparator.comparing(ProcCgroups.Located::ref)).forEach(l -> processCgroup(l, podCgroups));
    obs.containerMounts().forEach(m -> containerMounts(m, podCgroups));
    if (!fromTree) {
      conflicts.addAll(new PidMatcher().match(procs, tree));
    }
    for (ProcessDraft p : procs) {
      if (p.kind == ProcessKind.CONTAINER && p.containerId != null && HEX.matcher(p.containerId).matches()) {
        draft(p.containerId).processes.add(p.index);
      }
    }
    List<RootfsFact> facts = new ArrayList<>(obs.rootfs());
    facts.addAll(LayerFacts.of(obs.rootfsRows(), obs.mergedEntries()));
    for (ContainerDraft c : containers.values()) {
      if (c.rootfsPath != null && c.id != null && facts.stream().noneMatch(f -> f.container().equals(c.id)
          && f.fact().equals("path"))) {
        facts.add(new RootfsFact(c.id, "path", c.rootfsPath, c.evidence.build().of("rootfs").get(0)));
      }
      if (c.upperDir != null && c.id != null) {
        facts.add(new RootfsFact(c.id, "upperDir", c.upperDir, c.evidence.build().of("upperDir").get(0)));
      }
    }
    facts.addAll(mountFacts(obs.overlayMounts(), obs.containerMounts(), procs));
    new RootfsAssembler().apply(facts, containers.values());
    obs.drift().forEach((id, drift) -> {
      ContainerDraft c = find(id);
      if (c != null) {
        c.rootfs = c.rootfs.withDrift(drift);
      }
    });

    kubeRolesByName(obs.kubePods());
    Inferences.initContainers(containers.values(), procs);
    Inferences.osFromImage(containers.values());

    // The collector runs ps with TZ=UTC; a hand-captured lstart is in the node's unknown local time.
    boolean utc = obs.collection() != null;
    List<Process> processes = procs.stream().map(p -> p.build(utc)).toList();
    List<Container> built = build(procs);
    var result = new PodAssembler().assemble(built, podCgroups, obs.kubectlPods(), obs.kubePods(), obs.hostnames(),
          obs.kubeletNodeNames());
    // Processes and cgroups show only running containers; the runtime's own listing is what shows them all.
    boolean runtimeListing = !obs.dockerPs().isEmpty() || !obs.dockerContainers().isEmpty()
        || !obs.criContainers().isEmpty() || !obs.criPods().isEmpty();
    if (!runtimeListing && ApiContainers.add(result.pods(), obs.kubePods(), this::draft)) {
      built = build(procs);
      result = new PodAssembler().assemble(built, podCgroups, obs.kubectlPods(), obs.kubePods(), obs.hostnames(),
          obs.kubeletNodeNames());
    }
    if (fromPods(result.pods())) {
      built = build(procs);
    }
    Observed date = obs.dates().isEmpty() ? null : obs.dates().get(0);
    Evidence nodeEvidence = Evidence.builder().add("hostname", host == null ? null : host.ref())
        .add("snapshotTime", date == null ? null : date.ref()).addAll("nodeName", result.identity().refs()).build();
    List<String> missing = missing(obs, fromTree ? null : forest, tree);
    if (fromTree) {
      missing.set(0, "no ps output: the processes are those systemd-cgls lists, without their parents, users or "
          + "start times");
    }
    List<String> warnings = new ArrayList<>(obs.warnings());
    for (String prefix : ambiguous) {
      List<String> ids = containers.subMap(prefix, prefix + Character.MAX_VALUE).keySet().stream()
          .filter(k -> k.length() == 64).toList();
      warnings.add("the containers " + String.join(" and ", ids) + " share the ID prefix " + prefix + ": both are "
          + "shown, and evidence that names only the prefix (a docker ps row, a ps or cgroup line) is ambiguous; "
          + "it was given to the first");
    }
    return new Node(hostname, result.identity(), date == null ? null : date.value(), nodeEvidence, processes,
        result.pods(), built, conflicts, obs.sources(), missing, obs.collection(), warnings, runtimeEvents(obs));
  }

  /** The processes of a systemd-cgls tree as a flat listing, each placed in the cgroup that lists it. */
  private static PsForest treeProcesses(CgroupTree tree, Map<Integer, ProcCgroups.Located> cgroups) {
    List<io.podmortem.source.PsRow> rows = new ArrayList<>();
    for (io.podmortem.source.CgroupProcess p : tree.processes()) {
      rows.add(new io.podmortem.source.PsRow(p.ref(), 0, null, p.pid(), null, null, null,
          p.command() + (p.truncated() ? "…" : ""), false, null, null));
      cgroups.putIfAbsent(p.pid(), new ProcCgroups.Located(tree.groups().get(p.group()).path(), p.ref()));
    }
    return new PsForest(tree.entry(), rows);
  }

  private List<Container> build(List<ProcessDraft> procs) {
    List<Container> built = new ArrayList<>();
    containers.values().forEach(c -> built.add(c.build(procs)));
    built.sort(Comparator.comparing(NodeAssembler::podSortKey).thenComparing(c -> c.role().ordinal())
        .thenComparing(c -> c.containerName() == null ? "" : c.containerName())
        .thenComparing(Container::shortId));
    return built;
  }

  /**
   * QoS is the pod's: a container whose own cgroup was not seen (an exited container, a replaced sandbox) takes
   * its pod's class, citing where the pod's came from; and a container known only by its cgroup takes its pod's
   * name. True when any container changed.
   */
  private boolean fromPods(List<Pod> pods) {
    boolean any = false;
    for (Pod p : pods) {
      for (String id : p.containerIds()) {
        ContainerDraft c = find(id);
        // A container known only by its cgroup knows its pod's UID; the pod's name comes from the API or kubectl.
        if (c != null && c.dockershim == null && c.labelPod == null && p.name() != null) {
          c.joinedPod = new PodRef(p.namespace(), p.name(), p.uid());
          c.evidence.addAll("name", p.evidence().of("name"));
          any = true;
        }
      }
      if (p.qosClass() == null) {
        continue;
      }
      for (String id : p.containerIds()) {
        ContainerDraft c = find(id);
        if (c != null && (c.placement == null || c.placement.qos() == null)) {
          c.podQos = p.qosClass();
          c.evidence.addAll("qosClass", p.evidence().of("qosClass"));
          c.inferred.put("qosClass", "the pod's class, from " + p.qosReason() + ": QoS is a property of the pod, "
              + "and this container's own cgroup was not seen");
          any = true;
        }
      }
    }
    return any;
  }

  /**
   * {@code spec.initContainers} and {@code spec.containers} name each container of an API pod: the API's word on
   * which is an init container, for containers whose ID its statuses no longer give (an earlier attempt).
   */
  private void kubeRolesByName(List<KubePod> pods) {
    Map<String, KubePod> byUid = new HashMap<>();
    Map<String, KubePod> byName = new HashMap<>();
    for (KubePod k : pods) {
      // A mirror pod's API UID is new; the node knows the static pod by the config hash the annotation repeats.
      String mirror = k.annotations().get("kubernetes.io/config.mirror");
      byUid.putIfAbsent(mirror != null ? mirror : String.valueOf(k.uid()), k);
      byName.putIfAbsent(k.namespace() + "/" + k.name(), k);
    }
    for (ContainerDraft c : containers.values()) {
      String name = c.containerName();
      if (c.kubeRole != null || name == null) {
        continue;
      }
      PodRef p = c.dockershim != null ? new PodRef(c.dockershim.namespace(), c.dockershim.podName(), null)
          : c.labelPod;
      KubePod k = c.podUid() != null ? byUid.get(c.podUid())
          : p == null ? null : byName.get(p.namespace() + "/" + p.name());
      Role role = k == null ? null : k.initContainerNames().contains(name) ? Role.INIT
          : k.containerNames().contains(name) ? Role.APP : null;
      if (role != null) {
        c.kubeRole = role;
        c.evidence.add("role", k.ref());
      }
    }
  }

  /**
   * A container that names its sandbox but not its pod (crictl ps without a POD column, beside crictl pods) is in
   * the sandbox's pod.
   */
  private void sandboxPods() {
    for (ContainerDraft c : containers.values()) {
      ContainerDraft s = c.labelPod != null || c.sandboxId == null || c.sandboxId.length() < 12 ? null
          : find(c.sandboxId);
      if (s != null && s != c && s.labelPod != null && s.labelPod.name() != null) {
        c.labelPod = s.labelPod;
        c.evidence.addAll("name", s.evidence.build().of("name"));
        c.inferred.put("pod", "joined through its sandbox " + s.shortId + ", which crictl pods names");
      }
    }
  }

  /** The API's container statuses say which containers are init or ephemeral ones, and how often each restarted. */
  private void kubeRoles(List<KubePod> pods) {
    for (KubePod p : pods) {
      statuses(p.containers(), Role.APP);
      statuses(p.initContainers(), Role.INIT);
      statuses(p.ephemeralContainers(), Role.EPHEMERAL);
    }
  }

  private void statuses(List<KubeContainerStatus> statuses, Role role) {
    for (KubeContainerStatus s : statuses) {
      if (s.containerId() == null || !HEX.matcher(s.containerId()).matches()) {
        continue;
      }
      // Only a container the node holds: an ID the API remembers is no evidence that the container exists.
      ContainerDraft c = find(s.containerId());
      if (c != null) {
        c.kubeRole = role;
        c.restarts = s.restartCount();
        c.evidence.add("restarts", s.ref()).add("role", s.ref());
      }
    }
  }

  /**
   * Each running container's upper dir, from its overlay mount. Seen from the host, containerd names the container
   * in the mount point, and Docker and CRI-O mount at the merged dir their inspect output gives. Seen from inside,
   * the container's root mount is its overlay: in one of its processes' own mount tables
   * ({@code proc/<pid>/mountinfo}, which sos's filesys plugin copies for every process), or in a table whose cgroup
   * mounts or CRI-O secrets name the container ({@code cat /proc/self/mountinfo}). The host's processes all see
   * every container's mount: one citation, the first, says it.
   */
  private List<RootfsFact> mountFacts(List<OverlayMount> mounts, List<io.podmortem.source.ContainerMounts> views,
      List<ProcessDraft> procs) {
    Map<String, String> viewOf = new HashMap<>();
    for (io.podmortem.source.ContainerMounts v : views) {
      CgroupPlacement pl = v.cgroupPath() == null ? null : CgroupPaths.parse(v.cgroupPath());
      if (pl != null && pl.containerId() != null) {
        viewOf.put(v.cgroupRef().entry(), pl.containerId());
      } else if (v.containerId() != null) {
        viewOf.put(v.containerRef().entry(), v.containerId());
      }
    }
    Map<Integer, String> containerOf = new HashMap<>();
    for (ProcessDraft p : procs) {
      if (p.pid != null && p.containerId != null) {
        containerOf.put(p.pid, p.containerId);
      }
    }
    Map<String, RootfsFact> out = new java.util.LinkedHashMap<>();
    for (OverlayMount m : mounts.stream().sorted(Comparator.comparing(OverlayMount::ref)).toList()) {
      String id = m.containerId();
      if (id == null) {
        id = containers.values().stream().filter(c -> m.mountPoint().equals(c.rootfsPath) && c.id != null)
            .map(c -> c.id).findFirst().orElse(null);
      }
      Matcher own = PROC_MOUNTINFO.matcher(m.ref().entry());
      if (id == null && m.mountPoint().equals("/")) {
        id = viewOf.containsKey(m.ref().entry()) ? viewOf.get(m.ref().entry())
            : own.find() ? containerOf.get(Integer.parseInt(own.group(1))) : null;
      }
      if (id != null && m.upperDir() != null) {
        out.putIfAbsent(id + "\0" + m.upperDir(), new RootfsFact(id, "upperDir", m.upperDir(), m.ref()));
      }
    }
    return new ArrayList<>(out.values());
  }

  private static String podSortKey(Container c) {
    if (c.pod() == null) {
      return "\uffff";
    }
    return (c.pod().namespace() == null ? "\uffff" : c.pod().namespace()) + "/"
        + (c.pod().name() == null ? "\uffff" + c.pod().uid() : c.pod().name());
  }

  private void dockerRow(DockerPsRow row) {
    if (!HEX.matcher(row.id()).matches()) {
      return;
    }
    ContainerDraft c = draft(row.id());
    c.runtime = "docker";
    String name = row.names().isEmpty() ? null : row.names().get(0);
    if (c.name == null && name != null && !name.isEmpty()) {
      c.name = name;
      c.dockershim = DockershimName.parse(name);
      c.evidence.add("name", row.ref());
    }
    if (c.image == null && !row.image().isEmpty()) {
      c.image = row.image();
      c.evidence.add("image", row.ref());
    }
    crossCheck(c, row);
    if (c.command == null) {
      c.command = row.command() + (row.commandTruncated() ? "…" : "");
      c.evidence.add("command", row.ref());
    }
    if (c.status == null) {
      c.status = row.status();
      c.evidence.add("status", row.ref());
    }
  }

  /** Where docker inspect was read too, the table must agree with it: image, and running or not. */
  private void crossCheck(ContainerDraft c, DockerPsRow row) {
    if (c.state == null) {
      return;
    }
    List<SourceRef> inspect = c.evidence.build().of("status");
    SourceRef at = inspect.isEmpty() ? null : inspect.get(0);
    boolean tableRunning = row.status().startsWith("Up");
    if (!row.status().isEmpty() && tableRunning != c.state.running()) {
      conflicts.add(new Conflict(c.shortId, "state", row.status(), row.ref(), c.state.status(), at));
    }
    boolean sameImage = row.image().isEmpty() || row.image().equals(c.image)
        || (c.image != null && IMAGE_ID.matcher(row.image()).matches());
    if (!sameImage) {
      conflicts.add(new Conflict(c.shortId, "image", row.image(), row.ref(), c.image, at));
    }
  }

  private Map<String, PodAssembler.PodCgroup> cgroups(CgroupTree tree) {
    Map<String, PodAssembler.PodCgroup> pods = new TreeMap<>();
    if (tree == null) {
      return pods;
    }
    for (CgroupNode g : tree.groups()) {
      CgroupPlacement pl = CgroupPaths.parse(g.path());
      if (pl == null) {
        plainContainer(g.path(), g.ref());
        continue;
      }
      if (pl.containerId() == null) {
        pods.putIfAbsent(pl.podUid(), new PodAssembler.PodCgroup(pl.qos(), pl.podCgroup(), g.ref()));
      } else if (g.path().endsWith(pl.containerId()) || g.path().endsWith(pl.containerId() + ".scope")) {
        ContainerDraft c = draft(pl.containerId());
        c.evidence.add("qosClass", g.ref()).add("id", g.ref());
        if (!CgroupPaths.CONMON.equals(pl.runtime())) {
          c.placement = pl;
          c.cgroup = g.path();
          c.evidence.add("cgroup", g.ref());
        } else if (c.placement == null) {
          c.placement = pl;
        }
        if (pl.runtime() != null) {
          c.runtime = CriAssembler.better(c.runtime, runtime(pl.runtime()));
        }
      }
    }
    return pods;
  }

  /**
   * A process's own cgroup (/proc/<pid>/cgroup, or a ps CGROUP column) names its container, its pod and the pod's
   * QoS class just as the cgroup tree does: for a node whose bundle has no tree, it is the only place they show.
   */
  private void processCgroup(ProcCgroups.Located l, Map<String, PodAssembler.PodCgroup> pods) {
    CgroupPlacement pl = CgroupPaths.parse(l.path());
    if (pl == null) {
      plainContainer(l.path(), l.ref());
      return;
    }
    if (pl.containerId() == null || !HEX.matcher(pl.containerId()).matches()) {
      pods.putIfAbsent(pl.podUid(), new PodAssembler.PodCgroup(pl.qos(), pl.podCgroup(), l.ref()));
      return;
    }
    ContainerDraft c = draft(pl.containerId());
    if (c.placement == null) {
      c.placement = pl;
      c.evidence.add("qosClass", l.ref()).add("id", l.ref());
      if (pl.runtime() != null) {
        c.runtime = CriAssembler.better(c.runtime, runtime(pl.runtime()));
      }
    }
    if (c.cgroup == null && !CgroupPaths.CONMON.equals(pl.runtime())) {
      int end = l.path().indexOf(pl.containerId());
      int slash = end < 0 ? -1 : l.path().indexOf('/', end);
      c.cgroup = slash < 0 ? l.path() : l.path().substring(0, slash);
      c.evidence.add("cgroup", l.ref());
    }
  }

  /**
   * A mount table read inside a container: its cgroup mounts name the container and its pod, and the sandbox files
   * it mounts name the pod's sandbox, which is then in the same pod.
   */
  private void containerMounts(io.podmortem.source.ContainerMounts m, Map<String, PodAssembler.PodCgroup> pods) {
    CgroupPlacement pl = null;
    if (m.cgroupPath() != null) {
      processCgroup(new ProcCgroups.Located(m.cgroupPath(), m.cgroupRef()), pods);
      pl = CgroupPaths.parse(m.cgroupPath());
    }
    if (m.containerId() != null) {
      ContainerDraft own = draft(m.containerId());
      own.evidence.add("id", m.containerRef());
      if (m.sandboxId() != null && !m.sandboxId().equals(m.containerId()) && own.sandboxId == null) {
        own.sandboxId = m.sandboxId();
        own.evidence.add("sandboxId", m.sandboxRef());
      }
    }
    if (m.sandboxId() == null) {
      return;
    }
    ContainerDraft s = draft(m.sandboxId());
    s.labelSandbox = true;
    s.sandboxId = m.sandboxId();
    s.evidence.add("id", m.sandboxRef()).add("role", m.sandboxRef());
    if (pl != null && pl.containerId() != null && !pl.containerId().equals(m.sandboxId())) {
      ContainerDraft c = draft(pl.containerId());
      c.sandboxId = m.sandboxId();
      if (s.placement == null) {
        s.placement = new CgroupPlacement(pl.qos(), pl.podUid(), pl.podCgroup(), null, pl.runtime());
        s.evidence.add("qosClass", m.cgroupRef());
        s.inferred.put("pod", "its pod's: container " + c.shortId + ", whose cgroup names the pod, mounts this "
            + "sandbox's files");
      }
    }
  }

  /**
   * Outside kubepods, a cgroup that names a container (docker-<id>.scope, libpod-<id>.scope, a cgroupfs
   * docker --cgroup-parent's /parent/<id>) is a container all the same, one Kubernetes does not manage.
   */
  private void plainContainer(String path, SourceRef ref) {
    String id = CgroupPaths.containerId(path);
    if (id == null || !HEX.matcher(id).matches() || !path.endsWith(id) && !path.endsWith(id + ".scope")) {
      return;
    }
    ContainerDraft c = draft(id);
    c.evidence.add("id", ref);
    if (c.cgroup == null) {
      c.cgroup = path;
      c.evidence.add("cgroup", ref);
    }
  }

  /** Example match: {@code /var/log/pods/openshift-etcd_etcd-member-x_a4a4914b…/etcd-member/0.log}. */
  private static final Pattern POD_LOG = Pattern.compile(
      "^/var/log/pods/(?<ns>[a-z0-9-]{1,63})_(?<pod>[a-z0-9.-]{1,253})_(?<uid>[0-9a-f-]{32,36})/"
          + "(?<ctr>[a-z0-9-]{1,63})/(?<attempt>\\d{1,9})\\.log$");

  /**
   * CRI-O's conmon names its container in its command line: {@code -n k8s_<ctr>_<pod>_<ns>_<uid>_<attempt>} and the
   * log path {@code -l /var/log/pods/<ns>_<pod>_<uid>/<ctr>/<attempt>.log}. Where nothing better names the
   * container's pod, these do.
   */
  private static void conmonNames(ProcessDraft p, ContainerDraft c) {
    if (c.dockershim != null || c.labelPod != null) {
      return;
    }
    DockershimName n = DockershimName.parse(p.shim.name());
    if (n != null) {
      c.dockershim = n;
      c.runtime = c.runtime == null ? "cri-o" : c.runtime;
      c.evidence.add("name", p.row.ref());
      return;
    }
    Matcher log = p.shim.logPath() == null ? null : POD_LOG.matcher(p.shim.logPath());
    if (log != null && log.matches()) {
      c.labelPod = new PodRef(log.group("ns"), log.group("pod"), log.group("uid"));
      c.labelContainerName = log.group("ctr");
      c.labelAttempt = Integer.valueOf(log.group("attempt"));
      c.runtime = c.runtime == null ? "cri-o" : c.runtime;
      c.evidence.add("name", p.row.ref());
    }
  }

  /**
   * The container events of {@code docker events} that a snapshot cannot show: exec sessions, kills, deaths and
   * OOM kills, each given to its container where the node still holds it.
   */
  private List<io.podmortem.model.RuntimeEvent> runtimeEvents(Observations obs) {
    List<io.podmortem.model.RuntimeEvent> out = new ArrayList<>();
    for (io.podmortem.source.DockerEvent e : obs.dockerEvents()) {
      if (!e.type().equals("container")) {
        continue;
      }
      ContainerDraft c = HEX.matcher(e.id()).matches() ? find(e.id()) : null;
      String who = c != null ? c.shortId : e.attributes().getOrDefault("name", e.id());
      String exit = e.attributes().get("exitCode");
      String kind;
      String what;
      switch (e.action()) {
        case "exec_start" -> {
          kind = "exec-started";
          what = "exec session started in " + who + ": " + (e.command() == null ? "?" : e.command());
        }
        case "exec_die" -> {
          kind = "exec-finished";
          what = "exec session ended in " + who + (exit == null ? "" : " with exit code " + exit);
        }
        case "kill" -> {
          kind = "container-killed";
          what = "container " + who + " sent signal " + e.attributes().getOrDefault("signal", "?");
        }
        case "die" -> {
          kind = "container-died";
          what = "container " + who + " exited" + (exit == null ? "" : " with exit code " + exit);
        }
        case "oom" -> {
          kind = "container-oom";
          what = "container " + who + " ran out of memory (the kernel's OOM killer)";
        }
        default -> {
          continue;
        }
      }
      Integer code = exit != null && exit.matches("\\d{1,3}") ? Integer.valueOf(exit) : null;
      out.add(new io.podmortem.model.RuntimeEvent(e.time(), c == null ? null : c.shortId, kind, what,
          kind.startsWith("exec-") ? e.command() : null, e.attributes().get("execID"), code, e.ref()));
    }
    return out;
  }

  /** The runtime a scope's prefix names. */
  private static String runtime(String scopePrefix) {
    return switch (scopePrefix) {
      case "cri-containerd" -> "containerd";
      case "crio", CgroupPaths.CONMON -> "cri-o";
      case "libpod" -> "podman";
      default -> scopePrefix;
    };
  }

  /**
   * The draft for an ID, made if there is none. Drafts are kept under the longest ID known: a full ID finds its
   * own, or takes over the draft that only its 12-digit prefix named; a prefix finds the one draft whose ID starts
   * with it. Two full IDs that share a prefix are two containers; a prefix that two of them share is ambiguous
   * evidence, said so in a warning, and given to the first of them.
   */
  private ContainerDraft draft(String id) {
    ContainerDraft found = find(id);
    if (found != null) {
      return found;
    }
    String shortId = id.substring(0, 12);
    ContainerDraft c = new ContainerDraft(shortId);
    if (id.length() == 64) {
      c.id = id;
      if (!containers.subMap(shortId, shortId + Character.MAX_VALUE).isEmpty()) {
        ambiguous.add(shortId);
      }
      containers.put(id, c);
    } else {
      containers.put(shortId, c);
    }
    return c;
  }

  /** The draft an ID names, or null; see {@link #draft}. */
  private ContainerDraft find(String id) {
    if (id == null || id.length() < 12) {
      return null;
    }
    String shortId = id.substring(0, 12);
    if (id.length() == 64) {
      ContainerDraft c = containers.get(id);
      if (c != null) {
        return c;
      }
      ContainerDraft prefixOnly = containers.get(shortId);
      if (prefixOnly != null) {
        containers.remove(shortId);
        prefixOnly.id = id;
        containers.put(id, prefixOnly);
      }
      return prefixOnly;
    }
    java.util.SortedMap<String, ContainerDraft> starting = containers.subMap(shortId, shortId + Character.MAX_VALUE);
    if (starting.size() > 1) {
      ambiguous.add(shortId);
    }
    return starting.isEmpty() ? null : starting.values().iterator().next();
  }

  /** The sos plugins a container's explanation draws on, and what a report without each cannot say. */
  private static final List<Map.Entry<String, String>> SOS_PLUGINS = List.of(
      Map.entry("process", "no ps, so no process, user or PID"),
      Map.entry("cgroups", "no systemd-cgls and no copy of /sys/fs/cgroup, so cgroups and QoS classes only from "
          + "ps's CGROUP column"),
      Map.entry("filesys", "no process's mount table, so upper dirs only from the runtime's inspect output"),
      Map.entry("host", "no hostname"),
      Map.entry("date", "no date --utc, so no snapshot time"));

  private static List<String> missing(Observations obs, PsForest forest, CgroupTree tree) {
    List<String> missing = new ArrayList<>();
    io.podmortem.model.Collection collection = obs.collection();
    if (collection != null && "sos".equals(collection.collector())) {
      missing.add("a sosreport holds no root filesystem listing: no container's base OS (os-release), entry count "
          + "or drift");
      java.util.Set<String> runtimes = java.util.Set.of("docker", "crictl", "podman", "ctr", "nerdctl", "kubectl");
      boolean ran = collection.commands().stream().anyMatch(k -> !k.argv().isEmpty()
          && runtimes.contains(io.podmortem.source.Commands.basename(k.argv().get(0))));
      if (!ran) {
        missing.add("sos ran no container runtime's command (no docker, crio, podman or kubernetes plugin, and no "
            + "sos_extras list of them): containers are known only from processes, cgroups and mounts");
      }
      java.util.Set<String> plugins = new java.util.HashSet<>();
      collection.commands().forEach(k -> plugins.add(k.name()));
      for (Map.Entry<String, String> p : SOS_PLUGINS) {
        if (!plugins.contains(p.getKey())) {
          missing.add("sos ran without its " + p.getKey() + " plugin (sos report -e " + p.getKey() + " adds it): "
              + p.getValue());
        }
      }
    }
    if (forest == null) {
      missing.add("no ps output: processes and their users are unknown");
    } else if (forest.rows().stream().allMatch(r -> r.pid() == null) && tree == null) {
      missing.add("ps shows no PIDs and there is no systemd-cgls tree: PIDs are unknown");
    }
    if (tree == null && obs.procCgroups().isEmpty() && obs.dockerContainers().isEmpty()) {
      missing.add("no systemd-cgls tree, /proc/<pid>/cgroup or docker inspect: QoS classes and cgroups are unknown");
    }
    if (obs.dockerPs().isEmpty() && obs.dockerContainers().isEmpty() && obs.criContainers().isEmpty()
        && obs.criPods().isEmpty()) {
      missing.add("no docker ps table or crictl listing: container names, images and attempts are unknown");
    }
    if (obs.kubectlPods().isEmpty() && obs.kubePods().isEmpty()) {
      missing.add("no kubectl get pods table or JSON: pod status, and pods without a running container, are "
          + "unknown");
    }
    return missing;
  }
}
