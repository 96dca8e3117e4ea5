package io.podmortem.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleReaderTest {
  @TempDir
  Path dir;

  private final List<String> seen = new ArrayList<>();

  private EntryHandler recorder() {
    return (e, in) -> seen.add(e.kind() + " " + e.name() + (e.linkTarget() == null ? "" : " -> " + e.linkTarget())
        + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
  }

  private byte[] tar() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(bytes)) {
      t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      file(t, "./ps.txt", "hello");
      file(t, "../../etc/passwd", "evil");
      TarArchiveEntry link = new TarArchiveEntry("link", TarArchiveEntry.LF_SYMLINK);
      link.setLinkName("/etc/shadow");
      t.putArchiveEntry(link);
      t.closeArchiveEntry();
      TarArchiveEntry dev = new TarArchiveEntry("dev", TarArchiveEntry.LF_CHR);
      t.putArchiveEntry(dev);
      t.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  private static void file(TarArchiveOutputStream t, String name, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setSize(b.length);
    t.putArchiveEntry(e);
    t.write(b);
    t.closeArchiveEntry();
  }

  private Path write(String name, byte[] content, boolean gzip, boolean xz) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream raw = Files.newOutputStream(p);
        OutputStream out = gzip ? new GzipCompressorOutputStream(raw) : xz ? new XZCompressorOutputStream(raw) : raw) {
      out.write(content);
    }
    return p;
  }

  @Test
  void read_tarGz_namesAreData_linksAndDevicesAreNotFollowed() throws IOException {
    ReadSummary read = new BundleReader(Limits.defaults()).read(write("b.tar.gz", tar(), true, false), recorder());
    List<String> warnings = read.warnings();
    assertThat(warnings).isEmpty();
    assertThat(seen).containsExactly("FILE ps.txt hello", "FILE ../../etc/passwd evil",
        "SYMLINK link -> /etc/shadow ", "DEVICE dev ");
    assertThat(dir.getParent().resolve("etc")).doesNotExist();
    // sha256 of "hello", the bytes of ps.txt as stored.
    assertThat(read.sha256()).containsEntry("ps.txt",
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  }

  @Test
  void read_tarXz_andPlainTar() throws IOException {
    new BundleReader(Limits.defaults()).read(write("b.tar.xz", tar(), false, true), recorder());
    new BundleReader(Limits.defaults()).read(write("b.tar", tar(), false, false), recorder());
    assertThat(seen).hasSize(8);
  }

  /**
   * An xz stream whose block asks for a 1.5 GiB dictionary (LZMA2 property 37), as a hostile bundle can: the decoder
   * would allocate it before the first byte, and a 256 MB heap would end in OutOfMemoryError.
   */
  @Test
  void read_xzAskingForMoreMemoryThanTheCap_isAWarningNamingTheCap_notAnError() throws IOException {
    byte[] xz = Files.readAllBytes(write("small.tar.xz", tar(), false, true));
    // Stream header: 12 bytes. Block header: its size byte, flags, then filter flags (id 0x21, size 1, property).
    int at = 12;
    int size = ((xz[at] & 0xff) + 1) * 4;
    int flags = xz[at + 1] & 0xff;
    assertThat(flags & 0xc0).as("no optional sizes in the block header").isZero();
    assertThat(xz[at + 2]).as("LZMA2").isEqualTo((byte) 0x21);
    xz[at + 4] = 37;
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(xz, at, size - 4);
    java.nio.ByteBuffer.wrap(xz, at + size - 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue());
    Path huge = write("huge-dict.tar.xz", xz, false, false);

    List<String> warnings = new BundleReader(Limits.defaults()).read(huge, recorder()).warnings();
    assertThat(warnings).containsExactly("the xz stream asks for 1572968 KiB of memory to be decompressed, past the "
        + "cap of 81920 KiB: nothing of it was read");
    assertThat(seen).isEmpty();
  }

  private byte[] tarWith(String longName, int paxComment, int mode) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(bytes)) {
      t.setLongFileMode(mode);
      file(t, "first.txt", "one");
      TarArchiveEntry e = new TarArchiveEntry(longName, true);
      if (paxComment > 0) {
        e.addPaxHeader("comment", "x".repeat(paxComment));
      }
      byte[] b = "two".getBytes(StandardCharsets.UTF_8);
      e.setSize(b.length);
      t.putArchiveEntry(e);
      t.write(b);
      t.closeArchiveEntry();
      file(t, "last.txt", "three");
    }
    return bytes.toByteArray();
  }

  @Test
  void read_paxHeaderPastTheCap_stopsThere_withTheCapNamed_andKeepsWhatCameBefore() throws IOException {
    Path tar = write("pax.tar", tarWith("big.txt", 2 << 20, TarArchiveOutputStream.LONGFILE_POSIX), false, false);
    List<String> warnings = new BundleReader(Limits.defaults()).read(tar, recorder()).warnings();

    assertThat(seen).containsExactly("FILE first.txt one");
    assertThat(warnings).singleElement().asString().matches("archive broken after entry first.txt: a PAX header "
        + "of \\d+ bytes, past the cap of 1048576 bytes: the tar reader would hold it whole");
  }

  /** A GNU long-name header ({@code ././@LongLink}, type L) of {@code size} bytes, its name data, and the end blocks. */
  private static byte[] gnuLongName(int size) {
    byte[] h = new byte[512];
    byte[] name = "././@LongLink".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(name, 0, h, 0, name.length);
    System.arraycopy(String.format("%07o\0", 0644).getBytes(StandardCharsets.US_ASCII), 0, h, 100, 8);
    System.arraycopy(String.format("%011o\0", size).getBytes(StandardCharsets.US_ASCII), 0, h, 124, 12);
    h[156] = 'L';
    System.arraycopy("ustar  \0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8);
    Arrays.fill(h, 148, 156, (byte) ' ');
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    System.arraycopy(String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII), 0, h, 148, 8);
    byte[] out = new byte[512 + (size + 511) / 512 * 512 + 1024];
    System.arraycopy(h, 0, out, 0, 512);
    Arrays.fill(out, 512, 512 + size, (byte) 'n');
    return out;
  }

  @Test
  void read_gnuLongNamePastTheCap_stopsThere_withTheCapNamed() throws IOException {
    Path tar = write("gnu.tar", gnuLongName((2 << 20) + 1), false, false);
    List<String> warnings = new BundleReader(Limits.defaults()).read(tar, recorder()).warnings();

    assertThat(seen).isEmpty();
    assertThat(warnings).containsExactly("archive broken at its start: a GNU long name of 2097153 bytes, past the cap "
        + "of 1048576 bytes: the tar reader would hold it whole");
  }

  @Test
  void read_longNamesUnderTheCap_passTheGuardUntouched() throws IOException {
    String name = "dir/".repeat(60) + "f.txt";
    new BundleReader(Limits.defaults()).read(write("p.tar", tarWith(name, 4096, TarArchiveOutputStream.LONGFILE_POSIX),
        false, false), recorder());
    new BundleReader(Limits.defaults()).read(write("g.tar", tarWith(name, 0, TarArchiveOutputStream.LONGFILE_GNU),
        false, true), recorder());

    assertThat(seen).containsExactly("FILE first.txt one", "FILE " + name + " two", "FILE last.txt three",
        "FILE first.txt one", "FILE " + name + " two", "FILE last.txt three");
  }

  @Test
  void read_truncatedGzip_keepsWhatWasRead_andWarnsWhereItBroke() throws IOException {
    byte[] whole = Files.readAllBytes(write("whole.tar.gz", tar(), true, false));
    Path cut = write("cut.tar.gz", Arrays.copyOf(whole, whole.length / 2), false, false);
    List<String> warnings = new BundleReader(Limits.defaults()).read(cut, recorder()).warnings();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).startsWith("archive broken");
  }

  @Test
  void read_fileOverTheLimit_isNotReadAndReported() throws IOException {
    Files.writeString(dir.resolve("big.txt"), "x".repeat(1000));
    List<String> warnings = new BundleReader(new Limits(100, 1 << 20, 10, 1000)).read(dir, (e, in) ->
        seen.add(e.name() + " " + in.readAllBytes().length)).warnings();
    assertThat(seen).containsExactly("big.txt 0");
    assertThat(warnings).containsExactly("big.txt holds 1000 bytes, over the limit of 100 for one entry: not read");
  }

  /** The archive is inflated on a second thread: a handler that fails must stop it, not leave the reading hung. */
  @Test
  void read_handlerFails_stopsTheInflatingThread_andSaysWhy() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(bytes)) {
      for (int i = 0; i < 200; i++) {
        // More than the buffers between the threads hold, so the inflating thread is blocked when the handler fails.
        file(t, "f" + i + ".txt", "y".repeat(1 << 16));
      }
    }
    Path bundle = write("many.tar.gz", bytes.toByteArray(), true, false);
    assertThatThrownBy(() -> new BundleReader(Limits.defaults()).read(bundle, (e, in) -> {
      if (e.name().equals("f3.txt")) {
        throw new IOException("parser gave up");
      }
      in.readAllBytes();
    })).isInstanceOf(BundleException.class).hasMessageContaining("parser gave up");
    Thread.sleep(300);
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("podmortem-inflate"));
  }

  /** Every byte of every entry reaches the handler in order, across the buffers between the two threads. */
  @Test
  void read_largeEntries_arriveWholeAndInOrder() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      big.append(i).append('\n');
    }
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(bytes)) {
      file(t, "a.txt", big.toString());
      file(t, "b.txt", "");
      file(t, "c.txt", "tail");
    }
    List<String> got = new ArrayList<>();
    new BundleReader(Limits.defaults()).read(write("big.tar.gz", bytes.toByteArray(), true, false),
        (e, in) -> got.add(e.name() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8).hashCode()));
    assertThat(got).containsExactly("a.txt " + big.toString().hashCode(), "b.txt 0", "c.txt " + "tail".hashCode());
  }

  @Test
  void read_missingPath_throwsWithTheName() {
    assertThatThrownBy(() -> new BundleReader(Limits.defaults()).read(dir.resolve("nope"), recorder()))
        .isInstanceOf(BundleException.class).hasMessageEndingWith("nope");
  }
}
