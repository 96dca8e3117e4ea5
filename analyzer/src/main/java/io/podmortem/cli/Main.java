package io.podmortem.cli;

import picocli.CommandLine;

/** The {@code podmortem} command's entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    JitPolicy.applyInBackground();
    System.exit(PodmortemCommand.commandLine().execute(args));
  }
}
