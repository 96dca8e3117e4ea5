package io.podmortem.cli;

import picocli.CommandLine;

/** The {@code podmortem} command's entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code;
    try {
      JitPolicy.applyInBackground();
      code = PodmortemCommand.commandLine().execute(args);
    } catch (Throwable e) {
      // The last line of defence: an Error (out of memory, a stack overflow) that passed every handler is still
      // one line and exit 1, never a stack trace.
      System.err.println("podmortem: " + ShortErrorHandler.describe(e));
      System.err.flush();
      code = 1;
    }
    System.exit(code);
  }
}
