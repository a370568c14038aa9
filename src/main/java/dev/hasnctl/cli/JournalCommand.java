package dev.hasnctl.cli;

import dev.hasnctl.apply.ClusterState;
import dev.hasnctl.apply.Journal;
import dev.hasnctl.apply.JournalState;
import dev.hasnctl.apply.JournalStore;
import dev.hasnctl.apply.KeptBackup;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.PlanJson;
import dev.hasnctl.plan.Step;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hasnctl journal SPEC}: what the last apply did, what is unknown, which backups exist. */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = {
      "Show the journal of the last apply on the spec's cluster (kept on its EMS): each step done, failed, unknown (started,"
          + " with no end recorded: the apply stopped while it ran) or not started, and every backup"
          + " its steps took, with the checksum of the content it keeps, so that a file can be"
          + " restored by hand. Changes nothing."
    },
    footer = {
      "",
      "Exit codes: 0 every step done, 1 error, 2 steps failed, unknown or not started."
    })
final class JournalCommand implements Callable<Integer> {
  @Spec private CommandSpec command;

  @Parameters(paramLabel = "SPEC", description = "The cluster spec the apply was for.")
  private Path specFile;

  @Mixin private TargetOptions target;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    try (Session session = Session.open(specFile, target, err)) {
      ClusterState state = session.clusterState();
      JournalStore store = state.journal();
      JournalState journal = Journal.read(store);
      if (journal.fingerprint().isEmpty()) {
        out.println("No journal: " + store.where() + " does not exist (nothing was applied).");
        return ExitCodes.OK;
      }
      Optional<Plan> plan = plan(state.read(ClusterState.planFile()), journal);
      List<String> lines = new ArrayList<>();
      int open = 0;
      for (Step step : plan.map(Plan::steps).orElse(List.of())) {
        Optional<JournalState.StepRecord> record = journal.step(step.id());
        if (record.isEmpty()) {
          lines.add(String.format("  %-11s %s on %s", "not started", step.id(), step.host()));
          open++;
        } else {
          lines.add(line(record.get()));
          open += record.get().status() == JournalState.Status.DONE ? 0 : 1;
        }
      }
      if (plan.isEmpty()) {
        for (JournalState.StepRecord record : journal.steps().values()) {
          lines.add(line(record));
          open += record.status() == JournalState.Status.DONE ? 0 : 1;
        }
      }
      out.println(
          "Journal "
              + store.where()
              + ", plan "
              + journal.fingerprint().get().substring(0, 12)
              + plan.map(p -> " (" + p.steps().size() + " steps)").orElse("")
              + ":");
      lines.forEach(out::println);
      backups(journal, out);
      if (!journal.unknown().isEmpty()) {
        out.println(
            "Unknown steps may have run in full, in part or not at all: hasnctl apply --resume "
                + specFile
                + " checks each on the cluster and runs it again only if it is not done.");
      }
      return open == 0 ? ExitCodes.OK : ExitCodes.CHANGES;
    }
  }

  private static String line(JournalState.StepRecord record) {
    String status = record.status().name().toLowerCase(Locale.ROOT);
    String detail = record.detail().isEmpty() ? "" : ": " + record.detail();
    String attempts = record.attempts() > 1 ? " (" + record.attempts() + " attempts)" : "";
    return String.format(
        "  %-11s %s on %s%s%s", status, record.id(), record.host(), attempts, detail);
  }

  private static void backups(JournalState journal, PrintWriter out) {
    List<KeptBackup> all = new ArrayList<>();
    journal.steps().values().forEach(s -> all.addAll(s.backups()));
    if (all.isEmpty()) {
      return;
    }
    out.println(
        "Backups (content from before the apply; `cksum COPY` on the host prints the checksum"
            + " shown while the copy is intact; restore with `cp -p COPY FILE` there):");
    for (KeptBackup backup : all) {
      out.println(
          "  "
              + backup.host()
              + " "
              + backup.copy()
              + " of "
              + backup.file()
              + "  cksum "
              + backup.checksum());
    }
  }

  private static Optional<Plan> plan(Optional<String> text, JournalState journal) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      Plan plan = PlanJson.read(text.get());
      return plan.fingerprint().equals(journal.fingerprint().orElse(""))
          ? Optional.of(plan)
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
