package io.podmortem.source;

import io.podmortem.bundle.BundleEntry;
import io.podmortem.bundle.EntryHandler;
import io.podmortem.bundle.EntryKind;
import io.podmortem.model.ParseIssue;
import io.podmortem.model.SourceInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/** Reads each bundle entry as it streams past: sniffs it, parses it, and collects the observations. */
public final class SourceReader implements EntryHandler {
  private final Observations.Builder out = new Observations.Builder();
  private final BlockParser blocks = new BlockParser(out);
  private final Sniffer sniffer = new Sniffer();
  private final int maxLineChars;

  public SourceReader(int maxLineChars) {
    this.maxLineChars = maxLineChars;
  }

  @Override
  public void entry(BundleEntry entry, InputStream content) throws IOException {
    if (entry.kind() != EntryKind.FILE) {
      if (entry.kind() != EntryKind.DIRECTORY) {
        String what = entry.kind().name().toLowerCase(Locale.ROOT);
        String msg = entry.linkTarget() == null
            ? "a " + what + " entry: recorded, not read"
            : "a " + what + " to '" + entry.linkTarget() + "': recorded, not followed";
        out.sources.add(new SourceInfo(entry.name(), 0, what, null, 0,
            List.of(new ParseIssue(entry.name(), 0, 0, msg))));
      }
      return;
    }
    TextDecoder decoder = new TextDecoder(maxLineChars);
    TextBlock text = TextBlock.of(entry.name(), decoder.lines(content));
    if (decoder.cutLines() > 0) {
      out.warning(entry.name() + ": " + decoder.cutLines() + " lines longer than " + maxLineChars
          + " characters were cut");
    }
    read(text);
  }

  /** Reads one whole entry. */
  public void read(TextBlock text) {
    Format format = sniffer.sniff(text, true);
    if (format == Format.TRANSCRIPT) {
      ParseIssues issues = ParseIssues.bounded(100);
      Transcript transcript = TranscriptParser.parse(text, issues);
      blocks.record(text, Format.TRANSCRIPT, issues, 0);
      new TranscriptInterpreter(out, blocks).interpret(transcript);
    } else {
      blocks.parse(text, format);
    }
  }

  public SourceReader warnings(List<String> warnings) {
    warnings.forEach(out::warning);
    return this;
  }

  public Observations observations() {
    return out.build();
  }
}
