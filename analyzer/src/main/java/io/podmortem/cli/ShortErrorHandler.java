package io.podmortem.cli;

import picocli.CommandLine;

/** Prints one line for an error, and the stack trace only with {@code --stacktrace}; exits 1. */
final class ShortErrorHandler implements CommandLine.IExecutionExceptionHandler {
  /**
   * What went wrong, in one line safe for a terminal: a file system error says which file and why (permission
   * denied, a read-only file system, no space), an Error says what it was.
   */
  static String describe(Throwable ex) {
    String message;
    if (ex instanceof java.nio.file.AccessDeniedException a) {
      message = "cannot write or read " + a.getFile() + ": permission denied";
    } else if (ex instanceof java.nio.file.NoSuchFileException n) {
      message = n.getFile() + ": no such file or folder";
    } else if (ex instanceof java.nio.file.FileSystemException f) {
      message = f.getFile() + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
    } else if (ex instanceof OutOfMemoryError) {
      message = "out of memory (" + ex.getMessage() + "); the heap is " + (Runtime.getRuntime().maxMemory() >> 20)
          + " MiB: give java a larger -Xmx";
    } else if (ex instanceof StackOverflowError) {
      message = "a stack overflow: this is a bug, please report it with the bundle's shape";
    } else if (ex instanceof java.io.IOException && ex.getMessage() != null
        && ex.getMessage().contains("No space left on device")) {
      message = "no space left on the device to write the report";
    } else {
      message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }
    String line = message.lines().findFirst().orElse("");
    return Terminal.safe(line.length() > 500 ? line.substring(0, 500) + "…" : line);
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    boolean trace = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--stacktrace"))
        || parsed.hasMatchedOption("--stacktrace");
    cl.getErr().println("podmortem: " + describe(ex));
    if (trace) {
      ex.printStackTrace(cl.getErr());
    }
    cl.getErr().flush();
    return 1;
  }
}
