package io.podmortem.source;

import io.podmortem.model.Collection;
import io.podmortem.model.Drift;
import io.podmortem.model.SourceInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the sources of one bundle yielded, parsed but not yet joined. */
public record Observations(
    List<PsForest> forests,
    List<DockerPsTable> dockerPs,
    List<KubectlPodsTable> kubectlPods,
    List<CgroupTree> cgroupTrees,
    List<RootfsFact> rootfs,
    List<Observed> hostnames,
    List<SourceInfo> sources,
    List<String> warnings,
    Collection collection,
    List<DockerContainer> dockerContainers,
    List<ProcCgroups> procCgroups,
    List<RootfsRow> rootfsRows,
    Map<String, Integer> mergedEntries,
    Map<String, Drift> drift,
    List<Observed> dates,
    List<CriPod> criPods,
    List<CriContainer> criContainers,
    List<KubePod> kubePods,
    List<OverlayMount> overlayMounts,
    List<ContainerMounts> containerMounts,
    List<Observed> kubeletNodeNames,
    List<DockerEvent> dockerEvents,
    List<DockerStat> dockerStats) {

  public Observations {
    forests = List.copyOf(forests);
    dockerPs = List.copyOf(dockerPs);
    kubectlPods = List.copyOf(kubectlPods);
    cgroupTrees = List.copyOf(cgroupTrees);
    rootfs = List.copyOf(rootfs);
    hostnames = List.copyOf(hostnames);
    sources = List.copyOf(sources);
    warnings = List.copyOf(warnings);
    dockerContainers = List.copyOf(dockerContainers);
    procCgroups = List.copyOf(procCgroups);
    rootfsRows = List.copyOf(rootfsRows);
    mergedEntries = Map.copyOf(mergedEntries);
    drift = Map.copyOf(drift);
    dates = List.copyOf(dates);
    criPods = List.copyOf(criPods);
    criContainers = List.copyOf(criContainers);
    kubePods = List.copyOf(kubePods);
    overlayMounts = List.copyOf(overlayMounts);
    containerMounts = List.copyOf(containerMounts);
    kubeletNodeNames = List.copyOf(kubeletNodeNames);
    dockerEvents = List.copyOf(dockerEvents);
    dockerStats = List.copyOf(dockerStats);
  }

  /** Collects observations while the bundle streams past. */
  public static final class Builder {
    final List<PsForest> forests = new ArrayList<>();
    final List<DockerPsTable> dockerPs = new ArrayList<>();
    final List<KubectlPodsTable> kubectlPods = new ArrayList<>();
    final List<CgroupTree> cgroupTrees = new ArrayList<>();
    final List<RootfsFact> rootfs = new ArrayList<>();
    final List<Observed> hostnames = new ArrayList<>();
    final List<SourceInfo> sources = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    Collection collection;
    final List<DockerContainer> dockerContainers = new ArrayList<>();
    final List<DockerEvent> dockerEvents = new ArrayList<>();
    final List<DockerStat> dockerStats = new ArrayList<>();
    final List<ProcCgroups> procCgroups = new ArrayList<>();
    final List<RootfsRow> rootfsRows = new ArrayList<>();
    final Map<String, Integer> mergedEntries = new LinkedHashMap<>();
    final Map<String, Drift> drift = new LinkedHashMap<>();
    final List<Observed> dates = new ArrayList<>();
    final List<CriPod> criPods = new ArrayList<>();
    final List<CriContainer> criContainers = new ArrayList<>();
    final List<KubePod> kubePods = new ArrayList<>();
    final List<OverlayMount> overlayMounts = new ArrayList<>();
    final List<ContainerMounts> containerMounts = new ArrayList<>();
    final List<Observed> kubeletNodeNames = new ArrayList<>();
    /** The overlay mounts already kept, by mount point and upper dir. */
    final java.util.Set<String> seenOverlays = new java.util.HashSet<>();
    /** A sosreport's version.txt: the version of sos that wrote it. */
    Observed sosVersion;
    /** The cgroups whose copied process lists were read: each v1 hierarchy holds its own copy of most. */
    final java.util.Set<String> copiedCgroups = new java.util.HashSet<>();

    public Builder warning(String w) {
      warnings.add(w);
      return this;
    }

    public Observations build() {
      return new Observations(forests, dockerPs, kubectlPods, cgroupTrees, rootfs, hostnames, sources, warnings,
          collection, dockerContainers, procCgroups, rootfsRows, mergedEntries, drift, dates,
          criPods, criContainers, kubePods, overlayMounts, containerMounts, kubeletNodeNames, dockerEvents,
          dockerStats);
    }
  }
}
