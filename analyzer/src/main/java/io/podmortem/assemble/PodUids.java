package io.podmortem.assemble;

import java.util.regex.Pattern;

/** Tells a static pod's UID (kubelet's config hash) from an API server's UUID. */
public final class PodUids {
  /** Example match: {@code c2a3008c1d9895f171cd394e38656ea0}. */
  private static final Pattern CONFIG_HASH = Pattern.compile("^[0-9a-f]{32}$");
  /** Example match: {@code 4d7d3d81-a769-4de9-a4fb-04763b7c1605}. */
  private static final Pattern UUID = Pattern.compile(
      "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  private PodUids() {}

  /** True for a static pod, false for an API pod, null for a UID of neither shape. */
  public static Boolean isStatic(String uid) {
    if (uid == null) {
      return null;
    }
    if (CONFIG_HASH.matcher(uid).matches()) {
      return true;
    }
    return UUID.matcher(uid).matches() ? false : null;
  }

  /** Why {@link #isStatic} says what it says. */
  public static String reason(String uid) {
    Boolean s = isStatic(uid);
    if (s == null) {
      return uid == null ? "no source shows the pod's UID" : "the UID '" + uid + "' has neither known shape";
    }
    return s
        ? "its UID is a 32-hex config hash, which kubelet gives only to pods it reads from a file or URL, such as "
            + "its static pod manifest folder (pkg/kubelet/config/common.go)"
        : "its UID is a UUID, which the API server assigns to pods it creates";
  }
}
