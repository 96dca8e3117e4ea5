package io.podmortem.source.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.source.ParseIssues;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Listing lines in the collector's format, read from the bytes. */
class ListingReaderTest {
  /** The FORMATS.md §12 upper dir: two writes and a whiteout, and more kinds of line. */
  private static final String UPPER = String.join("\n",
      "d 755 0 0 4096 1795470780.0000000000\tetc\t",
      "f 644 0 0 6 1795470780.4381234560\tetc/os-release.bak\t",
      "f 755 0 0 10 1795470780.4381234560\ttmp/dropper.sh\t",
      "c 0 0 0 0 1795470780.0000000000\tbin/nc\t",
      "l 777 0 0 7 1795470780.0000000000\tbin/sh\tbusybox",
      "f 4755 0 0 1 1795470780.0000000000\tusr/bin/su\t",
      "f 644 0 0 0 1795470780.0000000000\tvar/.wh.cache\t",
      "f 644 0 0 0 1795470780.0000000000\tvar/lib/.wh..wh..opq\t");

  /** What a sink saw of one line, copied out of the reused {@link ListingLine}. */
  record Seen(String path, char type, int mode, long size, long mtime, int line, long hash, long parent, int depth,
      boolean whiteout, boolean opaque, long deleted, String deletedPath) {}

  static List<Seen> read(String text, ParseIssues issues) throws IOException {
    return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), issues, 1 << 20);
  }

  static List<Seen> read(InputStream in, ParseIssues issues, int maxLine) throws IOException {
    List<Seen> out = new ArrayList<>();
    new ListingReader(maxLine).read(in, "l.txt", l -> out.add(new Seen(l.path(), l.type, l.mode, l.size, l.mtime,
        l.lineNo, l.hash, l.parentHash, l.depth, l.whiteout, l.opaque, l.deleted,
        l.whiteout ? l.deletedPath() : null)), issues);
    return out;
  }

  @Test
  void read_typesModesWhiteoutsAndOpaqueFolders() throws IOException {
    ParseIssues issues = ParseIssues.bounded(10);
    List<Seen> l = read(UPPER, issues);
    assertThat(issues.list()).isEmpty();
    assertThat(l).hasSize(8);
    assertThat(l.get(1).mtime()).isEqualTo(1795470780L);
    assertThat(l.get(1).size()).isEqualTo(6);
    assertThat(l.get(3).whiteout()).isTrue();
    assertThat(l.get(3).deletedPath()).isEqualTo("bin/nc");
    assertThat(l.get(3).deleted()).isEqualTo(PathHash.of("bin/nc"));
    assertThat(l.get(4).whiteout()).isFalse();
    assertThat(l.get(5).mode()).isEqualTo(04755);
    assertThat(l.get(6).deletedPath()).isEqualTo("var/cache");
    assertThat(l.get(6).deleted()).isEqualTo(PathHash.of("var/cache"));
    assertThat(l.get(7).opaque()).isTrue();
    assertThat(l.get(7).whiteout()).isFalse();
    assertThat(l.get(7).parent()).isEqualTo(PathHash.of("var/lib"));
  }

  @Test
  void read_truncationMarker_andMalformedLines_withTheirLineNumbers() throws IOException {
    ParseIssues issues = ParseIssues.bounded(10);
    List<Seen> l = read(String.join("\n",
        "f 644 0 0 6 1795470780.0\ta",
        "f 644 0 0 6 1795470780.0\ta\tb\tc",
        "f 644 0 0 6 1795470780.\ta\t",
        "x 644 0 0 6 1795470780\ta\t",
        "f 8644 0 0 6 1795470780\ta\t",
        "f 644 0 0 6 1795470780\t\t",
        "",
        "f 644 0 0 6 1795470780\tgood\t",
        "#truncated 1 of 512345"), issues);
    assertThat(l).extracting(Seen::path).containsExactly("good");
    assertThat(l.get(0).line()).isEqualTo(8);
    assertThat(issues.list()).extracting(i -> i.line()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(issues.list().get(0).toString()).startsWith("l.txt:1:1: expected '<type> <mode>");
  }

  @Test
  void read_truncationMarker_givesTheTotal() throws IOException {
    ParseIssues issues = ParseIssues.bounded(10);
    boolean[] done = {false};
    ListingReader.Result r = new ListingReader(1 << 20).read(new ByteArrayInputStream(
        "f 644 0 0 6 1\ta\t\n#truncated 1 of 512345\n".getBytes(StandardCharsets.UTF_8)), "l.txt",
        x -> done[0] = true, issues);
    assertThat(r.total()).isEqualTo(512345);
    assertThat(r.lines()).isEqualTo(2);
    assertThat(done[0]).isTrue();
  }

  /** The hash resumes at the folder a path shares with the one before: it must equal the hash of the whole path. */
  @Test
  void read_hashesEqualThoseOfTheWholePath_inAnyOrder() throws IOException {
    Random r = new Random(42);
    String[] names = {"a", "b", "usr", "lib", "x86_64-linux-gnu", "é", "a.b", ".wh.a", "ab"};
    for (int round = 0; round < 50; round++) {
      StringBuilder text = new StringBuilder();
      List<String> paths = new ArrayList<>();
      String cur = "";
      for (int i = 0; i < 200; i++) {
        int move = r.nextInt(4);
        if (move == 0 || cur.isEmpty()) {
          cur = cur.isEmpty() ? names[r.nextInt(names.length)] : cur + "/" + names[r.nextInt(names.length)];
        } else if (move == 1 && cur.contains("/")) {
          cur = cur.substring(0, cur.lastIndexOf('/'));
        } else if (move == 2) {
          int slash = cur.lastIndexOf('/');
          cur = (slash < 0 ? "" : cur.substring(0, slash + 1)) + names[r.nextInt(names.length)];
        }
        paths.add(cur);
        text.append("d 755 0 0 1 1\t").append(cur).append("\t\n");
      }
      List<Seen> seen = read(text.toString(), ParseIssues.bounded(1));
      assertThat(seen).hasSize(paths.size());
      for (int i = 0; i < paths.size(); i++) {
        String p = paths.get(i);
        int slash = p.lastIndexOf('/');
        assertThat(seen.get(i).hash()).as(p).isEqualTo(PathHash.of(p));
        assertThat(seen.get(i).parent()).as(p).isEqualTo(slash < 0 ? PathHash.ROOT : PathHash.of(p.substring(0, slash)));
        assertThat(seen.get(i).depth()).as(p).isEqualTo(p.split("/").length);
      }
    }
  }

  /** Lines that straddle the reader's buffer, a final line without a newline, and a line over the limit. */
  @Test
  void read_acrossBuffers_lastLineWithoutNewline_andOverLongLine() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("f 644 0 0 ").append(i).append(" 1\tdir/file-").append(i).append("\t\n");
    }
    text.append("f 644 0 0 1 1\t").append("y".repeat(5000)).append("\t\n");
    text.append("f 644 0 0 1 1\tlast\t");
    ParseIssues issues = ParseIssues.bounded(10);
    List<Seen> l = read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), issues, 1000);
    assertThat(l).hasSize(20_001);
    assertThat(l.get(19_999).size()).isEqualTo(19_999);
    assertThat(l.get(20_000).path()).isEqualTo("last");
    assertThat(l.get(20_000).line()).isEqualTo(20_002);
    assertThat(issues.list()).singleElement().satisfies(i -> assertThat(i.line()).isEqualTo(20_001));
  }

  /**
   * Whole lines in the buffer take the quick path; a line the buffer cuts, and every line of a stream that hands out
   * one byte per read, take the careful one. Random good and bad lines (CRs, tabs, long digits, markers, blank
   * lines, lines over the limit) must read the same either way: the same lines, hashes and issues.
   */
  @Test
  void read_quickAndCarefulPaths_agree() throws IOException {
    Random r = new Random(7);
    String[] good = {"f 644 0 0 6 1795470780.4381234560\tetc/a\t", "d 755 0 0 4096 1\tetc\t",
        "l 777 0 0 7 1\tbin/sh\tbusybox", "c 0 0 0 0 1\tbin/nc\t", "f 644 0 0 0 1\tvar/.wh..wh..opq\t",
        "f 644 0 0 0 1\tvar/.wh.x\t", "f 4755 4294967295 1 999999999999999999 999999999999\tusr/bin/su\t",
        "f 644 0 0 1 1\tetc/a/b/c/d\t\r", "p 600 1 1 0 1.5\tr\u00e9/\u00e9\t"};
    String[] bad = {"", "\r", "#truncated 10 of 20", "#truncated x", "f 644 0 0 1 1\tno-second-tab",
        "f 644 0 0 1 1\ta\tb\tc", "f 64444 0 0 1 1\ta\t", "f 644 0 0 1234567890123456789 1\ta\t",
        "f 644 0 0 1 1.\ta\t", "x 644 0 0 1 1\ta\t", "f 644 0 0 1 1\t\t", "f 644 0 0 1 1\t" + "z".repeat(300) + "\t",
        "f 644  0 0 1 1\ta\t", "f"};
    for (int round = 0; round < 30; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 400; i++) {
        text.append(r.nextInt(5) == 0 ? bad[r.nextInt(bad.length)] : good[r.nextInt(good.length)]);
        if (i < 399 || r.nextBoolean()) {
          text.append('\n');
        }
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      ParseIssues quickIssues = ParseIssues.bounded(1000);
      ParseIssues carefulIssues = ParseIssues.bounded(1000);
      List<Seen> quick = read(new ByteArrayInputStream(bytes), quickIssues, 256);
      List<Seen> careful = read(new ByteArrayInputStream(bytes) {
        @Override
        public synchronized int read(byte[] b, int off, int len) {
          return super.read(b, off, Math.min(len, 1));
        }
      }, carefulIssues, 256);
      assertThat(quick).as("round " + round).isNotEmpty().isEqualTo(careful);
      assertThat(quickIssues.list()).as("round " + round).isNotEmpty().isEqualTo(carefulIssues.list());
    }
  }

  @Test
  void indexOfNewline_findsTheFirst_atEveryOffset() {
    for (int at = 0; at < 40; at++) {
      byte[] b = new byte[40];
      java.util.Arrays.fill(b, (byte) 0x0b);
      b[at] = '\n';
      if (at + 3 < 40) {
        b[at + 3] = '\n';
      }
      assertThat(ListingReader.indexOfNewline(b, 0, 40)).isEqualTo(at);
      assertThat(ListingReader.indexOfNewline(b, at + 1, 40)).isEqualTo(at + 3 < 40 ? at + 3 : -1);
    }
  }
}
