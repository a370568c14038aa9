package dev.hasnctl.cli;

import dev.hasnctl.spec.SpecLoader;
import picocli.CommandLine;

/** The {@code hasnctl} entry point: the only place that exits the JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && !args[0].startsWith("-")) {
      // A command (not --version or --help): most load a spec, so start on what that needs.
      SpecLoader.prepare();
    }
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new HasnctlCommand());
    ShortErrorHandler errors = new ShortErrorHandler();
    commandLine.setExecutionExceptionHandler(errors);
    commandLine.setParameterExceptionHandler(errors);
    return commandLine;
  }
}
