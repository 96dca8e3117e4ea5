package io.podmortem.cli;

import io.podmortem.assemble.NodeAssembler;
import io.podmortem.bundle.BundleReader;
import io.podmortem.bundle.Limits;
import io.podmortem.bundle.ReadSummary;
import io.podmortem.explain.Analysis;
import io.podmortem.explain.Explainer;
import io.podmortem.model.Node;
import io.podmortem.source.Observations;
import io.podmortem.source.SourceReader;
import java.nio.file.Path;
import java.time.LocalDate;

/** Runs the pipeline on one bundle: read, sniff and parse, assemble, explain. */
public final class Analyzer {
  private final Limits limits;

  public Analyzer(Limits limits) {
    this.limits = limits;
  }

  /** One sha256 over every entry's name and sha256, in name order: what the bundle holds, as one value. */
  static String digest(ReadSummary read) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      new java.util.TreeMap<>(read.sha256()).forEach((name, hash) ->
          sha.update((name + " " + hash + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /**
   * The day of the snapshot, for the rules that judge age (an end-of-life OS); null when the bundle's time does not
   * read as a date, which a damaged or crafted {@code date} output may be: the analysis goes on without it.
   */
  static LocalDate snapshotDate(String time) {
    if (time == null || time.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(time.substring(0, 10));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  public Analysis analyze(Path bundle) {
    return analyze(bundle, bytes -> { });
  }

  /** Analyzes, telling {@code progress} how many more bytes of the bundle were read. */
  public Analysis analyze(Path bundle, java.util.function.LongConsumer progress) {
    Timings t = new Timings();
    SourceReader sources = new SourceReader(limits.maxLineChars());
    ReadSummary read = new BundleReader(limits, progress).read(bundle, sources);
    Observations obs = sources.finish(read);
    t.lap("read");
    Node node = new NodeAssembler().assemble(obs);
    t.lap("assemble");
    LocalDate date = snapshotDate(node.snapshotTime());
    Analysis a = Explainer.standard().explain(node, date, digest(read));
    t.lap("explain");
    return a;
  }
}
