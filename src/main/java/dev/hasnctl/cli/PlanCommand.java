package dev.hasnctl.cli;

import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.PlanJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hasnctl plan}: what would change, probed and ordered, changing nothing. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Probe the cluster, compare it with the spec, and print every difference and the ordered "
          + "steps that would remove them. Changes nothing."
    },
    footer = {
      "",
      "Exit codes: 0 success (with --detailed-exitcode: no changes), 1 error,",
      "2 changes present (--detailed-exitcode only), 3 some hosts could not be observed."
    })
final class PlanCommand implements Callable<Integer> {
  @Spec private CommandSpec command;

  @Parameters(paramLabel = "SPEC", description = "The cluster spec, e.g. cluster.yaml.")
  private Path specFile;

  @Mixin private TargetOptions target;

  @Mixin private AllowDisruption allowDisruption;
  @Mixin private StageOptions stages;

  @Mixin private PlanOutput output;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Also save the plan as JSON, for apply FILE.")
  private Path out;

  @Option(
      names = "--detailed-exitcode",
      description = "Exit 2 when there are changes, 0 when there are none.")
  private boolean detailedExitcode;

  @Override
  public Integer call() {
    PrintWriter stdout = command.commandLine().getOut();
    PrintWriter stderr = command.commandLine().getErr();
    try (Session session = Session.open(specFile, target, stderr)) {
      Plan plan = session.plan(Instant.now(), stages.options(allowDisruption.checked()));
      Optional<String> emsDown =
          EmsReach.unreachable(plan, session.spec.ems().name(), specFile.toString());
      if (emsDown.isPresent()) {
        stderr.println("hasnctl: " + emsDown.get());
        return ExitCodes.PARTIAL;
      }
      stdout.print(output.render(plan, session::source));
      stdout.flush();
      if (out != null) {
        save(plan, session);
        stderr.println(
            "Saved the plan to "
                + out
                + " (for "
                + session.cluster.description()
                + "); run: hasnctl apply "
                + out);
      }
      if (plan.blocked() > 0) {
        return ExitCodes.PARTIAL;
      }
      return detailedExitcode && !plan.matches() ? ExitCodes.CHANGES : ExitCodes.OK;
    }
  }

  private void save(Plan plan, Session session) {
    LocalFiles.replace(
        out,
        PlanJson.write(
            plan,
            session::source,
            Optional.of(
                new PlanJson.Origin(
                    Clusters.absolute(session.cluster.description()),
                    session.specFile.toAbsolutePath().normalize().toString(),
                    Locks.sha256(session.specBytes)))));
  }
}
