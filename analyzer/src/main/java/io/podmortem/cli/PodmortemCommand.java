package io.podmortem.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: only subcommands, help and version. */
@Command(name = "podmortem", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Explains every container on a Kubernetes or container node from a bundle of command outputs.",
    subcommands = {AnalyzeCommand.class, SynthCommand.class, CommandLine.HelpCommand.class})
public final class PodmortemCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command, such as: analyze BUNDLE");
  }

  /** The configured command line, shared by {@link Main} and the tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new PodmortemCommand());
    cl.setExecutionExceptionHandler(new ShortErrorHandler());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }
}
