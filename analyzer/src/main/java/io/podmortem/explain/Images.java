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
    String s = withoutDigest(image);
    int colon = tagColon(s);
    return colon < 0 ? s : s.substring(0, colon);
  }

  /** The tag, or null when the reference has none (and so means {@code latest}, or is pinned by digest). */
  public static String tag(String image) {
    String s = withoutDigest(image);
    int colon = tagColon(s);
    return colon < 0 ? null : s.substring(colon + 1);
  }

  private static String withoutDigest(String image) {
    int at = image.indexOf('@');
    return at < 0 ? image : image.substring(0, at);
  }

  /** The colon before the tag, or -1; a colon before the last slash is a registry's port. */
  private static int tagColon(String s) {
    int colon = s.lastIndexOf(':');
    return colon > s.lastIndexOf('/') ? colon : -1;
  }
}
