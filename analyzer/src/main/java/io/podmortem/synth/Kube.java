package io.podmortem.synth;

import static io.podmortem.synth.BundleOut.argv;
import static io.podmortem.synth.Cri.m;
import static io.podmortem.synth.Renderers.iso;

import io.podmortem.synth.Model.Ctr;
import io.podmortem.synth.Model.Node;
import io.podmortem.synth.Model.Pod;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** kube/pods.json (kubectl get pods -A -o json) and the kubelet's facts. */
final class Kube {
  private Kube() {}

  private static Map<String, Object> resources(Pod p) {
    return switch (p.qos) {
      case "Guaranteed" -> m("limits", m("cpu", "500m", "memory", "256Mi"), "requests",
          m("cpu", "500m", "memory", "256Mi"));
      case "Burstable" -> m("requests", m("cpu", "100m", "memory", "64Mi"));
      default -> m();
    };
  }

  private static Map<String, Object> status(Ctr c) {
    Map<String, Object> s = m("containerID", "containerd://" + c.id, "image", c.image.ref, "imageID",
        c.image.digestRef, "lastState", m(), "name", c.name, "ready", c.running(), "restartCount", c.attempt,
        "started", c.running());
    if (c.running()) {
      s.put("state", m("running", m("startedAt", iso(c.started))));
    } else {
      s.put("state", m("terminated", m("containerID", "containerd://" + c.id, "exitCode", c.exitCode,
          "finishedAt", iso(c.finished), "reason", c.reason, "startedAt", iso(c.started))));
    }
    return s;
  }

  private static String age(long sec) {
    if (sec < 120) {
      return sec + "s";
    }
    long m = sec / 60;
    if (m < 180) {
      return m + "m";
    }
    long h = sec / 3600;
    return h < 48 ? h + "h" : (h / 24) + "d";
  }

  private static void wide(Node n, List<Pod> pods, java.io.Writer w) throws IOException {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE",
        "READINESS GATES"});
    for (Pod p : pods) {
      List<Ctr> mains = p.containers.stream().filter(c -> "main".equals(c.kind)).toList();
      long ready = mains.stream().filter(Ctr::running).count();
      int restarts = mains.stream().mapToInt(c -> c.attempt).sum();
      rows.add(new String[] {p.ns, p.name, ready + "/" + mains.size(), "Running", Integer.toString(restarts),
          age(n.now - (long) p.created + 1), p.ip, n.host, "<none>", "<none>"});
    }
    int[] width = new int[10];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], Math.max(6, r[i].length() + 3));
      }
    }
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.length - 1; i++) {
        sb.append(r[i]).append(" ".repeat(width[i] - r[i].length()));
      }
      w.append(sb).append(r[r.length - 1]).append('\n');
    }
  }

  static void write(Node n, BundleOut b) throws IOException {
    List<Pod> pods = new ArrayList<>(n.pods);
    pods.sort(Comparator.comparing((Pod p) -> p.ns).thenComparing(p -> p.name));
    List<Object> items = new ArrayList<>();
    for (Pod p : pods) {
      List<Ctr> mains = p.containers.stream().filter(c -> "main".equals(c.kind)).toList();
      List<Ctr> inits = p.containers.stream().filter(c -> "init".equals(c.kind)).toList();
      Map<String, Object> md = m("creationTimestamp", iso(p.created - 1), "generateName", p.generateName,
          "labels", m("app", p.app), "name", p.name, "namespace", p.ns,
          "ownerReferences", List.of(m("apiVersion", "apps/v1", "blockOwnerDeletion", true, "controller", true,
              "kind", p.ownerKind, "name", p.ownerName, "uid", Hex.uuid(new java.util.Random(p.ownerName.hashCode())))),
          "resourceVersion", Long.toString(100000 + Math.abs(p.uid.hashCode() % 800000)), "uid", p.uid);
      List<Object> specC = new ArrayList<>();
      for (Ctr c : mains) {
        specC.add(m("image", c.image.ref, "imagePullPolicy", "IfNotPresent", "name", c.name, "resources",
            resources(p), "terminationMessagePath", "/dev/termination-log", "terminationMessagePolicy", "File"));
      }
      Map<String, Object> spec = m("containers", specC, "dnsPolicy", "ClusterFirst", "nodeName", n.host,
          "restartPolicy", "Always", "schedulerName", "default-scheduler", "serviceAccountName", "default",
          "terminationGracePeriodSeconds", 30);
      if (!inits.isEmpty()) {
        List<Object> ic = new ArrayList<>();
        inits.forEach(c -> ic.add(m("image", c.image.ref, "name", c.name, "resources", resources(p))));
        spec.put("initContainers", ic);
      }
      List<Object> conds = List.of(
          m("lastProbeTime", null, "lastTransitionTime", iso(p.created + 1), "status", "True", "type",
              "PodReadyToStartContainers"),
          m("lastProbeTime", null, "lastTransitionTime", iso(p.created + 2), "status", "True", "type", "Initialized"),
          m("lastProbeTime", null, "lastTransitionTime", iso(p.created + 5), "status", "True", "type", "Ready"),
          m("lastProbeTime", null, "lastTransitionTime", iso(p.created + 5), "status", "True", "type",
              "ContainersReady"),
          m("lastProbeTime", null, "lastTransitionTime", iso(p.created - 1), "status", "True", "type",
              "PodScheduled"));
      Map<String, Object> st = m("conditions", conds, "containerStatuses",
          mains.stream().map(Kube::status).toList(), "hostIP", n.hostIp, "hostIPs", List.of(m("ip", n.hostIp)),
          "phase", "Running", "podIP", p.ip, "podIPs", List.of(m("ip", p.ip)), "qosClass", p.qos,
          "startTime", iso(p.created));
      if (!inits.isEmpty()) {
        st.put("initContainerStatuses", inits.stream().map(Kube::status).toList());
      }
      items.add(m("apiVersion", "v1", "kind", "Pod", "metadata", md, "spec", spec, "status", st));
    }
    String kc = "/etc/kubernetes/admin.conf";
    b.ok("kube-pods", argv("kubectl", "--kubeconfig", kc, "get", "pods", "-A", "-o", "json"), "kube/pods.json", 420,
        Cri.json(m("apiVersion", "v1", "items", items, "kind", "List", "metadata", m("resourceVersion", ""))));
    b.ok("kube-pods-wide", argv("kubectl", "--kubeconfig", kc, "get", "pods", "-A", "-o", "wide"),
        "kube/pods-wide.txt", 380, w -> wide(n, pods, w));
    b.ok("kubelet-config", argv("cat", "/var/lib/kubelet/config.yaml"), "kube/kubelet-config.yaml", 10,
        "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: systemd\n"
            + "clusterDNS:\n- 10.96.0.10\nclusterDomain: cluster.local\nstaticPodPath: /etc/kubernetes/manifests\n");
    b.ok("static-pods", argv("ls", "-1", "/etc/kubernetes/manifests"), "kube/static-pods.txt", 10, "");
  }
}
