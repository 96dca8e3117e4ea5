package io.podmortem.bundle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Opens a bundle (a folder, {@code .tar}, {@code .tar.gz}/{@code .tgz} or {@code .tar.xz}) and streams its entries
 * once, in a stable order, without extracting anything to disk.
 */
public final class BundleReader {
  private final Limits limits;
  private final java.util.function.LongConsumer progress;

  public BundleReader(Limits limits) {
    this(limits, bytes -> { });
  }

  /** A reader that reports how many bytes of the bundle (as stored, compressed) it has read so far. */
  public BundleReader(Limits limits, java.util.function.LongConsumer progress) {
    this.limits = limits;
    this.progress = progress;
  }

  /** The bytes {@link #read} will go through: the archive's size, or the sum of a folder's files. */
  public static long size(Path bundle) {
    try {
      if (Files.isDirectory(bundle)) {
        try (Stream<Path> walk = Files.walk(bundle)) {
          return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).mapToLong(p -> p.toFile().length())
              .sum();
        }
      }
      return Files.size(bundle);
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Streams every entry to the handler. Returns the sha256 of every file entry as read, and warnings about limits
   * or damage that cut the reading short.
   */
  public ReadSummary read(Path bundle, EntryHandler handler) {
    if (!Files.exists(bundle, LinkOption.NOFOLLOW_LINKS)) {
      throw new BundleException("no such file or folder: " + bundle);
    }
    List<String> warnings = new ArrayList<>();
    Map<String, String> digests = new LinkedHashMap<>();
    try {
      if (Files.isDirectory(bundle)) {
        // The one link the user named is followed; links inside the bundle never are.
        readFolder(Files.isSymbolicLink(bundle) ? bundle.toRealPath() : bundle, handler, warnings, digests);
      } else {
        // warnings and digests are written on the inflating thread; joining it publishes them to this one.
        Pipeline.run(forward -> readArchive(bundle, forward, warnings, digests), handler);
      }
    } catch (IOException e) {
      throw new BundleException("cannot read " + bundle.getFileName() + ": " + e.getMessage(), e);
    }
    return new ReadSummary(warnings, digests);
  }

  private void readFolder(Path root, EntryHandler handler, List<String> warnings, Map<String, String> digests)
      throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root, Limits.MAX_FOLDER_DEPTH)) {
      // manifest.json first, as in an archive the collector wrote (collector/FORMAT.md); the rest sorted.
      paths = walk.filter(p -> !p.equals(root))
          .sorted(java.util.Comparator.comparing((Path p) -> !p.equals(root.resolve("manifest.json")))
              .thenComparing(java.util.Comparator.naturalOrder()))
          .toList();
    }
    int count = 0;
    long total = 0;
    boolean deep = false;
    for (Path p : paths) {
      String name = root.relativize(p).toString().replace('\\', '/');
      if (!deep && p.getNameCount() - root.getNameCount() == Limits.MAX_FOLDER_DEPTH
          && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        deep = true;
        String shown = name.length() > 120 ? name.substring(0, 60) + "…" + name.substring(name.length() - 40) : name;
        warnings.add("the folder is more than " + Limits.MAX_FOLDER_DEPTH + " levels deep: nothing below " + shown
            + " (and any other folder that deep) was read");
      }
      if (++count > limits.maxEntries()) {
        warnings.add("stopped after " + limits.maxEntries() + " entries");
        return;
      }
      if (Files.isSymbolicLink(p)) {
        handler.entry(new BundleEntry(name, EntryKind.SYMLINK, 0, Files.readSymbolicLink(p).toString()),
            InputStream.nullInputStream());
      } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        handler.entry(new BundleEntry(name, EntryKind.DIRECTORY, 0, null), InputStream.nullInputStream());
      } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        long size = Files.size(p);
        if (size > limits.maxEntryBytes()) {
          warnings.add(name + " holds " + size + " bytes, over the limit of " + limits.maxEntryBytes()
              + " for one entry: not read");
          handler.entry(new BundleEntry(name, EntryKind.OTHER, size, null), InputStream.nullInputStream());
          continue;
        }
        try (InputStream in = new ProgressInputStream(Files.newInputStream(p), progress)) {
          total += stream(new BundleEntry(name, EntryKind.FILE, size, null), in, handler, warnings, digests);
        }
        if (total > limits.maxTotalBytes()) {
          warnings.add("stopped after " + total + " bytes, the limit for one bundle");
          return;
        }
      } else {
        handler.entry(new BundleEntry(name, EntryKind.OTHER, 0, null), InputStream.nullInputStream());
      }
    }
  }

  private void readArchive(Path file, EntryHandler handler, List<String> warnings, Map<String, String> digests)
      throws IOException {
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try (InputStream raw = new BufferedInputStream(new ProgressInputStream(Files.newInputStream(file), progress),
        1 << 16);
        InputStream in = decompress(raw, lower);
        // Names are read byte for byte (ISO-8859-1) and decoded as UTF-8 here, so a bad byte shows as U+FFFD.
        TarArchiveInputStream tar = new TarArchiveInputStream(new TarHeaderGuard(in, Limits.MAX_TAR_HEADER_BYTES),
            "ISO-8859-1")) {
      int count = 0;
      long total = 0;
      long skipBudget = limits.maxSkipBytes();
      String last = null;
      java.util.Set<String> seen = new java.util.HashSet<>();
      while (true) {
        TarArchiveEntry e;
        try {
          e = tar.getNextEntry();
        } catch (org.apache.commons.compress.MemoryLimitException ex) {
          warnings.add("the xz stream asks for " + ex.getMemoryNeededInKb() + " KiB of memory to be decompressed, "
              + "past the cap of " + ex.getMemoryLimitInKb() + " KiB: "
              + (last == null ? "nothing of it was read" : "it was read up to entry " + last));
          return;
        } catch (IOException ex) {
          warnings.add("archive broken" + (last == null ? " at its start" : " after entry " + last) + ": "
              + ex.getMessage());
          return;
        }
        if (e == null) {
          if (count == 0) {
            warnings.add("the archive holds no entries: " + Files.size(file) + " bytes, nothing readable in them");
          }
          return;
        }
        if (++count > limits.maxEntries()) {
          warnings.add("stopped after " + limits.maxEntries() + " entries");
          return;
        }
        String name = stripDotSlash(utf8(e.getName()));
        last = name;
        if (!seen.add(name)) {
          // Tampering with evidence would look exactly like this: say so, and read both.
          warnings.add(name + " appears more than once in the archive: every copy is read, in order, and the "
              + "manifest's sha256 is checked against the last");
        }
        if (e.isFile() && e.getSize() > limits.maxEntryBytes()) {
          // Skipping an entry means inflating it. A small overrun is skipped, so the entries after it are still
          // read; a huge one (a bomb of zeros) would hold the reader for minutes, so the reading stops there.
          if (e.getSize() > skipBudget) {
            warnings.add(name + " declares " + e.getSize() + " bytes, over the limit of " + limits.maxEntryBytes()
                + " for one entry and too large to skip: stopped reading the bundle there");
            return;
          }
          skipBudget -= e.getSize();
          warnings.add(name + " declares " + e.getSize() + " bytes, over the limit of " + limits.maxEntryBytes()
              + " for one entry: not read");
          handler.entry(new BundleEntry(name, EntryKind.OTHER, e.getSize(), null), InputStream.nullInputStream());
          continue;
        }
        BundleEntry entry = new BundleEntry(name, kindOf(e), e.getSize(), e.isSymbolicLink() || e.isLink()
            ? utf8(e.getLinkName()) : null);
        try {
          if (entry.kind() == EntryKind.FILE) {
            total += stream(entry, tar, handler, warnings, digests);
          } else {
            handler.entry(entry, InputStream.nullInputStream());
          }
        } catch (IOException ex) {
          warnings.add("archive broken in entry " + name + ": " + ex.getMessage());
          return;
        }
        if (total > limits.maxTotalBytes()) {
          warnings.add("stopped after " + total + " bytes, the limit for one bundle");
          return;
        }
      }
    }
  }

  private long stream(BundleEntry entry, InputStream in, EntryHandler handler, List<String> warnings,
      Map<String, String> digests) throws IOException {
    MessageDigest sha = sha256();
    BoundedInputStream bounded = new BoundedInputStream(new DigestInputStream(in, sha), limits.maxEntryBytes());
    CountingInputStream counted = new CountingInputStream(bounded);
    handler.entry(entry, counted);
    counted.skipRest();
    if (bounded.wasCut()) {
      warnings.add(entry.name() + ": read only the first " + limits.maxEntryBytes() + " bytes");
    } else {
      digests.put(entry.name(), HexFormat.of().formatHex(sha.digest()));
    }
    return counted.count();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static InputStream decompress(InputStream raw, String lowerName) throws IOException {
    raw.mark(8);
    byte[] magic = raw.readNBytes(6);
    raw.reset();
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new GzipCompressorInputStream(raw, true);
    }
    if (magic.length >= 6 && (magic[0] & 0xff) == 0xfd && magic[1] == '7' && magic[2] == 'z' && magic[3] == 'X') {
      return new XZCompressorInputStream(raw, true, Limits.XZ_MEMORY_KIB);
    }
    if (lowerName.endsWith(".gz") || lowerName.endsWith(".tgz") || lowerName.endsWith(".xz")) {
      throw new IOException("the name says compressed, but the content is not gzip or xz");
    }
    return raw;
  }

  /**
   * A tar name read as ISO-8859-1, decoded as the UTF-8 it should be; invalid bytes become U+FFFD. A name that
   * already holds characters above U+00FF came from a PAX header, which commons-compress decodes as UTF-8 itself.
   */
  static String utf8(String latin1) {
    if (latin1 == null || latin1.chars().allMatch(c -> c < 0x80) || latin1.chars().anyMatch(c -> c > 0xff)) {
      return latin1;
    }
    byte[] bytes = latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    try {
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return latin1;
    }
  }

  private static EntryKind kindOf(TarArchiveEntry e) {
    if (e.isSymbolicLink()) {
      return EntryKind.SYMLINK;
    }
    if (e.isLink()) {
      return EntryKind.HARDLINK;
    }
    if (e.isDirectory()) {
      return EntryKind.DIRECTORY;
    }
    if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
      return EntryKind.DEVICE;
    }
    return e.isFile() ? EntryKind.FILE : EntryKind.OTHER;
  }

  private static String stripDotSlash(String name) {
    String n = name;
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    return n;
  }
}
