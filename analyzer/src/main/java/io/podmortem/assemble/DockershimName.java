package io.podmortem.assemble;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container name as kubelet's dockershim (and cri-dockerd) builds it.
 *
 * <pre>
 * k8s_POD_&lt;pod&gt;_&lt;namespace&gt;_&lt;uid&gt;_&lt;attempt&gt;          the sandbox
 * k8s_&lt;container&gt;_&lt;pod&gt;_&lt;namespace&gt;_&lt;uid&gt;_&lt;attempt&gt;  an app container
 * </pre>
 *
 * A seventh part {@code _<8 hex>} is added after a name conflict. See cri-dockerd {@code core/naming.go}. Before
 * Kubernetes 1.2 (dockertools, kubernetes#19354) the container name carried a hash and the last part was random:
 * {@code k8s_<container>.<hash>_<pod>_<namespace>_<uid>_<random>}, with no attempt.
 *
 * @param attempt the attempt, or null in the old naming, which has none
 */
public record DockershimName(String containerName, String podName, String namespace, String podUid,
    Integer attempt) {
  /**
   * Example matches: {@code k8s_POD_etcd-udon_kube-system_c2a3008c1d9895f171cd394e38656ea0_0},
   * {@code k8s_weave_weave-net-mchmg_kube-system_b9af9615-8cde-4a18-8555-6da1f51b7136_1}.
   */
  private static final Pattern NAME = Pattern.compile(
      "^/?k8s_(?<ctr>[^_]+)_(?<pod>[^_]+)_(?<ns>[^_]+)_(?<uid>[^_]+)_(?<attempt>\\d{1,9})(?:_[0-9a-f]{8})?$");

  /** Example match: {@code k8s_POD.6059dfa2_kube-scheduler-ip-10-0-0-1_kube-system_c9bc5a66e6d1ac4e1079_fcf872d4}. */
  private static final Pattern OLD_NAME = Pattern.compile(
      "^/?k8s_(?<ctr>[^_.]+)\\.[0-9a-f]{1,8}_(?<pod>[^_]+)_(?<ns>[^_]+)_(?<uid>[^_]+)_[0-9a-f]{8}$");

  /** Parses a name; null when it is not a dockershim name. */
  public static DockershimName parse(String name) {
    if (name == null || name.length() > 1024) {
      return null;
    }
    Matcher old = OLD_NAME.matcher(name);
    if (old.matches()) {
      return new DockershimName(old.group("ctr"), old.group("pod"), old.group("ns"), old.group("uid"), null);
    }
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return null;
    }
    return new DockershimName(m.group("ctr"), m.group("pod"), m.group("ns"), m.group("uid"),
        Integer.parseInt(m.group("attempt")));
  }

  public boolean isSandbox() {
    return containerName.equals("POD");
  }
}
