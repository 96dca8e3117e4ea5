package io.podmortem.explain;

import java.util.regex.Pattern;

/** Reads image references: {@code registry/repo:tag@sha256:digest}, or a bare image ID. */
public final class Images {
  /** Example matches: {@code 296a6d5035e2}, {@code sha256:296a6d5035e2…} (64 hex). */
  private static final Pattern ID = Pattern.compile("^(?:sha256:)?[0-9a-f]{12}(?:[0-9a-f]{52})?$");

  private Images() {}

  /** True when the reference is only an image ID, as docker ps shows an image pulled by digest or untagged. */
  public static boolean isId(String image) {
    return image != null && ID.matcher(image).matches();
  }

  /** The repository without tag or digest: {@code k8s.gcr.io/pause:3.4.1} gives {@code k8s.gcr.io/pause}. */
  public static String repository(String image) {
    String s = image;
    int at = s.indexOf('@');
    if (at >= 0) {
      s = s.substring(0, at);
    }
    int slash = s.lastIndexOf('/');
    int colon = s.lastIndexOf(':');
    return colon > slash ? s.substring(0, colon) : s;
  }

  /** The tag, or null when the reference has none (and so means {@code latest}, or is pinned by digest). */
  public static String tag(String image) {
    String s = image;
    int at = s.indexOf('@');
    if (at >= 0) {
      s = s.substring(0, at);
    }
    int slash = s.lastIndexOf('/');
    int colon = s.lastIndexOf(':');
    return colon > slash ? s.substring(colon + 1) : null;
  }
}
