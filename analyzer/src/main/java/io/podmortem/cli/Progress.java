package io.podmortem.cli;

import io.podmortem.bundle.BundleReader;
import io.podmortem.bundle.Limits;
import io.podmortem.explain.Analysis;
import java.io.PrintWriter;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Runs an analysis behind a progress bar on stderr, when stderr is a terminal and quiet was not asked for. */
final class Progress {
  private Progress() {}

  static Analysis analyze(Path bundle, boolean silent, PrintWriter err) {
    Analyzer analyzer = new Analyzer(Limits.defaults());
    long size = BundleReader.size(bundle);
    if (silent || size <= 0) {
      return analyzer.analyze(bundle);
    }
    try (ProgressBar bar = new ProgressBarBuilder()
        .setTaskName("reading " + bundle.getFileName())
        .setInitialMax(size)
        .setUnit(size < (64L << 20) ? " KiB" : " MiB", size < (64L << 20) ? 1 << 10 : 1 << 20)
        .setStyle(ProgressBarStyle.ASCII)
        .hideEta()
        .build()) {
      return analyzer.analyze(bundle, bar::stepBy);
    }
  }
}
