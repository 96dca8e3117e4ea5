package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded fuzzer: every parser, the sniffer and the source reader over random text and over mutated real
 * fixtures. None may throw, and the issues each records stay within their bound. Each case is one seed, so a
 * failure names the seed that reproduces it; the number of seeds keeps the normal run fast.
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
    ManifestParser.parse(t, issues = bounded(all));
    DockerInspectParser.parse(t, issues = bounded(all));
    DockerPsJsonParser.parse(t, issues = bounded(all));
    CriPodsParser.parse(t, issues = bounded(all));
    CriContainersParser.parse(t, issues = bounded(all));
    KubePodsJsonParser.parse(t, issues = bounded(all));
    PstreeParser.parse(t, issues = bounded(all));
    DockerStatsParser.parse(t, issues = bounded(all));
    DockerEventsParser.parse(t, issues = bounded(all));
    CgroupProcsParser.parse(t, issues = bounded(all));
    SosManifestParser.parse(t, issues = bounded(all));
    TreeListingParser.parse(t, issues = bounded(all));
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

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomLines_neverThrow(long seed) {
    parseEverything(TextBlock.of("random.txt", randomLines(new Random(seed))));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomLinesUnderACommand_neverThrow(long seed) {
    Random r = new Random(seed);
    parseEverything(new TextBlock("random.txt", 1, randomLines(r), COMMANDS.get(r.nextInt(COMMANDS.size()))));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void mutatedFixtures_neverThrow(long seed) {
    Random r = new Random(seed);
    parseEverything(mutate(FIXTURES.get(r.nextInt(FIXTURES.size())), r.nextLong(), 1 + r.nextInt(8)));
  }

  private static final List<String> COMMANDS = List.of("ps faxno user,stat,cmd", "ps -eo pid,ppid,user,stat,args",
      "docker ps -a --no-trunc", "kubectl get pods -A -o wide", "systemd-cgls --no-pager --full",
      "cat /etc/os-release", "file -b /var/lib/docker/overlay2/x/merged/bin/sh", "find . | wc -l", "ls | wc -l",
      "crictl ps -a", "sudo docker inspect x", "find / -mindepth 1", "\"unterminated 'quote", "", "|", "a | | b");

  /** Up to 40 lines: any characters, spliced pieces of real outputs, and now and then a very long token. */
  static List<String> randomLines(Random r) {
    List<String> lines = new ArrayList<>();
    int n = r.nextInt(41);
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(11);
      StringBuilder b = new StringBuilder();
      if (kind < 5) {
        int len = r.nextInt(201);
        for (int k = 0; k < len; k++) {
          b.append((char) r.nextInt(0x10000));
        }
      } else if (kind < 10) {
        int len = r.nextInt(31);
        for (int k = 0; k < len; k++) {
          b.append(PIECES.get(r.nextInt(PIECES.size())));
        }
      } else {
        String chars = "a/\\_-{}[]\" 0";
        int len = 5_000 + r.nextInt(15_001);
        for (int k = 0; k < len; k++) {
          b.append(chars.charAt(r.nextInt(chars.length())));
        }
      }
      lines.add(b.toString());
    }
    return lines;
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
