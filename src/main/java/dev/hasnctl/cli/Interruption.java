package dev.hasnctl.cli;

import dev.hasnctl.apply.Applier;
import dev.hasnctl.apply.StepResult;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Step;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What Ctrl-C does during an apply: no new step starts, the running ones get a few seconds to end
 * (and be journaled), then hasnctl says what was done, what was still running, and the command that
 * resumes. Keeps track of the steps as they start and end.
 */
final class Interruption {
  /** How long the steps running at Ctrl-C may take to end before hasnctl exits anyway. */
  static final long GRACE_SECONDS = 10;

  private final Plan plan;
  private final Path specFile;
  private final PrintWriter out;
  private final Set<String> done = new LinkedHashSet<>();
  private final Set<String> running = new LinkedHashSet<>();
  private final CountDownLatch finished = new CountDownLatch(1);

  Interruption(Plan plan, Set<String> doneBefore, Path specFile, PrintWriter out) {
    this.plan = plan;
    this.specFile = specFile;
    this.out = out;
    done.addAll(doneBefore);
  }

  synchronized void started(Step step) {
    running.add(step.id());
  }

  synchronized void ended(StepResult result) {
    running.remove(result.step().id());
    if (result.ok()) {
      done.add(result.step().id());
    }
  }

  /** Runs {@code apply}, reporting as above if the JVM is interrupted meanwhile. */
  <T> T watching(Applier applier, Supplier<T> apply) {
    Thread hook = new Thread(() -> interrupted(applier), "hasnctl-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return apply.get();
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it prints the summary.
      }
    }
  }

  private void interrupted(Applier applier) {
    applier.stop();
    boolean ended;
    try {
      ended = finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ended = false;
    }
    out.println();
    out.print(summary(ended));
    out.flush();
  }

  /** What the interrupted apply did, what it left running and how to go on. */
  synchronized String summary(boolean runningStepsEnded) {
    StringBuilder text = new StringBuilder("Interrupted: no new step was started.\n");
    text.append("Done: ")
        .append(done.size())
        .append(" of ")
        .append(plan.steps().size())
        .append(" steps")
        .append(done.isEmpty() ? ".\n" : ": " + list(done) + "\n");
    if (running.isEmpty()) {
      text.append("Running: none");
      text.append(
          runningStepsEnded ? " (the steps running at Ctrl-C ended and were journaled).\n" : ".\n");
    } else {
      text.append(
              "Still running when hasnctl stopped (their end is unknown; --resume checks each on")
          .append(" the cluster before running it again): ")
          .append(list(running))
          .append('\n');
    }
    text.append("Resume with: hasnctl apply --resume ").append(specFile).append('\n');
    return text.toString();
  }

  private static String list(Set<String> ids) {
    List<String> shown = new ArrayList<>(ids);
    if (shown.size() <= 10) {
      return String.join(", ", shown);
    }
    return String.join(", ", shown.subList(shown.size() - 10, shown.size()))
        + " and "
        + (shown.size() - 10)
        + " before them";
  }
}
