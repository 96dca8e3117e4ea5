package io.podmortem.redact;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces secrets in text with stable tokens such as {@code «redacted:1a2b»}. The token is a keyed hash of the
 * secret, so within one report the same value always gives the same token (a reader can see that two places hold
 * one secret) while the token says nothing of the value. The key comes from the bundle, so reports of the same
 * bundle are identical.
 */
public final class Redactor {
  /** One kind of secret: a pattern, and the group that holds the secret itself. */
  private record Kind(String name, Pattern pattern, String group) {}

  private static final String SECRET_WORDS =
      "password|passwd|passphrase|pwd|token|secret|api[-_]?key|access[-_]?key|private[-_]?key|credentials?"
          + "|auth[-_]?key|client[-_]?secret";

  private static final List<Kind> KINDS = List.of(
      // -----BEGIN RSA PRIVATE KEY----- … -----END RSA PRIVATE KEY-----
      new Kind("private key", Pattern.compile(
          "(?<secret>-----BEGIN (?<label>[A-Z0-9 ]*)PRIVATE KEY-----[\\s\\S]*?(?:-----END \\k<label>PRIVATE KEY-----|\\z))"),
          "secret"),
      // eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig
      new Kind("JWT", Pattern.compile("(?<secret>\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*)"),
          "secret"),
      // Authorization: Bearer abc, Authorization: Basic dXNlcjpwYXNz
      new Kind("authorization header", Pattern.compile(
          "(?i)(?:authorization|proxy-authorization)[\"']?\\s*[:=]\\s*[\"']?(?:(?:bearer|basic|token|digest)\\s+)?"
              + "(?<secret>[^\\s\"',]+)"), "secret"),
      new Kind("bearer token", Pattern.compile("(?i)\\bbearer\\s+(?<secret>[A-Za-z0-9._~+/=-]{8,})"), "secret"),
      // AKIAIOSFODNN7EXAMPLE
      new Kind("AWS access key", Pattern.compile("\\b(?<secret>(?:AKIA|ASIA)[0-9A-Z]{16})\\b"), "secret"),
      new Kind("AWS secret key", Pattern.compile(
          "(?i)aws.{0,20}secret.{0,20}[=:]\\s*[\"']?(?<secret>[A-Za-z0-9/+]{40})\\b"), "secret"),
      // ghp_…, github_pat_…, glpat-…, xoxb-…
      new Kind("GitHub token", Pattern.compile(
          "\\b(?<secret>gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})\\b"), "secret"),
      new Kind("GitLab token", Pattern.compile("\\b(?<secret>glpat-[A-Za-z0-9_-]{20,})"), "secret"),
      new Kind("Slack token", Pattern.compile("\\b(?<secret>xox[abposr]-[A-Za-z0-9-]{10,})"), "secret"),
      // https://user:pass@host
      new Kind("URL password", Pattern.compile(
          "\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@\"']+:(?<secret>[^@\\s/\"']+)@"), "secret"),
      // --password=x, --token x, -p=x is too short to tell; a flag's name must say secret.
      new Kind("command-line flag", Pattern.compile(
          "(?i)(?<![\\w-])--?(?<name>[a-z0-9-]*(?:" + SECRET_WORDS + ")[a-z0-9-]*)(?:=|\\s+)"
              + "(?!-)(?<secret>[^\\s\"']+)"), "secret"),
      // DB_PASSWORD=x, "AWS_SECRET_ACCESS_KEY=x"
      new Kind("environment variable", Pattern.compile(
          "(?i)\\b(?<name>[A-Z0-9_]*(?:" + SECRET_WORDS.replace("-", "_") + ")[A-Z0-9_]*)=(?<secret>[^\\s\"',]+)"),
          "secret"));

  /** Flag or variable names that hold a file's path or a name, not the secret itself. */
  private static final List<String> SECRET_NEEDLES =
      List.of("passw", "passphrase", "pwd", "token", "secret", "key", "credential");

  /**
   * For each kind, strings of which every match holds one, in lower case. Most text (paths, IDs, image names) holds
   * none, and a {@code contains} is far cheaper than running eleven patterns over it.
   */
  private static final Map<String, List<String>> NEEDLES = Map.ofEntries(
      Map.entry("private key", List.of("private key-----")),
      Map.entry("JWT", List.of("eyj")),
      Map.entry("authorization header", List.of("authorization")),
      Map.entry("bearer token", List.of("bearer")),
      Map.entry("AWS access key", List.of("akia", "asia")),
      Map.entry("AWS secret key", List.of("aws")),
      Map.entry("GitHub token", List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
      Map.entry("GitLab token", List.of("glpat-")),
      Map.entry("Slack token", List.of("xox")),
      Map.entry("URL password", List.of("://")),
      Map.entry("command-line flag", SECRET_NEEDLES),
      Map.entry("environment variable", SECRET_NEEDLES));

  private static final Pattern NOT_A_SECRET_NAME = Pattern.compile(
      "(?i).*(?:file|path|dir|name|ref|mount|type|length|size|ttl|duration|count|enabled|algorithm)$");

  /** A switch or a number: {@code --enable-bootstrap-token-auth=true} holds no secret. */
  private static final Pattern PLAIN_VALUE = Pattern.compile(
      "(?i)true|false|yes|no|on|off|none|null|\\d{1,9}(?:[smhd])?|\\$\\{?[A-Z_]+\\}?");

  private final Mac mac;
  private final Map<String, Integer> counts = new TreeMap<>();
  private final List<String> places = new ArrayList<>();

  public Redactor(byte[] key) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[] {0} : key, "HmacSHA256"));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java has HmacSHA256", e);
    }
  }

  /** False when no kind of secret can be in the text: it holds none of the words every match must hold. */
  public boolean mayHoldSecret(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    for (Kind k : KINDS) {
      if (holdsAny(lower, NEEDLES.get(k.name()))) {
        return true;
      }
    }
    return false;
  }

  /** The text with every secret replaced; {@code place} says where it was, for the report's count. */
  public String redact(String text, String place) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    String lower = out.toLowerCase(java.util.Locale.ROOT);
    for (Kind k : KINDS) {
      if (!holdsAny(lower, NEEDLES.get(k.name()))) {
        continue;
      }
      Matcher m = k.pattern().matcher(out);
      StringBuilder b = null;
      int last = 0;
      while (m.find()) {
        String secret = m.group(k.group());
        if (skip(k, m, secret)) {
          continue;
        }
        if (b == null) {
          b = new StringBuilder(out.length());
        }
        b.append(out, last, m.start(k.group())).append(token(secret));
        last = m.end(k.group());
        counts.merge(k.name(), 1, Integer::sum);
        if (places.size() < 1000) {
          places.add(place + ": " + k.name());
        }
      }
      if (b != null) {
        out = b.append(out, last, out.length()).toString();
        lower = out.toLowerCase(java.util.Locale.ROOT);
      }
    }
    return out;
  }

  private static boolean holdsAny(String text, List<String> needles) {
    for (String n : needles) {
      if (text.contains(n)) {
        return true;
      }
    }
    return false;
  }

  private static boolean skip(Kind k, Matcher m, String secret) {
    if (secret.startsWith("«redacted:")) {
      return true;
    }
    if (k.name().equals("command-line flag") || k.name().equals("environment variable")) {
      String name = m.group("name");
      // A path or an empty-looking value is configuration, not a secret: --tls-private-key-file=/etc/x.key.
      return NOT_A_SECRET_NAME.matcher(name).matches() || secret.startsWith("/") || secret.equals("***")
          || PLAIN_VALUE.matcher(secret).matches();
    }
    return false;
  }

  /** {@code «redacted:1a2b»}: the first four hex digits of the keyed hash of the value. */
  String token(String secret) {
    byte[] h = mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
    return "«redacted:" + HexFormat.of().formatHex(h, 0, 2) + "»";
  }

  /** How many secrets of each kind were replaced. */
  public Map<String, Integer> counts() {
    return Map.copyOf(counts);
  }

  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Where they were, at most a thousand. */
  public List<String> places() {
    return List.copyOf(places);
  }
}
