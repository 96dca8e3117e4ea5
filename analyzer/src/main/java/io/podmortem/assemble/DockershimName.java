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
 * A seventh part {@code _<8 hex>} is added after a name conflict. See cri-dockerd {@code core/naming.go}.
 */
public record DockershimName(String containerName, String podName, String namespace, String podUid, int attempt) {
  /**
   * Example matches: {@code k8s_POD_etcd-udon_kube-system_c2a3008c1d9895f171cd394e38656ea0_0},
   * {@code k8s_weave_weave-net-mchmg_kube-system_b9af9615-8cde-4a18-8555-6da1f51b7136_1}.
   */
  private static final Pattern NAME = Pattern.compile(
      "^/?k8s_(?<ctr>[^_]+)_(?<pod>[^_]+)_(?<ns>[^_]+)_(?<uid>[^_]+)_(?<attempt>\\d{1,9})(?:_[0-9a-f]{8})?$");

  /** Parses a name; null when it is not a dockershim name. */
  public static DockershimName parse(String name) {
    if (name == null) {
      return null;
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
