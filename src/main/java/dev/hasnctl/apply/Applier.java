package dev.hasnctl.apply;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Step;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a plan's steps in order, at most {@code parallel} at once and never two on one host (lane),
 * a step only after every step it depends on; verifies each by observing its resources again;
 * journals every start and end; stops starting steps at the first failure and lets running ones
 * finish. A step the plan holds (it would strand running nodes) never runs, nor does any step after
 * it.
 */
public final class Applier {
  private final Transport transport;
  private final Verifier verifier;
  private final DesiredState desired;
  private final Journal journal;
  private final Progress progress;
  private final int parallel;
  private final Duration timeout;
  private final Clock clock;

  /** Hears about steps as they start and end, e.g. to print progress on a terminal. */
  public interface Progress {
    /** Step {@code number} of {@code total} starts. */
    void started(Step step, int number, int total);

    /** A step ended. */
    void ended(StepResult result, int number, int total);
  }

  public Applier(
      Transport transport,
      Verifier verifier,
      DesiredState desired,
      Journal journal,
      Progress progress,
      int parallel,
      Duration timeout,
      Clock clock) {
    if (parallel < 1) {
      throw new IllegalArgumentException("--parallel must be at least 1, not " + parallel);
    }
    this.transport = transport;
    this.verifier = verifier;
    this.desired = desired;
    this.journal = journal;
    this.progress = progress;
    this.parallel = parallel;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Runs the steps of {@code plan} not in {@code done}. */
  public ApplyReport run(Plan plan, Set<String> done) {
    List<Step> pending = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Map<String, Integer> numbers = new LinkedHashMap<>();
    List<Step> held = new ArrayList<>();
    for (Step step : plan.steps()) {
      numbers.put(step.id(), numbers.size() + 1);
      if (done.contains(step.id())) {
        skipped.add(step.id());
      } else if (step.isHeld()) {
        // Held by the plan to protect running nodes: never run, and nothing after it runs.
        held.add(step);
      } else {
        pending.add(step);
      }
    }
    if (!plan.allowedDisruption().isEmpty()) {
      journal.allowedDisruption(plan.allowedDisruption(), clock.instant());
    }
    held.forEach(h -> journal.held(h.id(), h.hold().orElseThrow().reason(), clock.instant()));
    int total = plan.steps().size();
    Set<String> finished = new HashSet<>(skipped);
    Set<HostName> busy = new HashSet<>();
    List<StepResult> results = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(parallel, daemon());
    CompletionService<StepResult> completions = new ExecutorCompletionService<>(pool);
    int running = 0;
    boolean failed = false;
    try {
      while (true) {
        if (!failed) {
          for (Step step : List.copyOf(pending)) {
            if (running >= parallel) {
              break;
            }
            if (busy.contains(step.lane()) || !finished.containsAll(step.after())) {
              continue;
            }
            pending.remove(step);
            busy.add(step.lane());
            running++;
            int number = numbers.get(step.id());
            progress.started(step, number, total);
            journal.started(step.id(), step.host().value(), clock.instant());
            completions.submit(() -> execute(step));
          }
        }
        if (running == 0) {
          break;
        }
        StepResult result = take(completions);
        running--;
        busy.remove(result.step().lane());
        journal.ended(result, clock.instant());
        results.add(result);
        progress.ended(result, numbers.get(result.step().id()), total);
        if (result.ok()) {
          finished.add(result.step().id());
        } else {
          failed = true;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> notRun = new ArrayList<>(held.stream().map(Step::id).toList());
    pending.stream().map(Step::id).forEach(notRun::add);
    return new ApplyReport(results, skipped, notRun);
  }

  private StepResult execute(Step step) {
    Instant start = clock.instant();
    ExecResult exec;
    try {
      exec = transport.exec(step.host(), step.command(), timeout);
    } catch (TransportException e) {
      return new StepResult(
          step,
          StepResult.Outcome.UNREACHABLE,
          OptionalInt.empty(),
          e.getMessage(),
          Duration.between(start, clock.instant()));
    }
    if (!exec.succeeded()) {
      String detail = exec.stderr().strip();
      return new StepResult(
          step,
          StepResult.Outcome.FAILED,
          exec.exitCode(),
          detail.isEmpty() ? exec.stdout().strip() : detail,
          Duration.between(start, clock.instant()));
    }
    Optional<String> unmet = unmet(step);
    return new StepResult(
        step,
        unmet.isPresent() ? StepResult.Outcome.NOT_VERIFIED : StepResult.Outcome.OK,
        exec.exitCode(),
        unmet.orElse(""),
        Duration.between(start, clock.instant()));
  }

  /** The first resource of {@code step} that does not match the spec after it ran, described. */
  private Optional<String> unmet(Step step) {
    if (step.verifies().isEmpty()) {
      return Optional.empty();
    }
    Map<ResourceId, Observed> now = verifier.observe(step.verifies());
    for (ResourceId id : step.verifies()) {
      Optional<Resource> want = desired.get(id);
      Observed seen = now.get(id);
      if (want.isEmpty()) {
        if (seen instanceof Observed.Present) {
          return Optional.of(id + " is still there");
        }
        continue;
      }
      if (seen instanceof Observed.Present present) {
        if (!present.resource().properties().equals(want.get().properties())) {
          return Optional.of(
              id + " is " + present.resource().properties() + ", not " + want.get().properties());
        }
      } else if (seen instanceof Observed.Unknown unknown) {
        return Optional.of(id + " could not be observed: " + unknown.reason());
      } else {
        return Optional.of(id + " is absent");
      }
    }
    return Optional.empty();
  }

  private static StepResult take(CompletionService<StepResult> completions) {
    try {
      Future<StepResult> next = completions.take();
      return next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("apply interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a step crashed: " + e.getCause(), e.getCause());
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "hasnctl-apply");
      thread.setDaemon(true);
      return thread;
    };
  }
}
