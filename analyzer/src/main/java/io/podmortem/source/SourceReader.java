package io.podmortem.source;

import io.podmortem.bundle.BundleEntry;
import io.podmortem.bundle.EntryHandler;
import io.podmortem.bundle.EntryKind;
import io.podmortem.bundle.ReadSummary;
import io.podmortem.model.CollectedCommand;
import io.podmortem.model.Collection;
import io.podmortem.model.IntegrityProblem;
import io.podmortem.model.ParseIssue;
import io.podmortem.model.SourceInfo;
import io.podmortem.source.listing.RootfsListings;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads each bundle entry as it streams past: sniffs it, parses it, and collects the observations. In a collector
 * bundle the manifest comes first, and gives each later entry the command that printed it as a hint.
 */
public final class SourceReader implements EntryHandler {
  /** A per-container entry of a collector bundle. Example match: {@code rootfs/os-release/608e4d22c9d2….txt}. */
  private static final Pattern PER_CONTAINER = Pattern.compile(
      "^rootfs/(?<kind>os-release|file)/(?<id>[0-9a-f]{64})\\.txt$");
  /** A node name as the API allows it (a DNS subdomain). Example match: {@code ip-10-0-0-1.ec2.internal}. */
  private static final Pattern KUBELET_NODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$");
  /** Example match: {@code 2026-11-26T21:53:02Z}. */
  private static final Pattern UTC_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$");
  /**
   * {@code date -u} in its default format, as sos's date plugin runs it ({@code date --utc}). Example match:
   * {@code Wed Dec  2 06:30:45 UTC 2026}.
   */
  private static final Pattern DATE_UTC = Pattern.compile(
      "^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} UTC \\d{4}$");
  private static final java.time.format.DateTimeFormatter DATE_FORMAT = java.time.format.DateTimeFormatter
      .ofPattern("EEE MMM ppd HH:mm:ss 'UTC' yyyy", Locale.ENGLISH);

  /** More files than any sosreport writes: past this the rest are not listed as commands. */
  private static final int MAX_SOS_COMMAND_FILES = 100_000;

  private final Observations.Builder out = new Observations.Builder();
  private final BlockParser blocks = new BlockParser(out);
  private final Sniffer sniffer = new Sniffer();
  private final int maxLineChars;
  private final Map<String, CollectedCommand> commandsByOutput = new HashMap<>();
  /** Every entry's decoder reads through this one buffer: entries are read one after another, on one thread. */
  private final byte[] readBuffer = new byte[TextDecoder.BUFFER_BYTES];
  /** The files under sos_commands/, in the order read: a manifest-less sosreport's commands. */
  private final List<String> sosCommandFiles = new ArrayList<>();
  private final RootfsListings listings;

  public SourceReader(int maxLineChars) {
    this.maxLineChars = maxLineChars;
    // Layer indexes take about 12 bytes an entry; a third of the heap holds some 7 million with 256 MB.
    this.listings = new RootfsListings(maxLineChars, Runtime.getRuntime().maxMemory() / 3, out.sources::add,
        out::warning);
  }

  @Override
  public void entry(BundleEntry entry, InputStream content) throws IOException {
    if (entry.kind() != EntryKind.FILE) {
      if (entry.kind() != EntryKind.DIRECTORY) {
        String what = entry.kind().name().toLowerCase(Locale.ROOT);
        String msg = entry.linkTarget() == null
            ? "a " + what + " entry: recorded, not read"
            : "a " + what + " to '" + entry.linkTarget() + "': recorded, not followed";
        out.sources.add(new SourceInfo(entry.name(), 0, what, "the archive says so", null, 0,
            List.of(new ParseIssue(entry.name(), 0, 0, msg))));
      }
      return;
    }
    // The first bytes tell a binary file or a byte-order mark; they are pushed back for the decoder.
    java.io.PushbackInputStream raw = new java.io.PushbackInputStream(content, 512);
    byte[] head = raw.readNBytes(512);
    raw.unread(head);
    // A byte-order mark is not text: dropped, and UTF-16 read as the text it is.
    Utf16Input.Bom bom = Utf16Input.bom(head);
    java.io.InputStream in = raw;
    if (bom != null) {
      in = Utf16Input.utf8(raw, bom);
      if (bom.charset() != java.nio.charset.StandardCharsets.UTF_8) {
        // Its NUL bytes are UTF-16's, not a binary file's.
        head = new byte[0];
      }
    }
    String binary = Binaries.kind(head);
    if (binary != null) {
      out.sources.add(new SourceInfo(entry.name(), 0, binary, "its first bytes", null, 0, List.of(new ParseIssue(
          entry.name(), 0, 0,
          "a " + binary + ": not read" + (binary.contains("archive") ? "; a bundle inside a bundle is not opened" : "")))));
      return;
    }
    CollectedCommand cmd = commandsByOutput.get(entry.name());
    if (RootfsListings.handles(entry.name())) {
      listings.read(entry.name(), in, cmd == null ? null : cmd.commandLine());
      return;
    }
    // sos writes its manifest last: until then, a file under sos_commands/ has the command its name was made from.
    String command = cmd != null ? cmd.commandLine() : SosLayout.command(entry.name());
    if (cmd == null && command != null && sosCommandFiles.size() < MAX_SOS_COMMAND_FILES) {
      sosCommandFiles.add(entry.name());
    }
    TextDecoder decoder = new TextDecoder(in, maxLineChars, readBuffer);
    EntryLines lines = new EntryLines(entry.name(), decoder, Sniffer.HEAD_LINES);
    try {
      stream(entry.name(), lines, command);
    } finally {
      if (decoder.cutLines() > 0) {
        out.warning(entry.name() + ": " + decoder.cutLines() + " lines longer than " + maxLineChars
            + " characters were cut");
      }
    }
    lines.rethrow();
  }

  /**
   * Reads one entry as it streams: recognised on its head, then consumed the way its format needs. A transcript
   * is split into commands as it passes; JSON is read one object at a time; text nothing reads is counted, not
   * held; any other format is held for its parser up to {@link io.podmortem.bundle.Limits#MAX_HELD_CHARS}.
   */
  private void stream(String name, EntryLines lines, String command) throws IOException {
    TextBlock head = lines.head(command);
    if (out.collection != null && name.startsWith("stderr/")) {
      blocks.record(head, Recognition.of(Format.STDERR, "the collector's stderr/ folder"), ParseIssues.bounded(1), 0,
          lines.count());
      return;
    }
    Recognition recognition = sniffer.recognise(head, true);
    Format format = recognition.format();
    int first = head.firstNonBlank();
    boolean json = first >= 0 && (head.lines().get(first).trim().startsWith("{")
        || head.lines().get(first).trim().startsWith("["));
    if (format == Format.TRANSCRIPT) {
      transcript(name, lines, recognition);
    } else if (json && Formats.STREAMED.containsKey(format)) {
      ParseIssues issues = ParseIssues.bounded(100);
      Formats.STREAMED.get(format).parse(head, lines.reader(), issues, out);
      blocks.record(head, recognition, issues, 0, lines.count());
    } else if (format == Format.FIND_LISTING) {
      ParseIssues issues = ParseIssues.bounded(100);
      FindListingParser.Counter counter = new FindListingParser.Counter(name, FindListingParser.startPoint(command));
      for (int i = 0; i < head.size(); i++) {
        counter.accept(head.lines().get(i), i + 1, issues);
      }
      for (String l; (l = lines.next()) != null; ) {
        counter.accept(l, lines.lineNo(), issues);
      }
      blocks.record(head, recognition, issues, 0, lines.count());
    } else if (format == Format.UNKNOWN || format == Format.EMPTY || format == Format.JSON) {
      blocks.record(head, recognition, ParseIssues.bounded(1), 0, lines.count());
    } else {
      readRecognised(held(lines, command), recognition);
    }
  }

  /** The entry held whole up to the bound; a warning says what was left out past it. */
  private TextBlock held(EntryLines lines, String command) throws IOException {
    EntryLines.Held h = lines.hold(command);
    if (h.leftOut() > 0) {
      out.warning(h.block().entry() + ": read the first " + h.block().size() + " lines, "
          + (io.podmortem.bundle.Limits.MAX_HELD_CHARS >> 20) + " MiB, the limit held for one entry of its "
          + "format; the other " + h.leftOut() + " lines were not read");
    }
    return h.block();
  }

  /** A transcript, split into commands as it streams; each command's output goes to its parser as it ends. */
  private void transcript(String name, EntryLines lines, Recognition recognition) throws IOException {
    int slot = out.sources.size();
    out.sources.add(null);
    TranscriptParser.Splitter split = new TranscriptParser.Splitter(name, new TranscriptInterpreter(out, blocks),
        true);
    List<String> head = lines.headLines();
    try {
      for (int i = 0; i < head.size(); i++) {
        split.line(head.get(i), i + 1);
      }
      for (String l; (l = lines.next()) != null; ) {
        split.line(l, lines.lineNo());
      }
      split.end();
    } catch (IOException e) {
      // The archive broke inside the transcript: the command being read is kept as far as it came.
      split.end();
      throw e;
    } finally {
      // Also when the archive breaks inside the transcript: what was read of it is recorded.
      out.sources.set(slot, new SourceInfo(name, 0, recognition.format().label(), recognition.reason(), null,
          Math.max(head.size(), lines.lineNo()), List.of()));
    }
  }

  /** Reads one whole entry. */
  public void read(TextBlock text) {
    if (RootfsListings.handles(text.entry())) {
      try {
        listings.read(text.entry(), new java.io.ByteArrayInputStream(
            String.join("\n", text.lines()).getBytes(java.nio.charset.StandardCharsets.UTF_8)), text.command());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return;
    }
    if (out.collection != null && text.entry().startsWith("stderr/")) {
      blocks.record(text, Recognition.of(Format.STDERR, "the collector's stderr/ folder"), ParseIssues.bounded(1), 0);
      return;
    }
    readRecognised(text, sniffer.recognise(text, true));
  }

  /** Reads a block already recognised. */
  private void readRecognised(TextBlock text, Recognition recognition) {
    Format format = recognition.format();
    if (format == Format.TRANSCRIPT) {
      ParseIssues issues = ParseIssues.bounded(100);
      Transcript transcript = TranscriptParser.parse(text, issues);
      blocks.record(text, recognition, issues, 0);
      new TranscriptInterpreter(out, blocks).interpret(transcript);
      return;
    }
    Object value = blocks.parse(text, recognition);
    if (format == Format.ROOTFS_TABLE && value instanceof List<?> rows) {
      listings.rows(rows.stream().map(RootfsRow.class::cast).toList());
    }
    if (value instanceof Collection c) {
      c.commands().stream().filter(k -> k.output() != null).forEach(k -> commandsByOutput.put(k.output(), k));
    }
    perContainer(text, value);
    commandValue(text, format);
  }

  /** {@code rootfs/os-release/<id>.txt} and {@code rootfs/file/<id>.txt} are facts about container {@code id}. */
  private void perContainer(TextBlock text, Object value) {
    Matcher m = PER_CONTAINER.matcher(text.entry());
    if (!m.matches()) {
      return;
    }
    String id = m.group("id");
    if (value instanceof OsRelease os) {
      for (String[] k : new String[][] {{"os", "PRETTY_NAME"}, {"osId", "ID"}, {"osVersion", "VERSION_ID"}}) {
        if (os.get(k[1]) != null) {
          out.rootfs.add(new RootfsFact(id, k[0], os.get(k[1]), os.ref(k[1])));
        }
      }
    } else if (m.group("kind").equals("file") && !(value instanceof List<?>) && text.firstNonBlank() >= 0
        && text.command() != null && ShellWords.words(text.command()).contains("-b")) {
      // file -b prints the description alone; the path is the command's last word, on the host.
      List<String> words = ShellWords.words(text.command());
      int line = text.firstNonBlank();
      String description = text.lines().get(line).trim();
      out.rootfs.add(new RootfsFact(id, "binary", insideRootfs(words.get(words.size() - 1)), text.ref(line)));
      out.rootfs.add(new RootfsFact(id, "binaryDescription", description, text.ref(line)));
      out.rootfs.add(new RootfsFact(id, "staticBinary", Boolean.toString(description.contains("statically linked")),
          text.ref(line)));
    } else if (value instanceof List<?> files) {
      for (Object o : files) {
        if (o instanceof FileDescription f) {
          out.rootfs.add(new RootfsFact(id, "binary", f.path(), f.ref()));
          out.rootfs.add(new RootfsFact(id, "binaryDescription", f.description(), f.ref()));
          out.rootfs.add(new RootfsFact(id, "staticBinary", Boolean.toString(f.staticallyLinked()), f.ref()));
        }
      }
    }
  }

  /** A host path into a container's rootfs, as the path inside it: {@code …/merged/bin/sh} gives {@code /bin/sh}. */
  static String insideRootfs(String hostPath) {
    for (String root : List.of("/merged/", "/diff/", "/rootfs/", "/fs/")) {
      int at = hostPath.lastIndexOf(root);
      if (at >= 0) {
        return hostPath.substring(at + root.length() - 1);
      }
    }
    return hostPath;
  }

  /** A single value means what its command asked: {@code hostname} the host's name, {@code date -u} the time. */
  private void commandValue(TextBlock text, Format format) {
    if (format != Format.VALUE || text.command() == null) {
      return;
    }
    int line = text.firstNonBlank();
    String value = text.lines().get(line).trim();
    List<String> words = ShellWords.words(text.command());
    String tool = words.isEmpty() ? "" : Commands.basename(words.get(0));
    if (text.command().contains("system:node:") && KUBELET_NODE.matcher(value).matches()) {
      // The collector's kube/node-name.txt: the system:node:<name> user of kubelet's kubeconfig.
      out.kubeletNodeNames.add(new Observed(value, text.ref(line)));
    } else if (tool.equals("hostname") && words.size() == 1 || text.command().contains("/proc/sys/kernel/hostname")) {
      // Bare hostname is the kernel's name, which kubelet registers; hostname -f, -d or -i print other names.
      out.hostnames.add(0, new Observed(value, text.ref(line)));
    } else if (tool.equals("date") && UTC_TIME.matcher(value).matches()) {
      out.dates.add(new Observed(value, text.ref(line)));
    } else if (tool.equals("date") && DATE_UTC.matcher(value).matches()) {
      try {
        out.dates.add(new Observed(java.time.LocalDateTime.parse(value, DATE_FORMAT)
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")), text.ref(line)));
      } catch (java.time.format.DateTimeParseException e) {
        // A weekday that does not fit the date: not a time this reader trusts.
      }
    }
  }

  /** Ends the reading: records the reader's warnings, and checks each output against the manifest's sha256. */
  public Observations finish(ReadSummary read) {
    read.warnings().forEach(out::warning);
    try {
      RootfsListings.Result merged = listings.finish();
      out.mergedEntries.putAll(merged.entries());
      out.drift.putAll(merged.drift());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (out.collection == null && out.sosVersion != null) {
      out.collection = sosWithoutManifest();
    }
    Collection c = out.collection;
    if (c != null) {
      // A sosreport's manifest comes after the outputs it names: give each its command now.
      for (int i = 0; i < out.sources.size(); i++) {
        SourceInfo s = out.sources.get(i);
        CollectedCommand k = s == null || s.line() != 0
            || s.command() != null && !s.command().equals(SosLayout.command(s.entry()))
            ? null : commandsByOutput.get(s.entry());
        if (k != null) {
          out.sources.set(i, new SourceInfo(s.entry(), s.line(), s.format(), s.reason(), k.commandLine(), s.lines(),
              s.issues()));
        }
      }
      if (c.host() == null) {
        // sos's manifest names no host; its host plugin's hostname output does.
        String host = c.commands().stream().filter(k -> k.output() != null && k.commandLine().equals("hostname"))
            .flatMap(k -> out.hostnames.stream().filter(h -> h.ref().entry().equals(k.output())))
            .map(Observed::value).findFirst().orElse(null);
        if (host != null) {
          c = new Collection(c.collector(), c.version(), host, c.startedAt(), c.finishedAt(), c.user(), c.commands(),
              c.warnings(), c.integrity(), c.ref());
          out.collection = c;
        }
      }
    }
    if (c != null && !read.sha256().isEmpty()) {
      List<IntegrityProblem> problems = new ArrayList<>();
      for (CollectedCommand k : c.commands()) {
        if (k.output() == null || k.sha256() == null) {
          continue;
        }
        String actual = read.sha256().get(k.output());
        if (!k.sha256().equalsIgnoreCase(String.valueOf(actual))) {
          problems.add(new IntegrityProblem(k.output(), k.sha256(), actual));
        }
      }
      out.collection = new Collection(c.collector(), c.version(), c.host(), c.startedAt(), c.finishedAt(), c.user(),
          c.commands(), c.warnings(), problems, c.ref());
      if (c.host() != null) {
        out.hostnames.add(new Observed(c.host(), c.ref()));
      }
    }
    return out.build();
  }

  /**
   * A sosreport with no {@code sos_reports/manifest.json} (sos 3 writes none): its collection is its version.txt,
   * and a command for each file under {@code sos_commands/}, named by the file. What sos 3 keeps of a command
   * that failed is its output file too, so no exit code or run time is known.
   */
  private Collection sosWithoutManifest() {
    List<CollectedCommand> commands = new ArrayList<>();
    for (String file : sosCommandFiles) {
      commands.add(new CollectedCommand(SosLayout.plugin(file), ShellWords.words(SosLayout.command(file)), "ok", null,
          null, file, null, null, null));
    }
    List<String> warnings = new ArrayList<>(List.of("sos " + out.sosVersion.value() + " wrote no manifest "
        + "(sos_reports/manifest.json): each command is read from its file's name, without its exit code or run "
        + "time, so no command shows as failed"));
    if (sosCommandFiles.size() >= MAX_SOS_COMMAND_FILES) {
      warnings.add("more than " + MAX_SOS_COMMAND_FILES + " files under sos_commands/: the rest are not listed");
    }
    return new Collection("sos", out.sosVersion.value(), null, null, null, null, commands, warnings, List.of(),
        out.sosVersion.ref());
  }

  public Observations observations() {
    return finish(new ReadSummary(List.of(), Map.of()));
  }
}
