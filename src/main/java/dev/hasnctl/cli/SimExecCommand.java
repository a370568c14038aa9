package dev.hasnctl.cli;

import dev.hasnctl.sim.Execution;
import dev.hasnctl.sim.SimStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hasnctl sim exec PATH HOST -- COMMAND...}: runs one command on a simulated host as its
 * shell would, so that admins and tests can look inside (or change) the simulated cluster.
 *
 * <p>The words of COMMAND are joined with spaces into one command line, as {@code ssh HOST
 * COMMAND...} sends them to the remote shell: {@code -- ls -lR /install} and {@code -- 'ls -lR
 * /install'} are the same command.
 */
@Command(
    name = "exec",
    mixinStandardHelpOptions = true,
    description = "Run one command on a simulated host as its shell would, e.g. ls -lR /install.",
    footer = {
      "",
      "Exit codes: the command's own exit status; 1 when the state file cannot be read",
      "or the host does not answer (down, hung, or the connection dropped)."
    })
final class SimExecCommand implements Callable<Integer> {
  @Spec private CommandSpec command;

  @Parameters(index = "0", paramLabel = "PATH", description = "The state file.")
  private Path path;

  @Parameters(index = "1", paramLabel = "HOST", description = "The simulated host, e.g. sn01.")
  private String host;

  @Parameters(
      index = "2..*",
      arity = "1..*",
      paramLabel = "COMMAND",
      description = "The command and its arguments (after --).")
  private List<String> words;

  @Override
  public Integer call() {
    String commandLine = String.join(" ", words);
    Execution execution;
    try {
      execution =
          SimStore.open(path)
              .transact(cluster -> cluster.attempt(host, commandLine, Optional.empty()));
    } catch (java.io.UncheckedIOException e) {
      throw new CliFailure(e.getCause().getMessage());
    }
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    if (execution instanceof Execution.Completed done) {
      out.print(done.result().stdout());
      out.flush();
      err.print(done.result().stderr());
      err.flush();
      return done.result().exitCode().orElse(ExitCodes.ERROR);
    }
    if (execution instanceof Execution.Unreachable unreachable) {
      throw new CliFailure(host + ": cannot connect: " + unreachable.reason());
    }
    if (execution instanceof Execution.Hung hung) {
      if (hung.after() != null) {
        // A slow command (an injected hang that ends) still completes; nothing waits for it here.
        out.print(hung.after().stdout());
        out.flush();
        err.print(hung.after().stderr());
        err.flush();
        return hung.after().exitCode().orElse(ExitCodes.ERROR);
      }
      throw new CliFailure(host + ": no answer: " + hung.reason());
    }
    throw new CliFailure(host + ": the connection dropped before the exit status");
  }
}
