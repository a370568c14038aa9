package dev.hasnctl.cli;

import dev.hasnctl.apply.ApplyReport;
import dev.hasnctl.apply.ClusterState;
import dev.hasnctl.apply.Journal;
import dev.hasnctl.apply.JournalStore;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.PlanJson;
import dev.hasnctl.plan.Planner;
import dev.hasnctl.render.PlanText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
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

  @Mixin private AllowDisruption allowDisruption;
  @Mixin private StageOptions stages;

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
      description =
          "Continue the last apply on this cluster from its journal (on the EMS): steps done are"
              + " skipped, steps started without a known end are checked on the cluster first.")
  private boolean resume;

  @Option(names = "--no-color", description = "No colours, even on a terminal.")
  private boolean noColor;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    boolean savedPlan = input.getFileName().toString().endsWith(".json");
    String savedJson = savedPlan ? readText(input) : null;
    Plan saved = savedPlan ? parsePlan(savedJson, input.toString()) : null;
    origin = savedPlan ? origin(savedJson) : Optional.empty();
    Path specFile =
        origin
            .map(o -> Path.of(o.specPath()))
            .orElse(savedPlan ? Path.of(saved.specFile()) : input);
    if (target.target == null && origin.isPresent()) {
      // The plan was made for this target; --target overrides it.
      target.target = origin.get().target();
    }
    try (Session session = Session.open(specFile, target, err)) {
      return Locks.holding(
          session, saved == null ? "" : saved.fingerprint(), () -> apply(session, saved, out, err));
    }
  }

  private Optional<PlanJson.Origin> origin = Optional.empty();

  private int apply(Session session, Plan saved, PrintWriter out, PrintWriter err) {
    ClusterState state = session.clusterState();
    JournalStore store = state.journal();
    Plan plan;
    Set<String> done = new HashSet<>();
    Set<String> unfinished = new HashSet<>();
    Journal journal;
    if (resume) {
      Optional<String> planText = state.read(ClusterState.planFile());
      if (planText.isEmpty() || store.lines().isEmpty()) {
        throw new CliFailure("nothing to resume: no journal in " + state.where());
      }
      plan = parsePlan(planText.get(), ClusterState.planFile());
      try {
        journal = Journal.resume(store, plan.fingerprint());
      } catch (IllegalStateException e) {
        throw new CliFailure(e.getMessage());
      }
      done.addAll(journal.previous().done());
      unfinished.addAll(journal.previous().unfinished());
      out.println(
          "Resuming: "
              + done.size()
              + " of "
              + plan.steps().size()
              + " steps already done"
              + (unfinished.isEmpty()
                  ? "."
                  : "; "
                      + unfinished.size()
                      + " started without a known good end are checked on the cluster"
                      + " first and run again only if they are not done."));
    } else {
      plan =
          session.plan(
              Instant.now(),
              saved != null
                  ? new Planner.Options(saved.allowedDisruption(), false, false, 0)
                  : stages.options(allowDisruption.checked()));
      if (saved != null && !saved.fingerprint().equals(plan.fingerprint())) {
        throw new CliFailure(stale(session));
      }
      if (saved != null) {
        plan = saved;
      }
      out.print(PlanText.render(plan, session::source, color()));
      out.flush();
      if (plan.isEmpty()) {
        return plan.blocked() > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
      }
      if (saved != null) {
        // The saved plan was the review, as with terraform apply plan.out: no question again.
        out.println(
            "Applying the saved plan "
                + input
                + " to "
                + session.cluster.description()
                + ": the cluster and the spec are as planned.");
      } else if (!autoApprove && !confirmed(out)) {
        out.println("Apply cancelled: nothing was changed.");
        return ExitCodes.ERROR;
      }
      state.write(ClusterState.planFile(), PlanJson.write(plan, session::source));
      journal = Journal.begin(store, plan.fingerprint(), Instant.now());
    }
    ApplyReport report =
        Applying.run(session, plan, journal, done, unfinished, parallel, target, out);
    return Applying.finish(report, plan, journal.where(), out, err);
  }

  private static boolean confirmed(PrintWriter out) {
    try {
      return Applying.confirmed(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private boolean color() {
    return !noColor && Terminal.colors();
  }

  /** Why the saved plan is refused: which of the spec and the cluster changed. */
  private String stale(Session session) {
    String rerun =
        "; run hasnctl plan "
            + session.specFile
            + " --target "
            + session.cluster.description()
            + " --out "
            + input
            + " again";
    if (origin.isEmpty()) {
      return input + " is stale: the cluster or " + session.specFile + " changed" + rerun;
    }
    if (!origin.get().specSha256().equals(Locks.sha256(session.specBytes))) {
      return input
          + " is stale: the spec "
          + session.specFile
          + " changed since it was planned (its SHA-256 was "
          + origin.get().specSha256().substring(0, 12)
          + "..., is "
          + Locks.sha256(session.specBytes).substring(0, 12)
          + "...)"
          + rerun;
    }
    return input
        + " is stale: the cluster "
        + session.cluster.description()
        + " changed since it was planned (the spec did not)"
        + rerun;
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliFailure("cannot read " + file + ": " + e.getMessage());
    }
  }

  private Optional<PlanJson.Origin> origin(String json) {
    try {
      return PlanJson.origin(json);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(input + ": " + e.getMessage());
    }
  }

  private static Plan parsePlan(String text, String where) {
    try {
      return PlanJson.read(text);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(where + ": " + e.getMessage());
    }
  }
}
