package io.podmortem.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.podmortem.model.ParseIssue;
import io.podmortem.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindListingParserTest {
  private static final String ROOTFS = "transcript/udon-rootfs-transcript.txt";
  private final ParseIssues issues = ParseIssues.bounded(100);

  @Test
  void parse_udonFindSed_countsThirteenPaths() {
    String e = "find/udon-find-sed.txt";
    FileListing listing = FindListingParser.parse(Fixtures.load(e), issues);

    assertThat(listing.first()).isEqualTo(new SourceRef(e, 1));
    assertThat(listing.entries()).isEqualTo(13);
    assertThat(listing.sample()).containsExactly("pause", "proc", ".dockerenv", "etc", "etc/resolv.conf",
        "etc/hostname", "etc/mtab", "etc/hosts", "sys", "dev", "dev/shm", "dev/pts", "dev/console");
    assertThat(issues.list()).isEmpty();
  }

  @Test
  void looksLike_transcriptSegments_followsTheFindCommand() {
    Transcript tr = TranscriptParser.parse(Fixtures.load(ROOTFS), issues);
    TextBlock find = tr.segments().get(2).output();
    TextBlock wc = tr.segments().get(6).output();

    assertThat(FindListingParser.looksLike(find)).isTrue();
    assertThat(FindListingParser.parse(find, issues).first()).isEqualTo(new SourceRef(ROOTFS, 5));
    assertThat(FindListingParser.looksLike(wc)).isFalse();
    assertThat(FindListingParser.looksLike(tr.segments().get(0).output())).isFalse();
  }

  @Test
  void parse_longListing_keepsFiftyPathsAndCountsAll() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      lines.add("./usr/lib/f" + i);
    }
    FileListing listing = FindListingParser.parse(TextBlock.of("f.txt", lines), issues);

    assertThat(listing.entries()).isEqualTo(120);
    assertThat(listing.sample()).hasSize(FindListingParser.SAMPLE_SIZE).endsWith("./usr/lib/f49");
  }

  @Test
  void parse_findErrorLine_recordsIssueAndIsNotCounted() {
    TextBlock t = Fixtures.of("f.txt", ".\n./proc\nfind: './proc/1/map_files': Permission denied\n./etc");

    FileListing listing = FindListingParser.parse(t, issues);

    assertThat(listing.entries()).isEqualTo(3);
    assertThat(issues.list()).containsExactly(new ParseIssue("f.txt", 3, 1,
        "find reported an error, not a path: 'find: './proc/1/map_files': Permission denied'"));
  }

  @Test
  void parse_emptyBlock_hasNoEntriesAndAnEntryLevelRef() {
    FileListing listing = FindListingParser.parse(TextBlock.of("f.txt", List.of()), issues);

    assertThat(listing).isEqualTo(new FileListing(new SourceRef("f.txt", 0), 0, List.of()));
  }

  @Test
  void looksLike_withoutCommand_acceptsOnlyTheFindFixture() {
    for (TextBlock t : Fixtures.all()) {
      assertThat(FindListingParser.looksLike(t)).as(t.entry()).isEqualTo(t.entry().startsWith("find/"));
    }
  }

}
