package dev.hasnctl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hasnctl unlock LOCK-ID SPEC}: release the lock of an apply that is gone. */
@Command(
    name = "unlock",
    mixinStandardHelpOptions = true,
    description = {
      "Release the cluster's apply lock left by an apply that is gone (its process killed, its"
          + " machine lost). The lock's id is required, as a refused apply prints it, so that only"
          + " that lock is released. Make sure that apply is not running: its steps could"
          + " otherwise interleave with the next one's. Then hasnctl apply --resume SPEC continues"
          + " it."
    })
final class UnlockCommand implements Callable<Integer> {
  @Spec private CommandSpec command;

  @Parameters(index = "0", paramLabel = "LOCK-ID", description = "The id of the lock to release.")
  private String id;

  @Parameters(index = "1", paramLabel = "SPEC", description = "The cluster spec.")
  private Path specFile;

  @Mixin private TargetOptions target;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    try (Session session = Session.open(specFile, target, err)) {
      var state = session.clusterState();
      var holder = state.holder();
      try {
        state.unlock(id);
      } catch (IllegalStateException e) {
        throw new CliFailure(e.getMessage());
      }
      out.println(
          "Released "
              + holder.map(h -> h.describe()).orElse("lock " + id)
              + ". To continue that apply: hasnctl apply --resume "
              + specFile);
      return ExitCodes.OK;
    }
  }
}
