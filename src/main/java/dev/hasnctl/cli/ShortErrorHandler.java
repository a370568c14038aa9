package dev.hasnctl.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Prints failures as one line rather than a stack trace, and returns exit code 1 for usage errors
 * (picocli's 2 would read as "changes present"); {@code HASNCTL_DEBUG=1} shows traces.
 */
final class ShortErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    commandLine.getErr().println("hasnctl: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, commandLine.getErr());
    commandLine
        .getErr()
        .println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
    return ExitCodes.ERROR;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
    if (e instanceof java.io.UncheckedIOException io) {
      // A file or the simulator's state could not be read or written: the path and the reason
      // say what to do, and a stack trace would not.
      commandLine
          .getErr()
          .println("hasnctl: " + io.getMessage() + ": " + LocalFiles.why(io.getCause()));
      return ExitCodes.ERROR;
    }
    commandLine.getErr().println("hasnctl: " + (e.getMessage() == null ? e : e.getMessage()));
    if (e instanceof CliFailure) {
      return ExitCodes.ERROR; // raised on purpose, with what to do: no debug hint
    }
    if ("1".equals(System.getenv("HASNCTL_DEBUG"))) {
      e.printStackTrace(commandLine.getErr());
    } else {
      commandLine.getErr().println("(set HASNCTL_DEBUG=1 to see the stack trace)");
    }
    return ExitCodes.ERROR;
  }
}
