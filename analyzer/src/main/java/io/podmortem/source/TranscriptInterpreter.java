package io.podmortem.source;

import io.podmortem.model.SourceRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a shell transcript command by command, the way the person at the terminal did: which container's
 * merged directory {@code docker inspect} revealed, where {@code cd} went, and so which container a {@code find},
 * {@code file} or {@code grep} looked into. Everything else is parsed by content.
 *
 * <pre>
 * # docker inspect --format='{{.GraphDriver.Data.MergedDir}}' 6669168db70d
 * /var/lib/docker/overlay2/5a2d7601…/merged
 * # cd /var/lib/docker/overlay2/5a2d7601…/merged
 * # file pause
 * pause: ELF 64-bit LSB executable, x86-64, version 1 (GNU/Linux), statically linked, …
 * </pre>
 */
final class TranscriptInterpreter implements TranscriptParser.Sink {
  private final Observations.Builder out;
  private final BlockParser blocks;
  private final Sniffer sniffer = new Sniffer();
  /** Merged directory on the host, to the container the transcript named. */
  private final Map<String, String> mergedDirs = new HashMap<>();
  private String cwd;

  TranscriptInterpreter(Observations.Builder out, BlockParser blocks) {
    this.out = out;
    this.blocks = blocks;
  }

  void interpret(Transcript transcript) {
    preamble(transcript.preamble());
    transcript.segments().forEach(this::segment);
  }

  @Override
  public void preamble(TextBlock lines) {
    if (lines.firstNonBlank() >= 0) {
      // Output before the first prompt (a first command typed without one) is read by its content alone.
      blocks.parse(lines, sniffer.recognise(lines, false));
    }
  }

  @Override
  public void segment(TranscriptSegment s) {
    prompt(s);
    command(s);
  }

  @Override
  public void listing(TranscriptSegment s, FileListing listing, int lines, ParseIssues issues,
      Recognition recognition) {
    prompt(s);
    blocks.record(s.output(), recognition, issues, s.ref().line(), lines);
    List<List<String>> pipeline = ShellWords.pipeline(s.command());
    List<String> w = pipeline.isEmpty() ? List.of() : Commands.withoutSudo(pipeline.get(0));
    if (recognition.format() == Format.TREE_LISTING) {
      treeListing(w, s.command(), placeOf(null, cwd), listing);
    } else {
      findListing(w, placeOf(null, cwd), listing);
    }
  }

  @Override
  public void leftOut(TranscriptSegment s, int lines) {
    out.warning(s.ref().entry() + ":" + s.ref().line() + ": the output of '" + ParseIssues.quote(s.command())
        + "' past " + (io.podmortem.bundle.Limits.MAX_HELD_CHARS >> 20) + " MiB was not read (" + lines
        + " more lines), the limit held for one command");
  }

  /** What the prompt itself says: the host, and the directory the shell was in. */
  private void prompt(TranscriptSegment s) {
    if (s.host() != null) {
      out.hostnames.add(new Observed(s.host(), s.ref()));
    }
    if (s.cwd() != null && !s.cwd().startsWith("~")) {
      cwd = s.cwd();
    }
  }

  private void command(TranscriptSegment s) {
    List<List<String>> pipeline = ShellWords.pipeline(s.command());
    List<String> w = pipeline.isEmpty() ? List.of() : Commands.withoutSudo(pipeline.get(0));
    TextBlock output = s.output();
    int prompt = s.ref().line();
    if (w.isEmpty()) {
      blocks.parse(output, sniffer.recognise(output, false), prompt);
      return;
    }
    String tool = Commands.basename(w.get(0));
    if (tool.equals("cd")) {
      cwd = resolve(cwd, w.size() > 1 ? w.get(1) : "~");
      blocks.parse(output, Recognition.of(Format.EMPTY, "the command printed nothing"), prompt);
      return;
    }
    if (tool.equals("docker") && w.size() > 2 && w.get(1).equals("inspect")) {
      inspect(w, output, prompt);
      return;
    }
    if (tool.equals("docker") && w.size() > 2 && w.get(1).equals("exec")) {
      dockerExec(w, output, prompt);
      return;
    }
    Place place = placeOf(null, cwd);
    look(w, pipeline, output, prompt, place);
  }

  /** A command that looks at files: record what it shows about the container the files belong to. */
  private void look(List<String> w, List<List<String>> pipeline, TextBlock output, int prompt, Place cwdPlace) {
    Recognition recognition = sniffer.recognise(output, false);
    Format format = recognition.format();
    Object value = blocks.parse(output, recognition, prompt);
    String tool = Commands.basename(w.get(0));
    if (value instanceof Count count && tool.equals("find")) {
      Place p = target(cwdPlace, w.size() > 1 ? w.get(1) : ".");
      if (p != null && p.isRoot()) {
        fact(p.container, "entries", Long.toString(count.value()), count.ref());
      }
    } else if (value instanceof FileListing listing && tool.equals("find")) {
      findListing(w, cwdPlace, listing);
    } else if (value instanceof FileListing listing && format == Format.TREE_LISTING) {
      treeListing(w, String.join(" | ", pipeline.stream().map(p -> String.join(" ", p)).toList()), cwdPlace,
          listing);
    } else if (value instanceof List<?> files && tool.equals("file")) {
      for (Object o : files) {
        FileDescription f = (FileDescription) o;
        Place p = target(cwdPlace, f.path());
        if (p != null) {
          fact(p.container, "binary", p.path, f.ref());
          fact(p.container, "binaryDescription", f.description(), f.ref());
          fact(p.container, "staticBinary", Boolean.toString(f.staticallyLinked()), f.ref());
        }
      }
    } else if (value instanceof OsRelease os && (tool.equals("grep") || tool.equals("cat"))) {
      String file = w.stream().filter(a -> a.endsWith("os-release")).findFirst().orElse(null);
      Place p = file == null ? null : target(cwdPlace, file);
      if (p != null) {
        osFacts(p.container, os);
      }
    }
  }

  /** A find listing of a container's root gives how many entries the container's file system holds. */
  private void findListing(List<String> w, Place cwdPlace, FileListing listing) {
    String start = FindListingParser.startPoint(w);
    Place p = target(cwdPlace, start == null ? "." : start);
    if (p != null && p.isRoot()) {
      fact(p.container, "entries", Integer.toString(listing.entries()), listing.first());
    }
  }

  /**
   * An {@code ls -R} of a container's root, or a {@code docker export REF | tar -t} of a container, gives how many
   * entries its file system holds. A {@code tar -tf FILE} lists an archive nobody can place.
   */
  private void treeListing(List<String> w, String command, Place cwdPlace, FileListing listing) {
    String tool = w.isEmpty() ? "" : Commands.basename(w.get(0));
    Place p = null;
    if (tool.equals("docker") && w.size() > 2 && (w.get(1).equals("export")
        || w.get(1).equals("container") && w.get(2).equals("export"))) {
      String ref = w.get(w.size() - 1);
      p = ref.startsWith("-") ? null : new Place(ref, "/");
    } else if (tool.equals("ls") && w.stream().anyMatch(a -> a.equals("--all") || a.equals("--almost-all")
        || a.startsWith("-") && !a.startsWith("--") && (a.contains("a") || a.contains("A")))) {
      // Without -a or -A, ls leaves out dot files: its count would be short, so it gives none.
      String path = w.subList(1, w.size()).stream().filter(a -> !a.startsWith("-")).findFirst().orElse(".");
      p = target(cwdPlace, path);
    }
    if (p != null && p.isRoot() && TreeListingParser.kind(command) != null) {
      fact(p.container, "entries", Integer.toString(listing.entries()), listing.first());
    }
  }

  private void inspect(List<String> w, TextBlock output, int prompt) {
    String format = Commands.option(w, "--format", "-f");
    String ref = w.get(w.size() - 1);
    int line = output.firstNonBlank();
    if (format != null && format.contains("MergedDir") && line >= 0 && !ref.startsWith("-")) {
      String dir = output.lines().get(line).trim();
      mergedDirs.put(normalize(dir), ref);
      fact(ref, "path", dir, output.ref(line));
      blocks.parse(output, Recognition.of(Format.VALUE, "the merged dir docker inspect --format printed"), prompt);
    } else {
      blocks.parse(output, sniffer.recognise(output, false), prompt);
    }
  }

  /** {@code docker exec [opts] REF cmd…}: the command looks at the container's own root. */
  private void dockerExec(List<String> w, TextBlock output, int prompt) {
    int i = 2;
    while (i < w.size() && w.get(i).startsWith("-")) {
      String opt = w.get(i);
      boolean takesValue = !opt.contains("=") && List.of("-e", "--env", "-u", "--user", "-w", "--workdir")
          .contains(opt);
      i += takesValue ? 2 : 1;
    }
    if (i + 1 >= w.size()) {
      blocks.parse(output, sniffer.recognise(output, false), prompt);
      return;
    }
    String ref = w.get(i);
    List<String> inner = w.subList(i + 1, w.size());
    look(inner, List.of(inner), output, prompt, new Place(ref, "/"));
  }

  private void osFacts(String container, OsRelease os) {
    putOs(container, "os", os, "PRETTY_NAME");
    putOs(container, "osId", os, "ID");
    putOs(container, "osVersion", os, "VERSION_ID");
  }

  private void putOs(String container, String fact, OsRelease os, String key) {
    if (os.get(key) != null) {
      fact(container, fact, os.get(key), os.ref(key));
    }
  }

  private void fact(String container, String fact, String value, SourceRef ref) {
    out.rootfs.add(new RootfsFact(container, fact, value, ref));
  }

  /** Where {@code path} is, seen from {@code from}: inside a container (with its path there) or null. */
  private Place target(Place from, String path) {
    if (from != null && from.container != null && from.hostDir == null) {
      return new Place(from.container, normalize(path.startsWith("/") ? path : from.path + "/" + path));
    }
    return placeOf(null, resolve(cwd, path));
  }

  private Place placeOf(String container, String hostPath) {
    if (hostPath == null) {
      return null;
    }
    String p = normalize(hostPath);
    for (Map.Entry<String, String> e : mergedDirs.entrySet()) {
      String root = e.getKey();
      if (p.equals(root) || p.startsWith(root + "/")) {
        String inside = p.equals(root) ? "/" : p.substring(root.length());
        return new Place(e.getValue(), inside, root);
      }
    }
    return container == null ? null : new Place(container, "/");
  }

  private static String resolve(String base, String path) {
    if (path.startsWith("/")) {
      return normalize(path);
    }
    if (base == null) {
      return null;
    }
    return normalize(base + "/" + path);
  }

  /** Collapses {@code .}, {@code ..} and repeated slashes without touching any file system. */
  static String normalize(String path) {
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(p);
      }
    }
    return "/" + String.join("/", parts);
  }

  /** A place in a container: its name or ID prefix, the path inside it, and its merged dir on the host if known. */
  private record Place(String container, String path, String hostDir) {
    Place(String container, String path) {
      this(container, path, null);
    }

    boolean isRoot() {
      return path.equals("/");
    }
  }
}
