package io.podmortem.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code kubectl get pods -A -o json} (a {@code List} or {@code PodList}) and {@code kubectl get pod x -o json}
 * (a single {@code Pod}).
 *
 * <pre>
 * {"apiVersion": "v1", "items": [{"apiVersion": "v1", "kind": "Pod",
 *   "metadata": {"name": "queue-l4dv8", "namespace": "default", "ownerReferences": [{"kind": "ReplicaSet", …}], …},
 *   "status": {"containerStatuses": [{"containerID": "docker://d8e1e333…", "name": "queue", "restartCount": 0,
 *     "state": {"running": {"startedAt": "2022-12-23T09:36:47Z"}}}], "phase": "Running", …}}], "kind": "List"}
 * </pre>
 *
 * Each pod and each container status is cited by the line its object starts on. A pod that does not fit the
 * wire shape is an issue and the others are still read.
 */
public final class KubePodsJsonParser {

  private KubePodsJsonParser() {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Meta(String name, String namespace, String uid, Map<String, String> annotations, List<Owner> ownerReferences) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Owner(String kind, String name) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Spec(String nodeName) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Status(String phase, String qosClass, String startTime) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Pod(String kind, Meta metadata, Spec spec, Status status) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Terminated(Integer exitCode, String reason, String startedAt, String finishedAt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Running(String startedAt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Waiting(String reason) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record State(Running running, Waiting waiting, Terminated terminated) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ContainerStatus(String name, String containerID, String image, String imageID, Integer restartCount,
      Boolean ready, State state, State lastState) {}

  /** A {@code kind} of Pod, List or PodList near the top, and pod-shaped content. */
  public static boolean looksLike(TextBlock t) {
    int first = t.firstNonBlank();
    if (first < 0 || !t.lines().get(first).trim().startsWith("{")) {
      return false;
    }
    boolean pod = false;
    boolean podShaped = false;
    for (int i = first; i < t.size(); i++) {
      String l = t.lines().get(i).replace(" ", "");
      pod |= l.contains("\"kind\":\"Pod\"") || l.contains("\"kind\":\"PodList\"");
      // managedFields (kubectl 1.18+) come before spec and can fill the head: their f: keys are the pod's too.
      podShaped |= l.contains("\"containerStatuses\":") || l.contains("\"containers\":[")
          || l.contains("\"f:containerStatuses\":") || l.contains("\"f:containers\":");
    }
    return pod && podShaped;
  }

  public static List<KubePod> parse(TextBlock t, ParseIssues issues) {
    return parse(t, null, issues);
  }

  /** Streams the JSON from {@code text}, or from the block's lines when null; {@code t} numbers the lines. */
  public static List<KubePod> parse(TextBlock t, java.io.Reader text, ParseIssues issues) {
    List<KubePod> out = new ArrayList<>();
    CriDocument d = CriDocument.read(t, text, "items", "kubectl pods JSON", issues,
        item -> add(out, translate(item.node(), item.index(), item.located(), t, issues)));
    if (!d.sawList && "Pod".equals(d.top.path("kind").asText())) {
      add(out, translate(d.top, d.topIndex, d.located, t, issues));
    }
    return out;
  }

  private static void add(List<KubePod> out, KubePod p) {
    if (p != null) {
      out.add(p);
    }
  }

  private static KubePod translate(JsonNode node, int index, LocatedJson located, TextBlock t, ParseIssues issues) {
    Pod pod;
    try {
      pod = Jsons.read(node, Pod.class, t, index, issues);
    } catch (Exception e) {
      issues.add(t, index, 0, "pod does not fit the Pod shape: " + Jsons.message(e));
      return null;
    }
    if (pod.metadata() == null || pod.metadata().name() == null) {
      issues.add(t, index, 0, "pod has no metadata.name");
      return null;
    }
    Meta m = pod.metadata();
    Owner owner = m.ownerReferences() == null || m.ownerReferences().isEmpty() ? null : m.ownerReferences().get(0);
    Status s = pod.status() == null ? new Status(null, null, null) : pod.status();
    JsonNode status = node.path("status");
    Spec spec = pod.spec() == null ? new Spec(null) : pod.spec();
    return new KubePod(t.ref(index), m.namespace(), m.name(), m.uid(), spec.nodeName(), s.phase(), s.qosClass(),
        s.startTime(), owner == null ? null : owner.kind(), owner == null ? null : owner.name(), m.annotations(),
        names(node.path("spec").path("containers")), names(node.path("spec").path("initContainers")),
        statuses(status.path("containerStatuses"), index, located, t, issues),
        statuses(status.path("initContainerStatuses"), index, located, t, issues),
        statuses(status.path("ephemeralContainerStatuses"), index, located, t, issues));
  }

  /** The {@code name} of each object of a spec's container list; anything else in the list is passed over. */
  private static List<String> names(JsonNode list) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : list) {
      if (n.path("name").isTextual()) {
        out.add(n.path("name").asText());
      }
    }
    return out;
  }

  private static List<KubeContainerStatus> statuses(JsonNode array, int podIndex, LocatedJson located, TextBlock t,
      ParseIssues issues) {
    List<KubeContainerStatus> out = new ArrayList<>();
    for (JsonNode n : array) {
      int index = located.index(n, podIndex);
      try {
        KubeContainerStatus c = status(Jsons.read(n, ContainerStatus.class, t, index, issues), t, index, issues);
        if (c != null) {
          out.add(c);
        }
      } catch (Exception e) {
        issues.add(t, index, 0, "container status does not fit its shape: " + Jsons.message(e));
      }
    }
    return out;
  }

  private static KubeContainerStatus status(ContainerStatus c, TextBlock t, int index, ParseIssues issues) {
    if (c.name() == null) {
      issues.add(t, index, 0, "container status has no name");
      return null;
    }
    String runtime = null;
    String id = null;
    if (c.containerID() != null && !c.containerID().isEmpty()) {
      int sep = c.containerID().indexOf("://");
      if (sep > 0) {
        runtime = c.containerID().substring(0, sep);
        id = c.containerID().substring(sep + 3);
      } else {
        issues.add(t, index, 0, "expected a containerID like <runtime>://<id>, got "
            + ParseIssues.quote(c.containerID()));
      }
    }
    State st = c.state();
    String state = null;
    String reason = null;
    Integer exitCode = null;
    String startedAt = null;
    String finishedAt = null;
    if (st != null && st.terminated() != null) {
      state = "terminated";
      reason = st.terminated().reason();
      exitCode = st.terminated().exitCode();
      startedAt = st.terminated().startedAt();
      finishedAt = st.terminated().finishedAt();
    } else if (st != null && st.running() != null) {
      state = "running";
      startedAt = st.running().startedAt();
    } else if (st != null && st.waiting() != null) {
      state = "waiting";
      reason = st.waiting().reason();
    }
    Terminated last = c.lastState() == null ? null : c.lastState().terminated();
    return new KubeContainerStatus(t.ref(index), c.name(), runtime, id, c.image(),
        c.imageID() == null || c.imageID().isEmpty() ? null : c.imageID(),
        c.restartCount() == null ? 0 : c.restartCount(), c.ready(), state, reason, exitCode, startedAt, finishedAt,
        last == null ? null : last.reason(), last == null ? null : last.exitCode(),
        last == null ? null : last.finishedAt());
  }
}
