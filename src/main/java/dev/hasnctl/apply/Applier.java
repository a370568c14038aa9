package dev.hasnctl.apply;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.Secret;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Step;
import dev.hasnctl.plan.TealSteps;
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
 * journals every step's intent before it starts and its end after; stops starting steps at the
 * first failure and lets running ones finish. A step that fails in any way, an unexpected exception
 * included, is that step's failure, named.
 *
 * <p>On resume, a step the journal shows started and not done is first checked: when its
 * postcondition already holds it is not run again ({@link StepResult.Outcome#ALREADY_DONE});
 * otherwise it runs again, which every step is built to survive (backups are never overwritten,
 * inittab records removed only when present).
 *
 * <p>A step the plan holds (it would strand running nodes) never runs, nor does any step after it.
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
  private final Checkpoint checkpoint;
  private Optional<Secret> secret = Optional.empty();
  private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
  private final java.util.concurrent.atomic.AtomicBoolean stopping =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Where a step is between its journal lines; a test hook that may stop the apply there as a crash
   * would.
   */
  interface Checkpoint {
    /** Points in one step's run. */
    enum Point {
      /** The intent is journaled; the command has not been sent. */
      BEFORE_COMMAND,
      /** The command ended; its postcondition has not been checked. */
      AFTER_COMMAND,
      /** The postcondition was checked; the end is not journaled. */
      AFTER_VERIFY
    }

    /** {@code step} reached {@code point}. */
    void reached(Point point, Step step);
  }

  /** Waits between two runs of a settling check; a test's replaces it. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** This applier, waiting with {@code sleeper} between two runs of a settling check. */
  Applier withSleeper(Sleeper sleeper) {
    this.sleeper = sleeper;
    return this;
  }

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
    this(transport, verifier, desired, journal, progress, parallel, timeout, clock, (p, s) -> {});
  }

  Applier(
      Transport transport,
      Verifier verifier,
      DesiredState desired,
      Journal journal,
      Progress progress,
      int parallel,
      Duration timeout,
      Clock clock,
      Checkpoint checkpoint) {
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
    this.checkpoint = checkpoint;
  }

  /**
   * This applier, feeding {@code secret} to the steps that write it (on their standard input, never
   * in a command line). Without it such a step fails before it runs.
   */
  public Applier withSecret(Optional<Secret> secret) {
    this.secret = secret;
    return this;
  }

  /**
   * Asks a running apply to start no new step; the steps running end and are journaled, then {@link
   * #run} returns. Thread-safe; for an interrupt (Ctrl-C).
   */
  public void stop() {
    stopping.set(true);
  }

  /** Runs the steps of {@code plan} not in {@code done}. */
  public ApplyReport run(Plan plan, Set<String> done) {
    return run(plan, done, Set.of());
  }

  /**
   * Runs the steps of {@code plan} not in {@code done}; those in {@code unfinished} (started by an
   * earlier apply, not known to be done) only when their postcondition does not hold already.
   */
  public ApplyReport run(Plan plan, Set<String> done, Set<String> unfinished) {
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
    RuntimeException journalFailure = null;
    try {
      while (true) {
        if (!failed && !stopping.get()) {
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
            boolean recheck = unfinished.contains(step.id());
            completions.submit(() -> execute(step, recheck));
          }
        }
        if (running == 0) {
          break;
        }
        StepResult result = take(completions);
        running--;
        busy.remove(result.step().lane());
        try {
          journal.ended(result, clock.instant());
        } catch (RuntimeException e) {
          // Without a journal nothing more may start; the steps running still end first.
          journalFailure = journalFailure == null ? e : journalFailure;
          failed = true;
        }
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
    if (journalFailure != null) {
      throw new IllegalStateException(
          "the journal could not be written ("
              + journalFailure.getMessage()
              + "), so no further step was started; the steps that ran are checked on the cluster"
              + " by apply --resume",
          journalFailure);
    }
    List<String> notRun = new ArrayList<>(held.stream().map(Step::id).toList());
    pending.stream().map(Step::id).forEach(notRun::add);
    return new ApplyReport(results, skipped, notRun);
  }

  /** Runs {@code step}; whatever goes wrong is this step's result, never an exception. */
  private StepResult execute(Step step, boolean recheck) {
    Instant start = clock.instant();
    try {
      if (recheck && !step.verifies().isEmpty() && unmet(step).isEmpty()) {
        return new StepResult(
            step,
            StepResult.Outcome.ALREADY_DONE,
            OptionalInt.empty(),
            "its postcondition already holds: an earlier apply ran it; not run again",
            Duration.between(start, clock.instant()));
      }
      List<KeptBackup> backups = journal.earlierBackups(step.id());
      if (backups.isEmpty()) {
        backups = Checksums.before(transport, step, timeout);
      }
      journal.intent(step, journal.earlierAttempts(step.id()) + 1, backups, clock.instant());
      return run(step, start);
    } catch (RuntimeException e) {
      return new StepResult(
          step,
          StepResult.Outcome.CRASHED,
          OptionalInt.empty(),
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          Duration.between(start, clock.instant()));
    }
  }

  private StepResult run(Step step, Instant start) {
    checkpoint.reached(Checkpoint.Point.BEFORE_COMMAND, step);
    Optional<String> input = TealSteps.input(step, desired);
    if (input.isPresent() && secret.isEmpty()) {
      return new StepResult(
          step,
          StepResult.Outcome.FAILED,
          OptionalInt.empty(),
          "not run: it writes the TEAL password, whose reference could not be read",
          Duration.between(start, clock.instant()));
    }
    Instant deadline = start.plus(step.settle());
    long runs = 1 + step.settle().dividedBy(Step.SETTLE_INTERVAL);
    for (long run = 1; ; run++) {
      StepResult result = runOnce(step, start, input);
      boolean settling =
          result.outcome() == StepResult.Outcome.FAILED
              || result.outcome() == StepResult.Outcome.NOT_VERIFIED;
      if (!settling
          || run >= runs
          || stopping.get()
          || clock.instant().plus(Step.SETTLE_INTERVAL).isAfter(deadline)) {
        return result;
      }
      // A check of what the cluster becomes (nodes halting, booting): not there yet.
      try {
        sleeper.sleep(Step.SETTLE_INTERVAL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return result;
      }
    }
  }

  /** Runs {@code step}'s command once and checks its postcondition. */
  private StepResult runOnce(Step step, Instant start, Optional<String> input) {
    ExecResult exec;
    try {
      exec =
          transport.exec(
              step.host(),
              step.command(),
              input.map(template -> secret.orElseThrow().fill(template)),
              StepTimeouts.of(step, desired, timeout));
    } catch (TransportException e) {
      return new StepResult(
          step,
          StepResult.Outcome.UNREACHABLE,
          OptionalInt.empty(),
          e.getMessage(),
          Duration.between(start, clock.instant()));
    }
    checkpoint.reached(Checkpoint.Point.AFTER_COMMAND, step);
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
    checkpoint.reached(Checkpoint.Point.AFTER_VERIFY, step);
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
      // execute() turns every exception into a step result: only an Error (out of memory, a test's
      // simulated crash) gets here, and it ends the apply as a crash would.
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("a step's thread ended without a result", e.getCause());
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
