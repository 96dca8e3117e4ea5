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
  /**
   * One kind of secret: a pattern, and the groups that may hold the secret itself (a quoted value is one group,
   * an unquoted one another); the first that matched is the secret.
   */
  private record Kind(String name, Pattern pattern, List<String> groups) {
    Kind(String name, Pattern pattern, String group) {
      this(name, pattern, List.of(group));
    }
  }

  /**
   * Words that, in a flag's, a variable's or a key's name, say its value is a secret. {@code pin} only as a word of
   * the name ({@code sim-pin}, not {@code spinner}).
   */
  private static final String SECRET_WORDS =
      "password|passwd|passphrase|passcode|pwd|token|secret|api[-_]?key|access[-_]?key|private[-_]?key"
          + "|credentials?|auth[-_]?key|client[-_]?secret|(?<![a-z])pin(?![a-z])|cvv|card[-_]?number";

  /** A value: in double quotes, in single quotes (each may hold spaces, a pass phrase), or a run of non-space. */
  private static final String VALUE =
      "(?:\"(?<dq>[^\"\\n]{1,1024})\"|'(?<sq>[^'\\n]{1,1024})'|(?<secret>[^\\s\"'{}\\[\\],]{1,1024}))";
  private static final List<String> VALUE_GROUPS = List.of("dq", "sq", "secret");

  /*
   * Every pattern runs in linear time on any input: each repetition is bounded or possessive, and none can start
   * again at every character of a long run (RedactorTest counts the steps on crafted worst cases).
   */
  private static final List<Kind> KINDS = List.of(
      // -----BEGIN RSA PRIVATE KEY----- … -----END RSA PRIVATE KEY-----, and PGP's PRIVATE KEY BLOCK.
      new Kind("private key", Pattern.compile(
          "(?<secret>-----BEGIN (?<label>[A-Z0-9 ]{0,40}?)PRIVATE KEY(?<block>(?: BLOCK)?)-----[\\s\\S]*?"
              + "(?:-----END \\k<label>PRIVATE KEY\\k<block>-----|\\z))"),
          "secret"),
      // eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig
      new Kind("JWT", Pattern.compile(
          "(?<secret>\\beyJ[A-Za-z0-9_-]{5,}+\\.[A-Za-z0-9_-]{5,}+\\.[A-Za-z0-9_-]*+)"), "secret"),
      // Authorization: Bearer abc, Authorization: Basic dXNlcjpwYXNz
      new Kind("authorization header", Pattern.compile(
          "(?i)(?:authorization|proxy-authorization)[\"']?\\s{0,8}[:=]\\s{0,8}[\"']?"
              + "(?:(?:bearer|basic|token|digest)\\s{1,8})?(?<secret>[^\\s\"',]{1,4096})"), "secret"),
      new Kind("bearer token", Pattern.compile("(?i)\\bbearer\\s{1,8}(?<secret>[A-Za-z0-9._~+/=-]{8,4096})"),
          "secret"),
      // AKIAIOSFODNN7EXAMPLE
      new Kind("AWS access key", Pattern.compile("\\b(?<secret>(?:AKIA|ASIA)[0-9A-Z]{16})\\b"), "secret"),
      new Kind("AWS secret key", Pattern.compile(
          "(?i)aws.{0,20}secret.{0,20}[=:]\\s{0,8}[\"']?(?<secret>[A-Za-z0-9/+]{40})\\b"), "secret"),
      // ghp_…, github_pat_…, glpat-…, xoxb-…
      new Kind("GitHub token", Pattern.compile(
          "\\b(?<secret>gh[pousr]_[A-Za-z0-9]{30,}+|github_pat_[A-Za-z0-9_]{30,}+)"), "secret"),
      new Kind("GitLab token", Pattern.compile("\\b(?<secret>glpat-[A-Za-z0-9_-]{20,}+)"), "secret"),
      new Kind("Slack token", Pattern.compile("\\b(?<secret>xox[abposr]-[A-Za-z0-9-]{10,}+)"), "secret"),
      // https://user:pass@host, redis://:pass@host (no user): any scheme.
      new Kind("URL password", Pattern.compile(
          "(?<![A-Za-z0-9+.-])[a-zA-Z][a-zA-Z0-9+.-]{0,31}://[^/\\s:@\"']{0,256}+:(?<secret>[^@\\s/\"']{1,256}+)@"),
          "secret"),
      // Secrets a well-known command takes as a plain argument.
      new Kind("command argument", Pattern.compile(
          "(?i)(?:\\baws\\s{1,8}configure\\s{1,8}set\\s{1,8}(?:[\\w.]{0,64}?(?:secret|token|key)[\\w.]{0,64}+)"
              + "\\s{1,8}|\\bsshpass\\s{1,8}-p\\s{0,8}|\\bmysql(?:dump|admin)?\\b[^|;&\\n]{0,128}?\\s-p"
              + "|\\bredis-cli\\b[^|;&\\n]{0,128}?\\s-a\\s{1,8}|\\bhtpasswd\\s{1,8}-\\w{0,4}b\\w{0,4}\\s{1,8}\\S{1,256}"
              + "\\s{1,8}\\S{1,256}\\s{1,8}|\\bcurl\\b[^|;&\\n]{0,128}?\\s(?:-u|--user)[\\s=]{1,8}[\"']?[^\\s:\"']{1,128}:)"
              + "(?<secret>[^\\s\"']{1,1024})"), "secret"),
      // --password=x, --token x, --password="two words"; -p=x is too short to tell: a flag's name must say secret.
      new Kind("command-line flag", Pattern.compile(
          "(?i)(?<![\\w-])--?(?<name>[a-z0-9-]{0,64}?(?:" + SECRET_WORDS + ")[a-z0-9-]{0,64}+)(?:=|\\s{1,8})(?!-)"
              + VALUE), VALUE_GROUPS),
      // DB_PASSWORD=x, "AWS_SECRET_ACCESS_KEY=x", PASSWORD='two words'
      new Kind("environment variable", Pattern.compile(
          "(?i)(?<![A-Z0-9_])(?<name>[A-Z0-9_]{0,64}?(?:" + SECRET_WORDS.replace("[-_]", "_") + ")[A-Z0-9_]{0,64}+)="
              + VALUE), VALUE_GROUPS),
      // password: x, "client_secret": "x", x-api-key: x (YAML, JSON, HTTP headers)
      new Kind("key and value", Pattern.compile(
          "(?i)(?<![\\w.-])[\"']?(?<name>[\\w.-]{0,64}?(?:" + SECRET_WORDS + ")[\\w.-]{0,64}+)[\"']?\\s{0,4}:\\s{0,4}"
              + VALUE), VALUE_GROUPS),
      // The body of a key whose BEGIN line is elsewhere (a key split over several lines or values): a long run of
      // base64 with upper and lower case and digits. IDs and digests are hex, and never match.
      new Kind("key material", Pattern.compile(
          "(?<![A-Za-z0-9+/=])(?<secret>[A-Za-z0-9+/]{40,}+={0,2}+)(?![A-Za-z0-9+/=])"), "secret"));

  /** Flag or variable names that hold a file's path or a name, not the secret itself. */
  private static final List<String> SECRET_NEEDLES =
      List.of("passw", "passphrase", "passcode", "pwd", "token", "secret", "key", "credential", "pin", "cvv",
          "card");

  /**
   * For each kind, strings of which every match holds one, in lower case. Most text (paths, IDs, image names) holds
   * none, and a {@code contains} is far cheaper than running the patterns over it. Key material has no word: a
   * scan for a long base64 run stands for its needle.
   */
  private static final Map<String, List<String>> NEEDLES = Map.ofEntries(
      Map.entry("private key", List.of("private key")),
      Map.entry("JWT", List.of("eyj")),
      Map.entry("authorization header", List.of("authorization")),
      Map.entry("bearer token", List.of("bearer")),
      Map.entry("AWS access key", List.of("akia", "asia")),
      Map.entry("AWS secret key", List.of("aws")),
      Map.entry("GitHub token", List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
      Map.entry("GitLab token", List.of("glpat-")),
      Map.entry("Slack token", List.of("xox")),
      Map.entry("URL password", List.of("://")),
      Map.entry("command argument", List.of("aws", "sshpass", "mysql", "redis-cli", "htpasswd", "curl")),
      Map.entry("command-line flag", SECRET_NEEDLES),
      Map.entry("environment variable", SECRET_NEEDLES),
      Map.entry("key and value", SECRET_NEEDLES),
      Map.entry("key material", List.of()));

  private static final Pattern NOT_A_SECRET_NAME = Pattern.compile(
      "(?i).{0,200}?(?:file|path|dir|name|ref|mount|type|length|size|ttl|duration|count|enabled|algorithm"
          + "|interval|period|timeout|retries|version|mode|policy|format|provider|source|id|ids|kind|namespace"
          + "|selector|keyref)");

  /** A switch or a reference to a variable: {@code --enable-bootstrap-token-auth=true} holds no secret. */
  private static final Pattern PLAIN_VALUE = Pattern.compile(
      "(?i)true|false|yes|no|on|off|none|null|\\$\\{?[A-Z_]{1,64}\\}?|\\*{3,8}");

  /** The patterns, for the test that counts their steps on crafted input. */
  static List<Pattern> patterns() {
    return KINDS.stream().map(Kind::pattern).toList();
  }

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
        String group = matched(k, m);
        int from = m.start(group);
        int to = m.end(group);
        if (k.groups().size() > 1 && group.equals("secret")) {
          to = extendUnquoted(out, m, to);
        }
        String secret = out.substring(from, to);
        if (from < last || skip(k, m, secret)) {
          continue;
        }
        if (b == null) {
          b = new StringBuilder(out.length());
        }
        b.append(out, last, from).append(token(secret));
        last = to;
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

  /** The first of the kind's groups that took part in the match. */
  private static String matched(Kind k, Matcher m) {
    for (String g : k.groups()) {
      if (m.start(g) >= 0) {
        return g;
      }
    }
    throw new IllegalStateException("a match of " + k.name() + " with no secret group");
  }

  /**
   * An unquoted value of a name that a quote opened before ({@code "DB_PASSWORD=two words"} in a JSON array), or
   * that is the whole text ({@code DB_PASSWORD=two words}, one Env entry), runs to that quote or to the end, not to
   * its first space.
   */
  private static int extendUnquoted(String text, Matcher m, int end) {
    int name = m.start("name");
    int start = m.start();
    if (name == 0) {
      return text.length();
    }
    // The quote opened before the flag (shell: '--password=two words') or before the name (JSON: "PW=two words").
    char before = start > 0 ? text.charAt(start - 1) : ' ';
    if (before != '"' && before != '\'') {
      before = text.charAt(name - 1);
    }
    if (before == '"' || before == '\'') {
      int close = text.indexOf(before, end);
      int nl = text.indexOf('\n', end);
      if (close > 0 && close - end <= 1024 && (nl < 0 || nl > close)) {
        return close;
      }
    }
    return end;
  }

  private static boolean holdsAny(String text, List<String> needles) {
    if (needles.isEmpty()) {
      return hasBase64Run(text, 40);
    }
    for (String n : needles) {
      if (text.contains(n)) {
        return true;
      }
    }
    return false;
  }

  /** True when the text holds {@code n} or more base64 characters in a row. */
  private static boolean hasBase64Run(String text, int n) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
        if (++run >= n) {
          return true;
        }
      } else {
        run = 0;
      }
    }
    return false;
  }

  private static boolean skip(Kind k, Matcher m, String secret) {
    if (secret.contains("«redacted:")) {
      return true;
    }
    if (k.name().equals("key material")) {
      // Base64 of a key mixes cases and digits throughout (about 56% capitals and digits); a hex ID or digest, a
      // path, a word in capitals does not.
      long upper = secret.chars().filter(c -> c >= 'A' && c <= 'Z').count();
      long digits = secret.chars().filter(c -> c >= '0' && c <= '9').count();
      long lower = secret.chars().filter(c -> c >= 'a' && c <= 'z').count();
      return upper < 4 || digits < 4 || lower < 4 || (upper + digits) * 10 < secret.length() * 3;
    }
    if (k.groups().size() > 1) {
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
