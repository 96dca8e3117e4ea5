package io.podmortem.assemble;

import io.podmortem.model.Container;
import io.podmortem.model.Evidence;
import io.podmortem.model.NodeIdentity;
import io.podmortem.model.Placement;
import io.podmortem.model.Owner;
import io.podmortem.model.Pod;
import io.podmortem.model.QosClass;
import io.podmortem.model.SourceRef;
import io.podmortem.source.KubeContainerStatus;
import io.podmortem.source.KubePod;
import io.podmortem.source.KubectlPodRow;
import io.podmortem.source.KubectlPodsTable;
import io.podmortem.source.Observed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Joins pods from three views: the runtime's container names, the cgroup tree's pod slices, and kubectl's table. */
final class PodAssembler {

  /** A pod level cgroup: its QoS class and path, and where the tree shows it. */
  record PodCgroup(QosClass qos, String path, SourceRef ref) {}

  /** The pods, and which node they were placed against. */
  record Result(List<Pod> pods, NodeIdentity identity) {}

  private static final class Draft {
    String namespace;
    String name;
    String uid;
    PodCgroup cgroup;
    KubectlPodRow kubectl;
    KubePod api;
    QosClass containerQos;
    String containerQosFrom;
    List<SourceRef> containerQosRefs = List.of();
    final List<String> containerIds = new ArrayList<>();
    final Evidence.Builder evidence = Evidence.builder();
  }

  private final List<Draft> drafts = new ArrayList<>();

  Result assemble(List<Container> containers, Map<String, PodCgroup> cgroups, List<KubectlPodsTable> tables,
      List<KubePod> apiPods, List<Observed> hostnames, List<Observed> kubeletNames) {
    for (Container c : containers) {
      if (c.pod() == null) {
        continue;
      }
      Draft d = find(c.pod().namespace(), c.pod().name(), c.pod().uid());
      d.containerIds.add(c.id() != null ? c.id() : c.shortId());
      d.evidence.addAll("name", c.evidence().of("name")).addAll("uid", c.evidence().of("name"));
      if (d.containerQos == null && c.qosClass() != null) {
        // A stopped pod has no cgroup left to show; its containers' cgroup parents still say where it was.
        d.containerQos = c.qosClass();
        d.containerQosFrom = c.shortId();
        d.containerQosRefs = c.evidence().of("qosClass");
      }
    }
    cgroups.forEach((uid, cg) -> {
      Draft d = find(null, null, uid);
      d.cgroup = cg;
      d.evidence.add("qosClass", cg.ref()).add("cgroup", cg.ref()).add("uid", cg.ref());
    });
    for (KubectlPodsTable t : tables) {
      for (KubectlPodRow row : t.rows()) {
        Draft d = find(row.namespace(), row.name(), null);
        d.kubectl = row;
        d.evidence.add("status", row.ref()).add("name", row.ref());
      }
    }
    for (KubePod k : apiPods) {
      // A mirror pod's API UID is new; the node knows the static pod by the config hash the annotation repeats.
      String mirror = k.annotations().get("kubernetes.io/config.mirror");
      Draft d = find(k.namespace(), k.name(), mirror != null ? mirror : k.uid());
      d.api = k;
      d.evidence.add("status", k.ref()).add("name", k.ref()).add("owner", k.ref());
    }
    List<NodeNames.Claim> claims = new ArrayList<>();
    for (Draft d : drafts) {
      claims.add(claim(d));
    }
    NodeIdentity identity = NodeNames.decide(claims, hostnames, kubeletNames);
    String node = identity.name() != null ? identity.name() : hostnames.isEmpty() ? null : hostnames.get(0).value();
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      // The API always says where a pod is scheduled (no spec.nodeName: nowhere yet); a table only with -o wide.
      boolean scheduledKnown = d.api != null || (d.kubectl != null && d.kubectl.node() != null);
      pods.add(build(d, node, NodeNames.place(claims.get(i), scheduledKnown, identity.name())));
    }
    pods.sort(Comparator.comparing((Pod p) -> Objects.toString(p.namespace(), "\uffff"))
        .thenComparing(p -> Objects.toString(p.name(), "\uffff"))
        .thenComparing(p -> Objects.toString(p.uid(), "")));
    return new Result(pods, identity);
  }

  /** What a pod says of the node: the node the API or kubectl's NODE column names, and whether it is here. */
  private static NodeNames.Claim claim(Draft d) {
    String nodeName = null;
    SourceRef ref = null;
    if (d.api != null) {
      nodeName = d.api.nodeName();
      ref = d.api.ref();
    } else if (d.kubectl != null) {
      nodeName = d.kubectl.node();
      ref = d.kubectl.ref();
    }
    String key = (d.namespace == null ? "" : d.namespace + "/") + (d.name == null ? "pod " + d.uid : d.name);
    return new NodeNames.Claim(key, nodeName, !d.containerIds.isEmpty() || d.cgroup != null, ref);
  }

  private Pod build(Draft d, String node, Placement placement) {
    Boolean isStatic = PodUids.isStatic(d.uid);
    String staticReason = PodUids.reason(d.uid);
    KubectlPodRow k = d.kubectl;
    KubePod api = d.api;
    String status = k != null ? k.status() : api == null ? null : KubePods.status(api);
    String phase = api != null && api.phase() != null ? api.phase() : phase(status);
    Owner owner;
    String apiUid = null;
    if (api != null && api.ownerKind() != null) {
      owner = new Owner(api.ownerKind(), api.ownerName(), "metadata.ownerReferences of the API's pod names it");
    } else {
      owner = d.name == null ? null : PodNames.infer(d.name, node, isStatic, status);
    }
    if (api != null && api.annotations().get("kubernetes.io/config.mirror") != null) {
      isStatic = true;
      apiUid = api.uid();
      staticReason = "the API shows a mirror pod: its kubernetes.io/config.mirror annotation repeats the config hash "
          + d.uid + " that kubelet gave the pod it read from a file, and its own UID " + api.uid() + " is new";
    }
    QosClass apiQos = api == null ? null : QosClass.parse(api.qosClass());
    Integer restarts = k != null ? k.restarts() : api == null ? null
        : api.containers().stream().mapToInt(KubeContainerStatus::restartCount).sum();
    if (owner != null) {
      d.evidence.addAll("owner", d.evidence.build().of("name"));
    }
    d.evidence.addAll("static", d.evidence.build().of("uid"));
    if (d.cgroup == null) {
      d.evidence.addAll("qosClass", d.containerQosRefs);
    }
    QosClass nodeQos = d.cgroup != null ? d.cgroup.qos() : d.containerQos;
    String qosReason = null;
    if (d.cgroup != null && d.cgroup.qos() != null) {
      qosReason = "the pod's cgroup " + d.cgroup.path();
    } else if (d.containerQos != null) {
      qosReason = "the cgroup of its container " + d.containerQosFrom;
    } else if (apiQos != null) {
      qosReason = "the API's status.qosClass";
      d.evidence.addAll("qosClass", api.ref() == null ? List.of() : List.of(api.ref()));
    }
    String nodeName = api != null ? api.nodeName() : k != null && NodeNames.isNode(k.node()) ? k.node() : null;
    return new Pod(d.namespace, d.name, d.uid, apiUid, isStatic, staticReason, nodeQos != null ? nodeQos : apiQos,
        apiQos, qosReason, d.cgroup == null ? null : d.cgroup.path(), owner, k != null ? k.ready() : api == null
        ? null : KubePods.ready(api), status, phase, restarts, nodeName, placement,
        d.containerIds.stream().sorted().toList(), d.evidence.build());
  }

  /** The phase kubectl's STATUS states or implies: {@code Completed} is how it shows a Succeeded pod. */
  private static String phase(String status) {
    if (status == null) {
      return null;
    }
    return switch (status) {
      case "Running", "Pending", "Succeeded", "Failed", "Unknown" -> status;
      case "Completed" -> "Succeeded";
      default -> null;
    };
  }

  /** The draft that matches by UID, or else by namespace and name; a new one when none does. */
  private Draft find(String namespace, String name, String uid) {
    for (Draft d : drafts) {
      boolean uidMatch = uid != null && uid.equals(d.uid);
      boolean nameMatch = name != null && name.equals(d.name)
          && (namespace == null || d.namespace == null || namespace.equals(d.namespace));
      if (uidMatch || (nameMatch && (uid == null || d.uid == null))) {
        d.namespace = d.namespace == null ? namespace : d.namespace;
        d.name = d.name == null ? name : d.name;
        d.uid = d.uid == null ? uid : d.uid;
        return d;
      }
    }
    Draft d = new Draft();
    d.namespace = namespace;
    d.name = name;
    d.uid = uid;
    drafts.add(d);
    return d;
  }
}
