package io.podmortem.assemble;

import io.podmortem.model.Role;
import io.podmortem.model.RuntimeState;
import io.podmortem.model.SourceRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ArrayList;

/**
 * Facts that no source states but the containers' own timeline implies: which containers were init containers,
 * and the base OS of a container whose root filesystem was not read. Each inferred fact says how it was inferred.
 */
final class Inferences {
  private Inferences() {}

  /**
   * Kubelet 1.26 marks no container as an init container: no label and no annotation says so (FORMATS.md §13).
   * Kubelet creates a pod's app containers only once every init container has exited 0, and runs an init container
   * once per sandbox. So a container that exited 0 before the first run of another container of its sandbox was
   * created, and that never ran again, was an init container. The API's {@code spec.initContainers}, where the
   * bundle has it, decides before this is tried.
   */
  static void initContainers(Collection<ContainerDraft> drafts, List<ProcessDraft> procs) {
    Map<String, List<ContainerDraft>> bySandbox = new LinkedHashMap<>();
    for (ContainerDraft c : drafts) {
      String sandbox = c.sandboxId != null ? c.sandboxId : c.podUid() == null ? null : "pod " + c.podUid();
      if (sandbox != null && c.containerName() != null && c.role(procs) != Role.SANDBOX) {
        bySandbox.computeIfAbsent(sandbox, k -> new ArrayList<>()).add(c);
      }
    }
    for (List<ContainerDraft> group : bySandbox.values()) {
      for (ContainerDraft c : group) {
        if (c.kubeRole == null && c.role(procs) == Role.APP) {
          initContainer(c, group);
        }
      }
    }
  }

  private static void initContainer(ContainerDraft c, List<ContainerDraft> group) {
    RuntimeState st = c.state;
    Instant finished = st == null || st.running() || !Integer.valueOf(0).equals(st.exitCode()) ? null
        : instant(st.finishedAt());
    if (finished == null) {
      return;
    }
    Instant created = instant(st.createdAt());
    for (ContainerDraft o : group) {
      boolean sameName = o != c && c.containerName().equals(o.containerName());
      if (sameName && (later(o.attempt(), c.attempt()) || isAfter(instant(o.state), created))) {
        return; // it ran again: an app container that kubelet restarted, not an init container
      }
    }
    ContainerDraft next = group.stream()
        .filter(o -> o != c && !c.containerName().equals(o.containerName()) && Objects.equals(o.attempt(), 0))
        .filter(o -> instant(o.state) != null && !instant(o.state).isBefore(finished))
        .min(Comparator.comparing((ContainerDraft o) -> instant(o.state)).thenComparing(o -> o.shortId))
        .orElse(null);
    if (next == null) {
      return;
    }
    c.inferredRole = Role.INIT;
    c.inferred.put("role", "inferred from the pod's timeline: it exited 0 at " + st.finishedAt() + ", before "
        + next.containerName() + " (" + next.shortId + ") was first created, at " + next.state.createdAt()
        + ", in the same sandbox, and it never ran again. Kubelet starts a pod's app containers only once its init "
        + "containers have exited 0, and marks no container as an init container");
    List<SourceRef> refs = new ArrayList<>(c.evidence.build().of("status"));
    refs.addAll(next.evidence.build().of("status"));
    c.evidence.addAll("role", refs);
  }

  /**
   * A container whose root filesystem was not read (a stopped container with no snapshot listed) runs the same
   * image as any other container of the same image ID: that container's os-release is the image's.
   */
  static void osFromImage(Collection<ContainerDraft> drafts) {
    Map<String, ContainerDraft> donors = new LinkedHashMap<>();
    drafts.stream().filter(c -> c.imageId != null && c.rootfs.os() != null)
        .sorted(Comparator.comparing(c -> c.shortId))
        .forEach(c -> donors.putIfAbsent(c.imageId, c));
    for (ContainerDraft c : drafts) {
      ContainerDraft donor = c.imageId == null || c.rootfs.os() != null ? null : donors.get(c.imageId);
      if (donor != null) {
        c.rootfs = c.rootfs.withOs(donor.rootfs.os(), donor.rootfs.osId(), donor.rootfs.osVersion(),
            donor.rootfs.evidence().of("os"));
        c.inferred.put("os", "inferred from the image: its own root filesystem was not read, and container "
            + donor.shortId + " of the same image " + c.imageId + " has this os-release");
      }
    }
    // Where no image ID was listed (a docker ps table), the image's reference is the weaker sign of the same image.
    Map<String, ContainerDraft> byRef = new LinkedHashMap<>();
    drafts.stream().filter(c -> c.image != null && c.rootfs.os() != null && !c.inferred.containsKey("os"))
        .sorted(Comparator.comparing(c -> c.shortId))
        .forEach(c -> byRef.putIfAbsent(c.image, c));
    for (ContainerDraft c : drafts) {
      ContainerDraft donor = c.image == null || c.rootfs.os() != null ? null : byRef.get(c.image);
      if (donor != null && (c.imageId == null || donor.imageId == null)) {
        c.rootfs = c.rootfs.withOs(donor.rootfs.os(), donor.rootfs.osId(), donor.rootfs.osVersion(),
            donor.rootfs.evidence().of("os"));
        c.inferred.put("os", "inferred from the image: its own root filesystem was not read, and container "
            + donor.shortId + " of the same image reference " + c.image + " has this os-release (no image ID was "
            + "listed to show they are the same image)");
      }
    }
  }

  private static boolean later(Integer a, Integer b) {
    return a != null && b != null && a > b;
  }

  private static boolean isAfter(Instant a, Instant b) {
    return a != null && b != null && a.isAfter(b);
  }

  private static Instant instant(RuntimeState s) {
    return s == null ? null : instant(s.createdAt());
  }

  /** An RFC 3339 time as the runtimes print it, or null for none or one that does not parse. */
  static Instant instant(String time) {
    if (time == null || time.isEmpty() || time.length() > 64 || time.startsWith("0001-01-01")) {
      return null;
    }
    try {
      return OffsetDateTime.parse(time).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
