package io.podmortem.assemble;

import io.podmortem.model.Pod;
import io.podmortem.model.PodRef;
import io.podmortem.model.Role;
import io.podmortem.model.RuntimeState;
import io.podmortem.source.KubeContainerStatus;
import io.podmortem.source.KubePod;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The containers of this node's pods as the API's container statuses name them, for a bundle that holds no runtime
 * listing of its own (docker ps, crictl): a pasted {@code kubectl get pods -o json} is often all a responder is
 * handed, and a process listing shows only the containers that run. Kubelet reports
 * a status's {@code containerID} from the node's runtime, so the container existed there when the API was read;
 * where the bundle does list the node's containers, the listing is the evidence and the API names nothing.
 */
final class ApiContainers {
  private static final Pattern HEX = Pattern.compile("^[0-9a-f]{12,64}$");

  private ApiContainers() {}

  /** Adds a draft for each status of a pod of this node; true when it added any. */
  static boolean add(List<Pod> pods, List<KubePod> api, Function<String, ContainerDraft> draft) {
    Map<String, KubePod> byKey = new java.util.HashMap<>();
    api.forEach(k -> byKey.putIfAbsent(k.namespace() + "/" + k.name(), k));
    boolean any = false;
    for (Pod p : pods) {
      KubePod k = p.isHere() ? byKey.get(p.namespace() + "/" + p.name()) : null;
      if (k == null) {
        continue;
      }
      String mirror = k.annotations().get("kubernetes.io/config.mirror");
      PodRef ref = new PodRef(k.namespace(), k.name(), mirror != null ? mirror : k.uid());
      any |= add(k.containers(), Role.APP, ref, draft);
      any |= add(k.initContainers(), Role.INIT, ref, draft);
      any |= add(k.ephemeralContainers(), Role.EPHEMERAL, ref, draft);
    }
    return any;
  }

  private static boolean add(List<KubeContainerStatus> statuses, Role role, PodRef pod,
      Function<String, ContainerDraft> draft) {
    boolean any = false;
    for (KubeContainerStatus s : statuses) {
      if (s.containerId() == null || !HEX.matcher(s.containerId()).matches()) {
        continue;
      }
      ContainerDraft c = draft.apply(s.containerId());
      any = true;
      c.runtime = c.runtime == null ? s.runtime() : c.runtime;
      c.labelPod = pod;
      c.labelContainerName = s.name();
      c.kubeRole = role;
      c.restarts = s.restartCount();
      c.evidence.add("id", s.ref()).add("name", s.ref()).add("role", s.ref()).add("restarts", s.ref());
      if (s.image() != null) {
        c.image = s.image();
        c.evidence.add("image", s.ref());
      }
      String imageId = s.imageId() == null ? null : s.imageId().replaceFirst("^[a-z-]+://", "");
      c.imageId(imageId);
      boolean running = "running".equals(s.state());
      // A waiting status keeps the ID of the instance that last ended: its end is lastState's.
      boolean waiting = "waiting".equals(s.state());
      c.status = s.state();
      c.state = new RuntimeState(s.state(), running, null, waiting ? s.lastExitCode() : s.exitCode(),
          "OOMKilled".equals(waiting ? s.lastReason() : s.reason()), null, null, s.startedAt(),
          waiting ? s.lastFinishedAt() : s.finishedAt(), null);
      c.evidence.add("status", s.ref());
      if (c.processes.isEmpty() && c.placement == null) {
        c.inferred.put("container", "known from the API's container statuses only: the bundle holds no runtime "
            + "listing of the node's containers, and kubelet reported this ID from the node's runtime");
      }
    }
    return any;
  }
}
