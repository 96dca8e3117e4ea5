package io.podmortem.assemble;

import io.podmortem.model.NodeIdentity;
import io.podmortem.model.Placement;
import io.podmortem.model.SourceRef;
import io.podmortem.source.Observed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides which node of the cluster a bundle is from, and so which of the API's pods are this node's.
 * {@code kubectl get pods -A} lists every pod of the cluster; only the pods the API schedules here are this node's
 * to explain. The strongest evidence is the pods whose containers the node holds: the API names their node. The
 * hostname comes next: kubelet registers the node under the hostname unless {@code --hostname-override} or a cloud
 * provider gives another name, so a hostname that names no node of the API is reported, not trusted.
 */
final class NodeNames {
  /** At most this many lines are cited for one decision: enough to check it, not a list of the whole cluster. */
  private static final int MAX_REFS = 6;

  /**
   * What one pod says about the node: the node the API schedules it on (null when none), whether the node holds
   * a container or cgroup of it, and where the node name was read.
   */
  record Claim(String pod, String node, boolean here, SourceRef ref) {}

  private NodeNames() {}

  static NodeIdentity decide(List<Claim> claims, List<Observed> hostnames) {
    return decide(claims, hostnames, List.of());
  }

  /**
   * As {@link #decide(List, List)}, where the bundle also shows the name kubelet registered the node under (its
   * kubeconfig's {@code system:node:<name>} user): that is the node's name by definition, and the other sources
   * are checked against it.
   */
  static NodeIdentity decide(List<Claim> claims, List<Observed> hostnames, List<Observed> kubeletNames) {
    if (!kubeletNames.isEmpty()) {
      return fromKubelet(kubeletNames.get(0), claims, hostnames);
    }
    Observed host = hostnames.isEmpty() ? null : hostnames.get(0);
    Map<String, List<Claim>> here = new TreeMap<>();
    TreeSet<String> apiNodes = new TreeSet<>();
    for (Claim c : claims) {
      if (isNode(c.node())) {
        apiNodes.add(c.node());
        if (c.here()) {
          here.computeIfAbsent(c.node(), k -> new ArrayList<>()).add(c);
        }
      }
    }
    List<String> disagreements = new ArrayList<>();
    List<SourceRef> refs = new ArrayList<>();
    if (!here.isEmpty()) {
      String name = here.entrySet().stream()
          .max(Comparator.comparingInt((Map.Entry<String, List<Claim>> e) -> e.getValue().size())
              .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .map(Map.Entry::getKey).orElseThrow();
      List<Claim> mine = here.get(name);
      mine.stream().limit(MAX_REFS).forEach(c -> refs.add(c.ref()));
      String reason = "the API schedules " + count(mine.size(), "pod") + " whose containers run here on node '"
          + name + "'";
      here.forEach((other, pods) -> {
        if (!other.equals(name)) {
          disagreements.add(count(pods.size(), "pod") + " with containers here " + (pods.size() == 1 ? "is" : "are")
              + " scheduled on '" + other + "' by the API (" + names(pods) + "): the API's view is older or newer "
              + "than the node's");
          pods.stream().limit(MAX_REFS).forEach(c -> refs.add(c.ref()));
        }
      });
      if (host != null) {
        refs.add(host.ref());
        if (same(host.value(), name)) {
          reason += ", and the hostname '" + host.value() + "' agrees";
        } else {
          disagreements.add("the hostname is '" + host.value() + "' (" + host.ref() + "), not '" + name + "': "
              + "kubelet registered the node under another name (--hostname-override or a cloud provider's), so "
              + "the pods decide");
        }
      }
      return new NodeIdentity(name, reason + ".", refs, disagreements);
    }
    if (host != null) {
      refs.add(host.ref());
      String match = apiNodes.stream().filter(n -> same(host.value(), n)).findFirst().orElse(null);
      if (match != null) {
        return new NodeIdentity(match, "the hostname '" + host.value() + "' (" + host.ref() + ") names node '"
            + match + "' of the API" + (match.equals(host.value()) ? "" : " (the same host, spelt otherwise)")
            + "; no pod with a container here says which node it is on.", refs, disagreements);
      }
      String why = apiNodes.isEmpty() ? ", and no pod says which node it runs on"
          : "; no pod the API lists is on a node of that name (the API names " + count(apiNodes.size(), "node")
              + ": " + String.join(", ", apiNodes.stream().limit(MAX_REFS).toList())
              + (apiNodes.size() > MAX_REFS ? ", …" : "") + "), so every pod it lists is taken to run elsewhere";
      return new NodeIdentity(host.value(), "the hostname is '" + host.value() + "' (" + host.ref() + ")" + why + ".",
          refs, disagreements);
    }
    if (apiNodes.size() == 1) {
      String only = apiNodes.first();
      claims.stream().filter(c -> only.equals(c.node())).limit(MAX_REFS).forEach(c -> refs.add(c.ref()));
      return new NodeIdentity(only, "the bundle shows no hostname and no pod with a container here, and every pod "
          + "the API lists is on node '" + only + "', so that node is assumed to be this one.", refs, disagreements);
    }
    return new NodeIdentity(null, apiNodes.isEmpty()
        ? "no source names the node: the bundle shows no hostname, and no pod says which node it runs on."
        : "the bundle shows no hostname and no pod with a container here, and the API lists pods on "
            + count(apiNodes.size(), "node") + ", so which of them is this one cannot be told.",
        refs, disagreements);
  }

  private static NodeIdentity fromKubelet(Observed kubelet, List<Claim> claims, List<Observed> hostnames) {
    String name = kubelet.value();
    List<SourceRef> refs = new ArrayList<>(List.of(kubelet.ref()));
    List<String> disagreements = new ArrayList<>();
    Map<String, List<Claim>> elsewhere = new TreeMap<>();
    for (Claim c : claims) {
      if (c.here() && isNode(c.node()) && !same(c.node(), name)) {
        elsewhere.computeIfAbsent(c.node(), k -> new ArrayList<>()).add(c);
      }
    }
    elsewhere.forEach((other, pods) -> {
      disagreements.add(count(pods.size(), "pod") + " with containers here " + (pods.size() == 1 ? "is" : "are")
          + " scheduled on '" + other + "' by the API (" + names(pods) + "): the API's view is older or newer than "
          + "the node's");
      pods.stream().limit(MAX_REFS).forEach(c -> refs.add(c.ref()));
    });
    Observed host = hostnames.isEmpty() ? null : hostnames.get(0);
    if (host != null && !same(host.value(), name)) {
      disagreements.add("the hostname is '" + host.value() + "' (" + host.ref() + "), not '" + name + "': kubelet "
          + "registered the node under another name (--hostname-override or a cloud provider's)");
      refs.add(host.ref());
    }
    return new NodeIdentity(name, "kubelet registered the node as '" + name + "': its kubeconfig's user is "
        + "system:node:" + name + " (" + kubelet.ref() + ").", refs, disagreements);
  }

  /** Where a pod runs, given the node the bundle is from. */
  static Placement place(Claim c, boolean scheduledKnown, String thisNode) {
    if (c.here()) {
      return Placement.THIS_NODE;
    }
    if (!isNode(c.node())) {
      return scheduledKnown ? Placement.UNSCHEDULED : Placement.UNKNOWN;
    }
    if (thisNode == null) {
      return Placement.UNKNOWN;
    }
    return same(c.node(), thisNode) ? Placement.THIS_NODE : Placement.OTHER_NODE;
  }

  /**
   * Whether two names are of one host: equal ignoring case, or one is the other's first DNS label
   * ({@code ip-10-0-0-1} and {@code ip-10-0-0-1.ec2.internal}).
   */
  static boolean same(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    return x.equals(y) || y.startsWith(x + ".") || x.startsWith(y + ".");
  }

  /** A node name as the API or kubectl gives it: kubectl prints {@code <none>} for a pod with no node. */
  static boolean isNode(String node) {
    return node != null && !node.isBlank() && !node.equals("<none>");
  }

  private static String names(List<Claim> pods) {
    return String.join(", ", pods.stream().limit(MAX_REFS).map(Claim::pod).toList())
        + (pods.size() > MAX_REFS ? ", …" : "");
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
