package io.podmortem.synth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Hex IDs, UUIDs and k8s-style suffixes. */
final class Hex {
  private static final String SUFFIX = "bcdfghjklmnpqrstvwxz2456789";

  private Hex() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String s) {
    return HexFormat.of().formatHex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  /** A 64-hex ID drawn from the seeded random stream. */
  static String id(Random r) {
    byte[] b = new byte[32];
    r.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  static String uuid(Random r) {
    String x = id(r).substring(0, 32);
    x = x.substring(0, 12) + "4" + x.substring(13, 16) + "89ab".charAt(r.nextInt(4)) + x.substring(17);
    return x.substring(0, 8) + "-" + x.substring(8, 12) + "-" + x.substring(12, 16) + "-" + x.substring(16, 20)
        + "-" + x.substring(20);
  }

  static String suffix(Random r, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(SUFFIX.charAt(r.nextInt(SUFFIX.length())));
    }
    return sb.toString();
  }
}
