package dev.hasnctl.cli;

import dev.hasnctl.apply.ApplyLock;
import dev.hasnctl.apply.ApplyReport;
import dev.hasnctl.apply.Journal;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.PlanJson;
import dev.hasnctl.render.PlanText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hasnctl apply}: carry out a plan, verified step by step, journalled, resumable. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Make the cluster match the spec: plan (or read a plan saved by plan --out), show it, ask, "
          + "then run its steps in order, each verified by probing again. Stops at the first failure; "
          + "--resume continues from the journal."
    },
    footer = {
      "",
      "Exit codes: 0 the cluster matches (or nothing to do), 1 error or a step failed,",
      "3 some hosts could not be observed (their steps were not planned),",
      "4 steps were held to protect running nodes (the rest ran; see --allow-disruption)."
    })
final class ApplyCommand implements Callable<Integer> {
  @Spec private CommandSpec command;

  @Parameters(
      paramLabel = "SPEC|PLAN",
      description = "The cluster spec (cluster.yaml), or a plan saved with plan --out (*.json).")
  private Path input;

  @Mixin private TargetOptions target;

  @Option(
      names = "--allow-disruption",
      paramLabel = "NODERANGE",
      description =
          "Let these running nodes lose NFS: steps that would strand only them are not held "
              + "(recorded in the journal). For when failing them over or shutting them down "
              + "first is not possible.")
  private String allowDisruption = "";

  @Option(names = "--auto-approve", description = "Do not ask for 'yes' before changing anything.")
  private boolean autoApprove;

  @Option(
      names = "--parallel",
      defaultValue = "4",
      paramLabel = "N",
      description = "Steps run at once, never two on one host (${DEFAULT-VALUE}).")
  private int parallel;

  @Option(
      names = "--resume",
      description = "Continue the last apply of this spec from its journal, skipping done steps.")
  private boolean resume;

  @Option(names = "--no-color", description = "No colours, even on a terminal.")
  private boolean noColor;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    boolean savedPlan = input.getFileName().toString().endsWith(".json");
    Plan saved = savedPlan ? readPlan(input) : null;
    Path specFile = savedPlan ? Path.of(saved.specFile()) : input;
    try (Session session = Session.open(specFile, target, err)) {
      Path state = session.stateDir();
      Path journalFile = state.resolve("journal.jsonl");
      Path planFile = state.resolve("apply-plan.json");
      ApplyLock lock =
          ApplyLock.take(state.resolve("apply.lock"), "pid " + pid() + " since " + Instant.now());
      try {
        Plan plan;
        Set<String> done = new HashSet<>();
        Journal journal;
        if (resume) {
          if (!Files.exists(planFile) || !Files.exists(journalFile)) {
            throw new CliFailure("nothing to resume: no journal in " + state);
          }
          plan = readPlan(planFile);
          journal = Journal.resume(journalFile, plan.fingerprint());
          done.addAll(Journal.done(journalFile));
          out.println(
              "Resuming: " + done.size() + " of " + plan.steps().size() + " steps already done.");
        } else {
          plan = session.plan(Instant.now(), allowDisruption());
          if (saved != null && !saved.fingerprint().equals(plan.fingerprint())) {
            throw new CliFailure(
                input
                    + " is stale: the cluster or "
                    + specFile
                    + " changed since it was planned; run hasnctl plan again");
          }
          if (saved != null) {
            plan = saved;
          }
          out.print(PlanText.render(plan, session::source, color()));
          out.flush();
          if (plan.isEmpty()) {
            return plan.blocked() > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
          }
          if (!autoApprove && !confirmed(out)) {
            out.println("Apply cancelled: nothing was changed.");
            return ExitCodes.ERROR;
          }
          Files.createDirectories(state);
          Files.writeString(
              planFile, PlanJson.write(plan, session::source), StandardCharsets.UTF_8);
          journal = Journal.begin(journalFile, plan.fingerprint(), Instant.now());
        }
        ApplyReport report = Applying.run(session, plan, journal, done, parallel, target, out);
        return Applying.finish(report, plan, journalFile, out, err);
      } finally {
        lock.close();
      }
    }
  }

  private boolean confirmed(PrintWriter out) throws IOException {
    return Applying.confirmed(out);
  }

  private boolean color() {
    return !noColor && Terminal.colors();
  }

  private static Plan readPlan(Path file) {
    try {
      return PlanJson.read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CliFailure("cannot read " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new CliFailure(file + ": " + e.getMessage());
    }
  }

  private static long pid() {
    return ProcessHandle.current().pid();
  }

  /** The --allow-disruption noderange, checked: a bad one is an error before anything is probed. */
  private String allowDisruption() {
    if (allowDisruption.isEmpty()) {
      return "";
    }
    try {
      dev.hasnctl.model.Noderange.expand(allowDisruption);
    } catch (IllegalArgumentException e) {
      throw new CliFailure("--allow-disruption: " + e.getMessage());
    }
    return allowDisruption;
  }
}
