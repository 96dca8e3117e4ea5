package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Disabled;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every parser, the sniffer and the source reader over random text and over mutated real fixtures: none may throw,
 * and the issues each records stay within their bound. Tries are bounded so the normal test run stays fast.
 */
class ParserPropertiesTest {
  private static final int MAX_ISSUES = 20;
  private static final List<TextBlock> FIXTURES = Fixtures.all();
  /** Pieces real outputs are made of, to splice into mutated lines. */
  private static final List<String> PIECES = List.of("\t", "…", "│", "├─", "└─", " \\_ ", "{", "}", "[", "]", "\"",
      ":", ",", "=", "0::/", "kubepods", " ", "\u0000", "\u001b[31m", "\ud800", "\udc00", "\r", "$ ", "# ",
      "\uffff", "-1", "99999999999999999999", "null", "\"Id\":", "CONTAINER ID", "PID", "NAME=\"x\"");

  /** Runs everything that reads text on one block, and checks the issue bound. */
  static void parseEverything(TextBlock t) {
    List<ParseIssues> all = new ArrayList<>();
    ParseIssues issues;
    new PsForestParser().parse(t, issues = bounded(all));
    new DockerPsParser().parse(t, issues = bounded(all));
    new KubectlPodsParser().parse(t, issues = bounded(all));
    CglsParser.parse(t, issues = bounded(all));
    TranscriptParser.parse(t, issues = bounded(all));
    OsReleaseParser.parse(t, issues = bounded(all));
    FileDescriptionParser.parse(t, issues = bounded(all));
    FindListingParser.parse(t, issues = bounded(all));
    CountParser.parse(t, issues = bounded(all));
    ListingParser.parse(t, issues = bounded(all));
    ProcCgroupParser.parse(t, issues = bounded(all));
    RootfsTableParser.parse(t, issues = bounded(all));
    MountinfoParser.parse(t, issues = bounded(all));
    // ManifestParser has its own, disabled, property below: it throws on the JSON literal null.
    DockerInspectParser.parse(t, issues = bounded(all));
    DockerPsJsonParser.parse(t, issues = bounded(all));
    CriPodsParser.parse(t, issues = bounded(all));
    CriContainersParser.parse(t, issues = bounded(all));
    KubePodsJsonParser.parse(t, issues = bounded(all));
    new Sniffer().sniff(t, true);
    new Sniffer().sniff(t, false);
    SourceReader reader = new SourceReader(1 << 20);
    reader.read(t);
    reader.observations();
    for (ParseIssues p : all) {
      // The bound, plus one line that counts the rest.
      assertThat(p.list()).hasSizeLessThanOrEqualTo(MAX_ISSUES + 1);
    }
  }

  private static ParseIssues bounded(List<ParseIssues> all) {
    ParseIssues p = ParseIssues.bounded(MAX_ISSUES);
    all.add(p);
    return p;
  }

  @Property(tries = 200)
  void randomLines_neverThrow(@ForAll("randomLines") List<String> lines) {
    parseEverything(TextBlock.of("random.txt", lines));
  }

  @Property(tries = 200)
  void randomLinesUnderACommand_neverThrow(@ForAll("randomLines") List<String> lines,
      @ForAll("commands") String command) {
    parseEverything(new TextBlock("random.txt", 1, lines, command));
  }

  @Property(tries = 200)
  @Disabled("bug: ManifestParser.parse(TextBlock.of(\"m.json\", List.of(\"null\")), ParseIssues.bounded(20)) throws"
      + " NullPointerException: Cannot invoke \"io.podmortem.source.ManifestParser$ManifestJson.commands()\""
      + " because \"m\" is null")
  void manifestParser_randomLines_neverThrows(@ForAll("randomLines") List<String> lines) {
    ParseIssues issues = ParseIssues.bounded(MAX_ISSUES);
    ManifestParser.parse(TextBlock.of("random.txt", lines), issues);
    assertThat(issues.list()).hasSizeLessThanOrEqualTo(MAX_ISSUES + 1);
  }

  @Property(tries = 200)
  @Disabled("bug: same NullPointerException as above, from the JSON literal null")
  void manifestParser_mutatedFixtures_neverThrows(@ForAll("mutatedFixtures") TextBlock t) {
    ManifestParser.parse(t, ParseIssues.bounded(MAX_ISSUES));
  }

  @Property(tries = 200)
  @Disabled("bug: StackOverflowError in java.util.regex from FindListingParser.looksLike (PATH"
      + " '(?:[^\\\\s=]| (?! ))*' recurses per character) on a line of about 2,000+ characters such as 'a a a …'"
      + " under a 'find / -mindepth 1' command; see HostileBundleTest.longLineUnderAFindPrompt_doesNotOverflowTheStack")
  void randomLinesUnderAFindCommand_neverThrow(@ForAll("randomLines") List<String> lines) {
    parseEverything(new TextBlock("random.txt", 1, lines, "find / -mindepth 1"));
  }

  @Property(tries = 300)
  void mutatedFixtures_neverThrow(@ForAll("mutatedFixtures") TextBlock t) {
    parseEverything(t);
  }

  @Provide
  Arbitrary<List<String>> randomLines() {
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(200);
    Arbitrary<String> spliced = Arbitraries.of(PIECES).list().ofMaxSize(30).map(l -> String.join("", l));
    Arbitrary<String> longToken = Arbitraries.strings().withChars("a/\\_-{}[]\" 0").ofMinLength(5_000)
        .ofMaxLength(20_000);
    Arbitrary<String> line = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, any), net.jqwik.api.Tuple.of(5, spliced), net.jqwik.api.Tuple.of(1, longToken));
    return line.list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<String> commands() {
    return Arbitraries.of("ps faxno user,stat,cmd", "ps -eo pid,ppid,user,stat,args", "docker ps -a --no-trunc",
        "kubectl get pods -A -o wide", "systemd-cgls --no-pager --full", "cat /etc/os-release",
        "file -b /var/lib/docker/overlay2/x/merged/bin/sh", "find . | wc -l", "ls | wc -l", "crictl ps -a",
        "sudo docker inspect x", "\"unterminated 'quote", "", "|", "a | | b");
  }

  @Provide
  Arbitrary<TextBlock> mutatedFixtures() {
    Arbitrary<TextBlock> fixture = Arbitraries.of(FIXTURES);
    Arbitrary<Long> seed = Arbitraries.longs();
    Arbitrary<Integer> count = Arbitraries.integers().between(1, 8);
    return Combinators.combine(fixture, seed, count).as(ParserPropertiesTest::mutate);
  }

  /** Applies {@code count} random mutations: drop, duplicate or swap lines, truncate, flip or insert characters. */
  static TextBlock mutate(TextBlock t, long seed, int count) {
    Random r = new Random(seed);
    List<String> lines = new ArrayList<>(t.lines());
    for (int k = 0; k < count && !lines.isEmpty(); k++) {
      int i = r.nextInt(lines.size());
      String line = lines.get(i);
      switch (r.nextInt(8)) {
        case 0 -> lines.remove(i);
        case 1 -> lines.add(i, line);
        case 2 -> {
          int j = r.nextInt(lines.size());
          lines.set(i, lines.get(j));
          lines.set(j, line);
        }
        case 3 -> lines.subList(r.nextInt(lines.size()), lines.size()).clear();
        case 4 -> lines.set(i, line.substring(0, r.nextInt(line.length() + 1)));
        case 5 -> {
          if (!line.isEmpty()) {
            char[] c = line.toCharArray();
            int at = r.nextInt(c.length);
            c[at] = (char) (c[at] ^ (1 << r.nextInt(16)));
            lines.set(i, new String(c));
          }
        }
        case 6 -> {
          int at = r.nextInt(line.length() + 1);
          lines.set(i, line.substring(0, at) + PIECES.get(r.nextInt(PIECES.size())) + line.substring(at));
        }
        default -> lines.set(i, line.replace(" ", "\t"));
      }
    }
    return new TextBlock(t.entry(), 1, lines, null);
  }
}
