package io.podmortem.cli;

import picocli.CommandLine;

/** Prints one line for an error, and the stack trace only with {@code --stacktrace}; exits 1. */
final class ShortErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    boolean trace = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--stacktrace"))
        || parsed.hasMatchedOption("--stacktrace");
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    cl.getErr().println("podmortem: " + message);
    if (trace) {
      ex.printStackTrace(cl.getErr());
    }
    cl.getErr().flush();
    return 1;
  }
}
