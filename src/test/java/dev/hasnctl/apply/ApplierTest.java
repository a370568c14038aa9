package dev.hasnctl.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Planner;
import dev.hasnctl.plan.Step;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.testing.SimClusters;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.TransportException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplierTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private final ClusterSpec spec = SimClusters.example();
  private final DesiredState desired = DesiredState.of(spec);

  /** A plan for a cluster whose SN exports and diskless definitions are all missing. */
  private Plan plan() {
    Map<ResourceId, Observed> observed = new TreeMap<>();
    desired
        .list()
        .forEach(
            r ->
                observed.put(
                    r.id(),
                    r.id().kind() == ResourceKind.DISKLESS_NODE
                            || r.id().kind() == ResourceKind.EXPORT
                        ? new Observed.Absent(r.id())
                        : new Observed.Present(r)));
    return Planner.plan(
        spec,
        "cluster.yaml",
        "x".getBytes(StandardCharsets.UTF_8),
        desired,
        observed,
        CLOCK.instant());
  }

  /** Records every command and fails the ones matching {@code failing}. */
  private static final class Recording implements Transport {
    final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    final Map<HostName, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    final AtomicInteger mostOnOneLane = new AtomicInteger();
    final String failing;
    String throwing = "";

    Recording(String failing) {
      this.failing = failing;
    }

    @Override
    public ExecResult exec(HostName host, Argv command, Optional<String> stdin, Duration timeout)
        throws TransportException {
      String line = command.toShell();
      if (command.program().equals("cksum")) {
        // What the applier reads before a step that takes a backup, not a step.
        return ExecResult.exited(0, "4294967295 0 " + command.args().get(1) + "\n", "");
      }
      if (!throwing.isEmpty() && line.contains(throwing)) {
        throw new IllegalStateException("simulated bug on " + host);
      }
      HostName lane = lane(host, line);
      int now = inFlight.computeIfAbsent(lane, h -> new AtomicInteger()).incrementAndGet();
      mostOnOneLane.accumulateAndGet(now, Math::max);
      try {
        ran.add(host + ": " + line);
        return !failing.isEmpty() && line.contains(failing)
            ? ExecResult.exited(3, "", "boom on " + host)
            : ExecResult.exited(0, "", "");
      } finally {
        inFlight.get(lane).decrementAndGet();
      }
    }

    private static HostName lane(HostName host, String line) {
      return line.startsWith("mkdsklsnode") ? HostName.of("nim-" + line.hashCode()) : host;
    }

    @Override
    public void close() {}
  }

  private Applier applier(Transport transport, Verifier verifier, Journal journal, int parallel) {
    return new Applier(
        transport,
        verifier,
        desired,
        journal,
        new Applier.Progress() {
          @Override
          public void started(Step step, int number, int total) {}

          @Override
          public void ended(StepResult result, int number, int total) {}
        },
        parallel,
        Duration.ofMinutes(5),
        CLOCK);
  }

  private Verifier matching() {
    return ids -> {
      Map<ResourceId, Observed> out = new TreeMap<>();
      ids.forEach(id -> out.put(id, new Observed.Present(desired.get(id).orElseThrow())));
      return out;
    };
  }

  @Test
  void everyStepRunsOnceInPlanOrderAndIsJournalled() throws Exception {
    Plan plan = plan();
    Recording transport = new Recording("");
    Path file = dir.resolve("journal.jsonl");

    ApplyReport report =
        applier(transport, matching(), Journal.begin(file, plan.fingerprint(), CLOCK.instant()), 1)
            .run(plan, Set.of());

    assertThat(report.succeeded()).isTrue();
    assertThat(transport.ran).hasSize(plan.steps().size());
    assertThat(transport.ran)
        .containsExactlyElementsOf(
            plan.steps().stream().map(s -> s.host() + ": " + s.command().toShell()).toList());
    assertThat(Journal.done(file))
        .containsExactlyInAnyOrderElementsOf(plan.steps().stream().map(Step::id).toList());
    assertThat(Files.readAllLines(file).get(0)).contains("\"plan\":\"" + plan.fingerprint() + "\"");
  }

  @Test
  void theFirstFailureStopsNewStepsAndSaysWhatFailedWhere() {
    Plan plan = plan();
    Recording transport = new Recording("-b -i");

    ApplyReport report =
        applier(
                transport,
                matching(),
                Journal.begin(dir.resolve("j"), plan.fingerprint(), CLOCK.instant()),
                4)
            .run(plan, Set.of());

    assertThat(report.succeeded()).isFalse();
    StepResult failure = report.failure().orElseThrow();
    assertThat(failure.exitCode()).hasValue(3);
    assertThat(failure.detail()).isEqualTo("boom on ems01");
    assertThat(failure.step().command().toShell()).contains("mkdsklsnode -V -S -b");
    assertThat(report.notRun()).isNotEmpty();
    assertThat(transport.ran).noneMatch(c -> c.contains("mkdsklsnode -V -S -p"));
  }

  /** A plan of one check that settles within a minute: nodes halting, say. */
  private static Plan settlingCheck() {
    Step check =
        new Step(
                "ems/migration/down",
                HostName.of("ems01"),
                HostName.of("ems01"),
                dev.hasnctl.plan.Phase.MIGRATION_OUTAGE,
                Set.of("cn0001"),
                Argv.of("sh", "-c", "! nodestat cn0001 | grep -v ': noping'"),
                "check that the nodes are down",
                List.of(),
                Set.of())
            .settling(Duration.ofMinutes(1));
    return new Plan("cluster.yaml", CLOCK.instant(), "fp", List.of(), List.of(check));
  }

  /** A transport whose commands fail {@code failures} times, then succeed. */
  private static Transport failingFirst(int failures, AtomicInteger runs) {
    return new Transport() {
      @Override
      public ExecResult exec(HostName host, Argv command, Optional<String> stdin, Duration t) {
        return runs.incrementAndGet() <= failures
            ? ExecResult.exited(1, "", "")
            : ExecResult.exited(0, "", "");
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void aSettlingCheckRunsAgainUntilItPassesWaitingBetweenRuns() {
    AtomicInteger runs = new AtomicInteger();
    List<Duration> waits = new ArrayList<>();
    Plan plan = settlingCheck();

    ApplyReport report =
        applier(
                failingFirst(2, runs),
                matching(),
                Journal.begin(dir.resolve("j"), plan.fingerprint(), CLOCK.instant()),
                1)
            .withSleeper(waits::add)
            .run(plan, Set.of());

    assertThat(report.succeeded()).isTrue();
    assertThat(runs).hasValue(3);
    assertThat(waits).containsExactly(Step.SETTLE_INTERVAL, Step.SETTLE_INTERVAL);
  }

  @Test
  void aSettlingCheckThatNeverPassesFailsOnceItsTimeIsUp() {
    AtomicInteger runs = new AtomicInteger();
    Plan plan = settlingCheck();

    ApplyReport report =
        applier(
                failingFirst(Integer.MAX_VALUE, runs),
                matching(),
                Journal.begin(dir.resolve("j"), plan.fingerprint(), CLOCK.instant()),
                1)
            .withSleeper(d -> {})
            .run(plan, Set.of());

    assertThat(report.failure().orElseThrow().outcome()).isEqualTo(StepResult.Outcome.FAILED);
    // One minute, a run every 10 seconds: the first run and six more.
    assertThat(runs).hasValue(7);
  }

  @Test
  void aStepWhoseResourcesStillDifferIsNotVerified() {
    Plan plan = plan();
    Verifier stillAbsent =
        ids -> {
          Map<ResourceId, Observed> out = new TreeMap<>();
          ids.forEach(id -> out.put(id, new Observed.Absent(id)));
          return out;
        };

    ApplyReport report =
        applier(
                new Recording(""),
                stillAbsent,
                Journal.begin(dir.resolve("j"), plan.fingerprint(), CLOCK.instant()),
                1)
            .run(plan, Set.of());

    assertThat(report.failure().orElseThrow().outcome()).isEqualTo(StepResult.Outcome.NOT_VERIFIED);
    assertThat(report.failure().orElseThrow().detail()).endsWith(" is absent");
  }

  @Test
  void resumeSkipsWhatTheJournalSaysIsDone() {
    Plan plan = plan();
    Path file = dir.resolve("journal.jsonl");
    applier(
            new Recording("-p -k"),
            matching(),
            Journal.begin(file, plan.fingerprint(), CLOCK.instant()),
            2)
        .run(plan, Set.of());
    Set<String> done = Journal.done(file);
    Recording second = new Recording("");

    ApplyReport report =
        applier(second, matching(), Journal.resume(file, plan.fingerprint()), 2).run(plan, done);

    assertThat(report.succeeded()).isTrue();
    assertThat(report.skipped()).containsExactlyInAnyOrderElementsOf(done);
    assertThat(second.ran).hasSize(plan.steps().size() - done.size());
    List<String> doneCommands =
        plan.steps().stream()
            .filter(s -> done.contains(s.id()))
            .map(s -> s.host() + ": " + s.command().toShell())
            .toList();
    assertThat(second.ran).doesNotContainAnyElementsOf(doneCommands);
  }

  @Test
  void aStepThatThrowsIsThatStepsFailureAndTheStepsInFlightEndJournaled() {
    Plan plan = plan();
    Recording transport = new Recording("");
    transport.throwing = "-b -i";
    Path file = dir.resolve("journal.jsonl");

    ApplyReport report =
        applier(transport, matching(), Journal.begin(file, plan.fingerprint(), CLOCK.instant()), 4)
            .run(plan, Set.of());

    StepResult failure = report.failure().orElseThrow();
    assertThat(failure.outcome()).isEqualTo(StepResult.Outcome.CRASHED);
    assertThat(failure.detail()).isEqualTo("IllegalStateException: simulated bug on ems01");
    assertThat(failure.step().command().toShell()).contains("mkdsklsnode -V -S -b");
    assertThat(report.notRun()).isNotEmpty();
    JournalState journal = Journal.read(new FileJournalStore(file));
    assertThat(journal.unknown()).as("steps started and never ended").isEmpty();
    assertThat(journal.steps()).hasSize(report.results().size());
    assertThat(transport.ran).noneMatch(c -> c.contains("mkdsklsnode -V -S -p"));
  }

  @Test
  void resumeDoesNotRunAgainAStartedStepWhosePostconditionHolds() {
    Plan plan = plan();
    Path file = dir.resolve("journal.jsonl");
    Journal first = Journal.begin(file, plan.fingerprint(), CLOCK.instant());
    Step interrupted = plan.steps().get(0);
    first.intent(interrupted, 1, List.of(), CLOCK.instant());
    JournalState before = Journal.read(new FileJournalStore(file));
    Recording second = new Recording("");

    ApplyReport report =
        applier(second, matching(), Journal.resume(file, plan.fingerprint()), 1)
            .run(plan, before.done(), before.unfinished());

    assertThat(before.unknown()).containsExactly(interrupted.id());
    assertThat(report.succeeded()).isTrue();
    assertThat(report.results().get(0).outcome()).isEqualTo(StepResult.Outcome.ALREADY_DONE);
    assertThat(second.ran)
        .doesNotContain(interrupted.host() + ": " + interrupted.command().toShell());
    assertThat(second.ran).hasSize(plan.steps().size() - 1);
    assertThat(Journal.read(new FileJournalStore(file)).unfinished()).isEmpty();
  }

  @Test
  void resumeRunsAgainAStartedStepWhosePostconditionDoesNotHold() {
    Plan plan = plan();
    Path file = dir.resolve("journal.jsonl");
    Journal first = Journal.begin(file, plan.fingerprint(), CLOCK.instant());
    Step interrupted = plan.steps().get(0);
    first.intent(interrupted, 1, List.of(), CLOCK.instant());
    JournalState before = Journal.read(new FileJournalStore(file));
    Recording second = new Recording("");
    Verifier presentOnceRun =
        ids -> {
          Map<ResourceId, Observed> out = new TreeMap<>();
          boolean ran =
              second.ran.contains(interrupted.host() + ": " + interrupted.command().toShell());
          ids.forEach(
              id ->
                  out.put(
                      id,
                      ran || !interrupted.verifies().contains(id)
                          ? new Observed.Present(desired.get(id).orElseThrow())
                          : new Observed.Absent(id)));
          return out;
        };

    ApplyReport report =
        applier(second, presentOnceRun, Journal.resume(file, plan.fingerprint()), 1)
            .run(plan, before.done(), before.unfinished());

    assertThat(report.succeeded()).isTrue();
    assertThat(report.results().get(0).outcome()).isEqualTo(StepResult.Outcome.OK);
    assertThat(second.ran).contains(interrupted.host() + ": " + interrupted.command().toShell());
    assertThat(
            Journal.read(new FileJournalStore(file))
                .step(interrupted.id())
                .orElseThrow()
                .attempts())
        .isEqualTo(2);
  }

  @Test
  void aJournalOfAnotherPlanIsNotResumed() {
    Path file = dir.resolve("journal.jsonl");
    Journal.begin(file, "a".repeat(64), CLOCK.instant());

    assertThatThrownBy(() -> Journal.resume(file, "b".repeat(64)))
        .hasMessageContaining("is for another plan");
  }

  @Test
  void neverTwoStepsOnOneHostAtOnce() {
    Plan plan = plan();
    Recording transport = new Recording("");

    applier(
            transport,
            matching(),
            Journal.begin(dir.resolve("j"), plan.fingerprint(), CLOCK.instant()),
            8)
        .run(plan, Set.of());

    assertThat(transport.mostOnOneLane.get()).isEqualTo(1);
  }
}
