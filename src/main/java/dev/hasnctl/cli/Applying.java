package dev.hasnctl.cli;

import dev.hasnctl.apply.Applier;
import dev.hasnctl.apply.ApplyReport;
import dev.hasnctl.apply.Journal;
import dev.hasnctl.apply.StepResult;
import dev.hasnctl.plan.Hold;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Step;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Running a plan for the commands that change a cluster: apply, failover, failback. */
final class Applying {
  private Applying() {}

  /** Asks on the terminal; only {@code yes} goes on. */
  static boolean confirmed(PrintWriter out) throws IOException {
    out.print("\nDo you want to perform these steps? Only 'yes' will be accepted: ");
    out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String answer = in.readLine();
    return "yes".equals(answer == null ? null : answer.strip());
  }

  static ApplyReport run(
      Session session,
      Plan plan,
      Journal journal,
      Set<String> done,
      Set<String> unfinished,
      int parallel,
      TargetOptions target,
      PrintWriter out) {
    Interruption interruption = new Interruption(plan, done, session.specFile, out);
    Applier applier =
        new Applier(
                session.cluster.transport(),
                ids -> session.probe.observe(session.desired, ids).resources(),
                session.desired,
                journal,
                new Applier.Progress() {
                  @Override
                  public synchronized void started(Step step, int number, int total) {
                    interruption.started(step);
                    out.printf("[%d/%d] %s: %s%n", number, total, step.host(), step.why());
                    out.flush();
                  }

                  @Override
                  public synchronized void ended(StepResult result, int number, int total) {
                    interruption.ended(result);
                    out.printf(
                        "[%d/%d] %s: %s%n",
                        number,
                        total,
                        result.step().host(),
                        switch (result.outcome()) {
                          case OK -> "done, verified";
                          case ALREADY_DONE ->
                              "already done (its postcondition holds), not run again";
                          case FAILED -> "failed";
                          case UNREACHABLE -> "could not be run or its end was not seen";
                          case NOT_VERIFIED -> "ran, but not verified";
                          case CRASHED -> "crashed";
                        });
                    out.flush();
                  }
                },
                parallel,
                target.timeout(),
                Clock.systemUTC())
            .withSecret(session.secret);
    try {
      return interruption.watching(applier, () -> applier.run(plan, done, unfinished));
    } catch (IllegalStateException e) {
      // The journal could not be written: said in full, no stack trace.
      throw new CliFailure("apply stopped: " + e.getMessage());
    }
  }

  static int finish(
      ApplyReport report, Plan plan, String journalFile, PrintWriter out, PrintWriter err) {
    if (report.failure().isPresent()) {
      for (StepResult failed : report.results()) {
        if (failed.ok()) {
          continue;
        }
        err.println();
        err.println(
            "Step "
                + failed.step().id()
                + (failed.outcome() == StepResult.Outcome.CRASHED ? " crashed on " : " failed on ")
                + failed.step().host()
                + ":");
        err.println("  command: " + failed.step().command().toShell());
        failed.exitCode().ifPresent(code -> err.println("  exit code: " + code));
        err.println(
            "  "
                + switch (failed.outcome()) {
                  case NOT_VERIFIED -> "not verified: ";
                  case UNREACHABLE -> "its end was not seen: ";
                  case CRASHED -> "cause: ";
                  case OK, ALREADY_DONE, FAILED -> "";
                }
                + failed.detail());
      }
      err.println(
          report.notRun().size()
              + " step"
              + (report.notRun().size() == 1 ? " was" : "s were")
              + " not run. Journal: "
              + journalFile
              + " (hasnctl journal shows it). Fix the cause, then: hasnctl apply --resume "
              + plan.specFile());
      return ExitCodes.ERROR;
    }
    // Held steps are never run by design; any other step not run means the apply was stopped.
    java.util.Set<String> heldIds =
        plan.held().stream().map(Step::id).collect(java.util.stream.Collectors.toSet());
    List<String> stopped = report.notRun().stream().filter(id -> !heldIds.contains(id)).toList();
    if (!stopped.isEmpty()) {
      err.println(
          "Apply stopped before every step ran: "
              + stopped.size()
              + " not run. Journal: "
              + journalFile
              + ". Resume with: hasnctl apply --resume "
              + plan.specFile());
      return ExitCodes.ERROR;
    }
    if (!plan.held().isEmpty()) {
      out.println(
          "Apply ran "
              + report.results().size()
              + " step"
              + (report.results().size() == 1 ? "" : "s")
              + " and held "
              + plan.held().size()
              + " to protect running nodes; nothing of them was run:");
      List<String> waiting = new ArrayList<>();
      for (Step held : plan.held()) {
        Hold hold = held.hold().orElseThrow();
        if (hold.count() == 0) {
          waiting.add(held.id());
          continue;
        }
        out.println("  held " + held.id() + ": " + hold.reason());
        hold.waysOut().forEach(way -> out.println("      " + way));
      }
      if (!waiting.isEmpty()) {
        out.println(
            "  and "
                + waiting.size()
                + " step"
                + (waiting.size() == 1 ? " that waits" : "s that wait")
                + " for them: "
                + String.join(", ", waiting));
      }
      out.println("Journal: " + journalFile + ". Run hasnctl plan again once the nodes are safe.");
      return ExitCodes.HELD;
    }
    out.println(
        "Apply complete: "
            + report.results().size()
            + " step"
            + (report.results().size() == 1 ? "" : "s")
            + " run and verified"
            + (report.skipped().isEmpty() ? "" : ", " + report.skipped().size() + " done before")
            + ".");
    if (plan.failedChecks() > 0) {
      out.println(plan.failedChecks() + " failed checks still need an admin (see the plan).");
    }
    return plan.blocked() > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
  }
}
