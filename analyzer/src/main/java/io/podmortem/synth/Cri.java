package io.podmortem.synth;

import static io.podmortem.synth.BundleOut.argv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.podmortem.synth.Model.Ctr;
import io.podmortem.synth.Model.Image;
import io.podmortem.synth.Model.Node;
import io.podmortem.synth.Model.Pod;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** cri/*.json as crictl writes them, and kube/pods.json as kubectl does. */
final class Cri {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Go's json.MarshalIndent: `"key": value`, one array element a line, `{}` and `[]` when empty. */
  private static final DefaultPrettyPrinter GO = new DefaultPrettyPrinter(Separators.createDefaultInstance()
      .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("")
      .withArrayEmptySeparator("")).withArrayIndenter(new DefaultIndenter("  ", "\n"))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"));

  private Cri() {}

  static Map<String, Object> m(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static String json(Object o) throws IOException {
    return JSON.writer(GO).writeValueAsString(o) + "\n";
  }

  static String ns(double t) {
    return Long.toString(Math.round(t * 1e9));
  }

  static String nano(double t) {
    if (t == 0) {
      return "0001-01-01T00:00:00Z";
    }
    long n = Math.round(t * 1e9);
    return Instant.ofEpochSecond(n / 1_000_000_000L, n % 1_000_000_000L).toString();
  }

  static Map<String, Object> cLabels(Pod p, Ctr c) {
    return m("io.kubernetes.container.name", c.name, "io.kubernetes.pod.name", p.name,
        "io.kubernetes.pod.namespace", p.ns, "io.kubernetes.pod.uid", p.uid);
  }

  static Map<String, Object> cAnnotations(Pod p, Ctr c) {
    return m("io.kubernetes.container.hash", Hex.sha256(c.name + c.image.ref).substring(0, 8),
        "io.kubernetes.container.restartCount", Integer.toString(c.attempt),
        "io.kubernetes.container.terminationMessagePath", "/dev/termination-log",
        "io.kubernetes.container.terminationMessagePolicy", "File", "io.kubernetes.pod.terminationGracePeriod", "30");
  }

  static Map<String, Object> sbLabels(Pod p) {
    return m("app", p.app, "io.cri-containerd.kind", "sandbox", "io.kubernetes.pod.name", p.name,
        "io.kubernetes.pod.namespace", p.ns, "io.kubernetes.pod.uid", p.uid);
  }

  static Map<String, Object> sbAnnotations(Pod p) {
    return m("kubernetes.io/config.seen", nano(p.created - 1.3), "kubernetes.io/config.source", "api");
  }

  static void write(Node n, List<Pod> pods, List<Ctr> newestFirst, BundleOut b) throws IOException {
    Map<Ctr, Pod> podOf = new LinkedHashMap<>();
    pods.forEach(p -> p.containers.forEach(c -> podOf.put(c, p)));
    List<Object> items = new ArrayList<>();
    for (Pod p : pods) {
      items.add(m("id", p.sbid, "metadata", m("name", p.name, "uid", p.uid, "namespace", p.ns, "attempt", 0),
          "state", "SANDBOX_READY", "createdAt", ns(p.created), "labels", sbLabels(p), "annotations",
          sbAnnotations(p), "runtimeHandler", ""));
    }
    b.ok("cri-pods", argv("crictl", "pods", "-o", "json"), "cri/pods.json", 80, json(m("items", items)));
    List<Object> cs = new ArrayList<>();
    for (Ctr c : newestFirst) {
      Pod p = podOf.get(c);
      cs.add(m("id", c.id, "podSandboxId", p.sbid, "metadata", m("name", c.name, "attempt", c.attempt),
          "image", m("image", c.image.id, "annotations", m(), "userSpecifiedImage", "", "runtimeHandler", ""),
          "imageRef", c.image.id, "state", state(c), "createdAt", ns(c.created), "labels", cLabels(p, c),
          "annotations", cAnnotations(p, c)));
    }
    b.ok("cri-ps", argv("crictl", "ps", "-a", "-o", "json"), "cri/ps.json", 90, json(m("containers", cs)));
    b.internal("cri-ids", argv("crictl", "ps", "-a", "-q"), 60);
    for (Ctr c : newestFirst) {
      b.ok("cri-inspect-" + c.id, argv("crictl", "inspect", c.id), "cri/inspect/" + c.id + ".json", 40,
          json(inspect(podOf.get(c), c)));
    }
    b.internal("cri-pod-ids", argv("crictl", "pods", "-q"), 50);
    for (Pod p : pods) {
      b.ok("cri-inspectp-" + p.sbid, argv("crictl", "inspectp", p.sbid), "cri/inspectp/" + p.sbid + ".json", 40,
          json(inspectp(n, p)));
    }
    List<Object> imgs = new ArrayList<>();
    for (Image i : n.images) {
      imgs.add(m("id", i.id, "repoTags", List.of(i.ref), "repoDigests", List.of(i.digestRef), "size",
          Long.toString(i.size), "uid", m("value", Integer.toString(i.uid)), "username", "", "spec", null, "pinned",
          i == n.pause));
    }
    b.ok("cri-images", argv("crictl", "images", "-o", "json"), "cri/images.json", 60, json(m("images", imgs)));
    b.ok("cri-info", argv("crictl", "info"), "cri/info.json", 50, json(m("status", m("conditions", List.of(
        m("type", "RuntimeReady", "status", true, "reason", "", "message", ""),
        m("type", "NetworkReady", "status", true, "reason", "", "message", ""))),
        "config", m("containerd", m("snapshotter", "overlayfs", "defaultRuntimeName", "runc"),
            "sandboxImage", n.pause.ref, "containerdRootDir", "/var/lib/containerd"), "golang", "go1.22.8")));
    b.skip("ctr-containers", argv("ctr", "-n", "k8s.io", "containers", "list"), "crictl present");
  }

  static String state(Ctr c) {
    return "CONTAINER_" + c.state.toUpperCase(java.util.Locale.ROOT);
  }

  private static List<Object> namespaces(int pausePid) {
    return List.of(m("type", "pid"), m("type", "ipc", "path", "/proc/" + pausePid + "/ns/ipc"),
        m("type", "uts", "path", "/proc/" + pausePid + "/ns/uts"), m("type", "mount"),
        m("type", "network", "path", "/proc/" + pausePid + "/ns/net"));
  }

  private static Map<String, Object> inspect(Pod p, Ctr c) {
    Image img = c.image;
    List<String> args = List.of(img.command.split(" "));
    Map<String, Object> st = m("id", c.id, "metadata", m("attempt", c.attempt, "name", c.name), "state", state(c),
        "createdAt", nano(c.created), "startedAt", nano(c.started), "finishedAt", nano(c.finished),
        "exitCode", c.exitCode, "image", m("annotations", m(), "image", img.ref, "runtimeHandler", "",
            "userSpecifiedImage", ""), "imageRef", img.digestRef, "reason", c.reason, "message", "",
        "labels", cLabels(p, c), "annotations", cAnnotations(p, c), "mounts", List.of(),
        "logPath", "/var/log/pods/" + p.ns + "_" + p.name + "_" + p.uid + "/" + c.name + "/" + c.attempt + ".log",
        "resources", null);
    Map<String, Object> spec = m("ociVersion", "1.1.0",
        "process", m("user", m("uid", c.uid, "gid", c.uid), "args", args, "cwd", "/"),
        "root", m("path", "rootfs"), "hostname", p.name,
        "annotations", m("io.kubernetes.cri.container-type", "container", "io.kubernetes.cri.container-name", c.name,
            "io.kubernetes.cri.image-name", img.ref, "io.kubernetes.cri.sandbox-id", p.sbid,
            "io.kubernetes.cri.sandbox-name", p.name, "io.kubernetes.cri.sandbox-namespace", p.ns,
            "io.kubernetes.cri.sandbox-uid", p.uid),
        "linux", m("cgroupsPath", p.slice + ":cri-containerd:" + c.id, "namespaces", namespaces(p.sandbox.pid())));
    Map<String, Object> info = m("sandboxID", p.sbid, "pid", c.pid(), "removing", false, "snapshotKey", c.id,
        "snapshotter", "overlayfs", "runtimeType", "io.containerd.runc.v2", "runtimeOptions",
        m("systemd_cgroup", true), "config", m("metadata", m("name", c.name, "attempt", c.attempt),
            "image", m("image", img.id), "command", args.subList(0, 1), "args", args.subList(1, args.size()),
            "labels", cLabels(p, c), "annotations", cAnnotations(p, c),
            "log_path", c.name + "/" + c.attempt + ".log",
            "linux", m("security_context", m("run_as_user", m("value", c.uid),
                "namespace_options", m("network", 0, "pid", 1)))),
        "runtimeSpec", spec);
    return m("status", st, "info", info);
  }

  private static Map<String, Object> inspectp(Node n, Pod p) {
    String logDir = "/var/log/pods/" + p.ns + "_" + p.name + "_" + p.uid;
    String parent = "Guaranteed".equals(p.qos) ? "/kubepods.slice/" + p.slice
        : "/kubepods.slice/" + p.slicePath.split("/")[2] + "/" + p.slice;
    Map<String, Object> st = m("id", p.sbid, "metadata", m("attempt", 0, "name", p.name, "namespace", p.ns,
            "uid", p.uid), "state", "SANDBOX_READY", "createdAt", nano(p.created),
        "network", m("additionalIps", List.of(), "ip", p.ip),
        "linux", m("namespaces", m("options", m("ipc", "POD", "network", "POD", "pid", "CONTAINER", "targetId", "",
            "userNsOptions", null))), "labels", sbLabels(p), "annotations", sbAnnotations(p), "runtimeHandler", "");
    Map<String, Object> spec = m("ociVersion", "1.1.0",
        "process", m("user", m("uid", 65535, "gid", 65535), "args", List.of("/pause"), "cwd", "/"),
        "root", m("path", "rootfs", "readonly", true),
        "annotations", m("io.kubernetes.cri.container-type", "sandbox", "io.kubernetes.cri.sandbox-id", p.sbid,
            "io.kubernetes.cri.sandbox-name", p.name, "io.kubernetes.cri.sandbox-namespace", p.ns,
            "io.kubernetes.cri.sandbox-uid", p.uid, "io.kubernetes.cri.sandbox-log-directory", logDir),
        "linux", m("cgroupsPath", p.slice + ":cri-containerd:" + p.sbid, "namespaces", List.of(m("type", "pid"),
            m("type", "ipc"), m("type", "uts"), m("type", "mount"), m("type", "network"))));
    Map<String, Object> info = m("pid", p.sandbox.pid(), "processStatus", "running", "netNamespaceClosed", false,
        "image", n.pause.ref, "snapshotKey", p.sbid, "snapshotter", "overlayfs", "runtimeHandler", "",
        "runtimeType", "io.containerd.runc.v2", "runtimeOptions", m("systemd_cgroup", true),
        "config", m("metadata", m("name", p.name, "uid", p.uid, "namespace", p.ns), "log_directory", logDir,
            "labels", sbLabels(p), "annotations", sbAnnotations(p),
            "linux", m("cgroup_parent", parent, "security_context",
                m("namespace_options", m("network", 0, "pid", 1)))),
        "runtimeSpec", spec);
    return m("status", st, "info", info);
  }
}
