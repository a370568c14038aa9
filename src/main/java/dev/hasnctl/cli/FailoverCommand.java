package dev.hasnctl.cli;

import dev.hasnctl.apply.ApplyReport;
import dev.hasnctl.apply.ClusterState;
import dev.hasnctl.apply.Journal;
import dev.hasnctl.model.HostName;
import dev.hasnctl.plan.Failover;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.PlanJson;
import dev.hasnctl.render.PlanText;
import dev.hasnctl.render.TextDiff;
import dev.hasnctl.spec.SpecEdit;
import dev.hasnctl.spec.SpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hasnctl failover SN SPEC} and {@code hasnctl failback SN SPEC}: the seed's snmove
 * workflow, declaratively: the smallest edit of the spec (which SN serves each group), shown as a
 * diff, then the plan that carries it out, applied with {@code --apply}.
 */
final class FailoverCommand {
  private FailoverCommand() {}

  /** What both commands share: the SN, the spec, and what to do with the edit and the plan. */
  abstract static class Move implements Callable<Integer> {
    @Spec CommandSpec command;

    @Parameters(index = "0", paramLabel = "SN", description = "The service node.")
    String sn;

    @Parameters(
        index = "1",
        paramLabel = "SPEC",
        description = "The cluster spec, e.g. cluster.yaml.")
    Path specFile;

    @Mixin TargetOptions target;

    @Option(names = "--write", description = "Write the edited spec in place (else only show it).")
    boolean write;

    @Option(
        names = "--apply",
        description = "Carry out the plan (asks 'yes' unless --auto-approve).")
    boolean apply;

    @Option(names = "--auto-approve", description = "With --apply: do not ask.")
    boolean autoApprove;

    @Option(
        names = "--postscripts",
        paramLabel = "LIST",
        description = "Postscripts snmove runs on the moved nodes (-P), e.g. setupntp,syslog.")
    String postscripts;

    @Option(
        names = "--parallel",
        defaultValue = "4",
        paramLabel = "N",
        description = "Steps at once (${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--no-color", description = "No colours, even on a terminal.")
    boolean noColor;

    abstract String verb();

    abstract SpecEdit.Result edit(String text, SpecLoader.Result loaded, HostName sn);

    /** Checks before anything is changed; the failback refusals. */
    void check(Session current, PrintWriter out) {}

    @Override
    public Integer call() throws IOException {
      PrintWriter out = command.commandLine().getOut();
      PrintWriter err = command.commandLine().getErr();
      byte[] bytes = SpecFiles.read(specFile);
      String text = new String(bytes, StandardCharsets.UTF_8);
      SpecLoader.Result loaded = SpecLoader.load(bytes, specFile.toString());
      if (!loaded.valid()) {
        loaded.errors().forEach(d -> err.println(d.format()));
        throw new CliFailure(specFile + ": invalid; fix it before a " + verb());
      }
      if (loaded.spec().orElseThrow().serviceNode(sn).isEmpty()) {
        throw new CliFailure(sn + " is not a service node of " + specFile);
      }
      try (Session current = Session.open(specFile, bytes, target, err)) {
        check(current, out);
      }
      SpecEdit.Result edited = edit(text, loaded, HostName.of(sn));
      if (edited.groups().isEmpty()) {
        out.println("Nothing to " + verb() + ": no group of " + specFile + " would move.");
        return ExitCodes.OK;
      }
      out.print(
          TextDiff.unified(
              text, edited.text(), specFile.toString(), specFile + " (" + verb() + " " + sn + ")"));
      out.println();
      if (write) {
        writeSpec(edited.text());
        out.println("Wrote " + specFile + "; commit it with the apply.");
      } else {
        out.println("Spec not written (use --write to edit " + specFile + " in place).");
      }
      byte[] editedBytes = edited.text().getBytes(StandardCharsets.UTF_8);
      try (Session session = Session.open(specFile, editedBytes, target, err)) {
        Plan plan =
            Failover.withSnmove(
                session.plan(Instant.now()),
                session.spec,
                edited.groups(),
                Optional.ofNullable(postscripts));
        out.print(PlanText.render(plan, session::source, !noColor && Terminal.colors()));
        if (plan.blocked() > 0) {
          out.println(
              "Deferred: what needs an unreachable host is not planned now; the next plan after"
                  + " it returns shows it.");
        }
        if (!apply || plan.isEmpty()) {
          return plan.blocked() > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
        }
        if (!autoApprove && !Applying.confirmed(out)) {
          out.println(verb() + " cancelled: nothing was changed.");
          return ExitCodes.ERROR;
        }
        return Locks.holding(
            session,
            plan.fingerprint(),
            () -> {
              ClusterState state = session.clusterState();
              state.write(ClusterState.planFile(), PlanJson.write(plan, session::source));
              Journal journal = Journal.begin(state.journal(), plan.fingerprint(), Instant.now());
              ApplyReport report =
                  Applying.run(session, plan, journal, Set.of(), Set.of(), parallel, target, out);
              return Applying.finish(report, plan, journal.where(), out, err);
            });
      }
    }

    private void writeSpec(String text) {
      LocalFiles.replace(specFile, text);
    }
  }

  /** {@code hasnctl failover SN SPEC}. */
  @Command(
      name = "failover",
      mixinStandardHelpOptions = true,
      description = {
        "Move the compute nodes SN serves to their backup SN: edit the spec (active: backup), "
            + "show the diff, and plan (--apply: carry out) the seed's snmove for them. Works with SN "
            + "down: what needs it is deferred until it returns."
      },
      footer = {"", "Exit codes: 0 done or planned, 1 error, 3 some hosts unreachable (deferred)."})
  static final class Over extends Move {
    @Override
    String verb() {
      return "failover";
    }

    @Override
    SpecEdit.Result edit(String text, SpecLoader.Result loaded, HostName sn) {
      return SpecEdit.moveAwayFrom(text, loaded.spec().orElseThrow(), loaded.sourceMap(), sn);
    }
  }

  /** {@code hasnctl failback SN SPEC}. */
  @Command(
      name = "failback",
      mixinStandardHelpOptions = true,
      description = {
        "Move the compute nodes whose primary is SN back to it, once it is repaired. Refuses "
            + "while SN is unreachable or lacks its NIM definitions (apply the spec first: its plan "
            + "starts with mkdsklsnode -b on SN, which is now the backup)."
      },
      footer = {"", "Exit codes: 0 done or planned, 1 error or refused."})
  static final class Back extends Move {
    @Override
    String verb() {
      return "failback";
    }

    @Override
    SpecEdit.Result edit(String text, SpecLoader.Result loaded, HostName sn) {
      return SpecEdit.moveBackTo(text, loaded.spec().orElseThrow(), loaded.sourceMap(), sn);
    }

    @Override
    void check(Session current, PrintWriter out) {
      Plan plan = current.plan(Instant.now());
      boolean unreachable =
          plan.changes().stream()
              .anyMatch(c -> onSn(c) && c.action() == dev.hasnctl.plan.Action.BLOCKED);
      if (unreachable) {
        throw new CliFailure(
            sn + " cannot be observed: " + firstNote(plan) + "; repair it before a failback");
      }
      long missing =
          plan.changes().stream()
              .filter(c -> onSn(c) && c.id().kind() == dev.hasnctl.model.ResourceKind.DISKLESS_NODE)
              .count();
      if (missing > 0) {
        throw new CliFailure(
            sn
                + " lacks "
                + missing
                + " NIM node definitions; run hasnctl apply "
                + specFile
                + " first (its plan starts with mkdsklsnode -b on "
                + sn
                + ", now the backup), then fail back");
      }
    }

    private boolean onSn(dev.hasnctl.plan.Change change) {
      return change.id().host().value().equals(sn);
    }

    private String firstNote(Plan plan) {
      return plan.changes().stream()
          .filter(c -> onSn(c) && c.note().isPresent())
          .map(c -> c.note().get())
          .findFirst()
          .orElse("unknown state");
    }
  }
}
