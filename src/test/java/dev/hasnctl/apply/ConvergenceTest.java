package dev.hasnctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.HostName;
import dev.hasnctl.plan.Action;
import dev.hasnctl.plan.Diff;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Planner;
import dev.hasnctl.plan.Step;
import dev.hasnctl.probe.Probe;
import dev.hasnctl.sim.Role;
import dev.hasnctl.sim.SimCommands;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.SimTransport;
import dev.hasnctl.sim.scenario.Drift;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.testing.SimClusters;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.XdshRelay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One apply takes a simulated cluster to the spec; the next plan is empty. */
class ConvergenceTest {
  private static final HostName EMS = HostName.of("ems01");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private final ClusterSpec spec = SimClusters.example();
  private final DesiredState desired = DesiredState.of(spec);

  private Plan plan(Probe probe) {
    return Planner.plan(
        spec,
        "cluster.yaml",
        "spec".getBytes(StandardCharsets.UTF_8),
        desired,
        probe.observe(desired).resources(),
        CLOCK.instant());
  }

  private ApplyReport apply(Transport transport, Probe probe, Plan plan) {
    Applier applier =
        new Applier(
                transport,
                ids -> probe.observe(desired, ids).resources(),
                desired,
                Journal.begin(dir.resolve("journal.jsonl"), plan.fingerprint(), CLOCK.instant()),
                new Applier.Progress() {
                  @Override
                  public void started(Step step, int number, int total) {}

                  @Override
                  public void ended(StepResult result, int number, int total) {}
                },
                2,
                Duration.ofMinutes(30),
                CLOCK)
            .withSecret(SimClusters.secret());
    return applier.run(plan, Set.of());
  }

  /** Compute nodes that hang or do not answer: what an apply must never add to. */
  private static long hungNodes(SimStore store) {
    return store.snapshot().hostsWith(Role.COMPUTE).stream()
        .filter(h -> !h.hung.isEmpty() || !h.reachable)
        .count();
  }

  /**
   * One apply, then a plan: no node hung that was not before, and the cluster matches the spec
   * (only checks an admin must act on remain) or every step left is held, naming its nodes.
   */
  Plan appliesSafely(SimStore store) {
    Transport transport = new XdshRelay(new SimTransport(store), EMS);
    Probe probe =
        new Probe(transport, EMS, Probe.Mode.XDSH, Duration.ofMinutes(5), SimClusters.secret());
    long hungBefore = hungNodes(store);
    Plan first = plan(probe);
    assertThat(first.steps()).isNotEmpty();

    ApplyReport report = apply(transport, probe, first);

    assertThat(report.failure())
        .as("%s", report.failure().map(f -> f.step() + " -> " + f.detail()).orElse(""))
        .isEmpty();
    assertThat(hungNodes(store))
        .as("hung or unresponsive compute nodes after apply (before: %s)", hungBefore)
        .isLessThanOrEqualTo(hungBefore);
    Plan second = plan(probe);
    // Software levels, ifixes and node health are checks: reported, never changed by apply.
    assertThat(Diff.between(desired, probe.observe(desired).resources()))
        .filteredOn(c -> c.action() != Action.REPORT)
        .allSatisfy(
            c ->
                assertThat(second.held())
                    .as("%s differs but no held step explains it", c)
                    .isNotEmpty());
    assertThat(second.steps())
        .allSatisfy(step -> assertThat(step.isHeld()).as("%s", step).isTrue());
    second.held().stream()
        .filter(step -> step.hold().orElseThrow().count() > 0)
        .forEach(
            step ->
                assertThat(step.hold().orElseThrow().nodes())
                    .as("held %s names its nodes", step.id())
                    .isNotEmpty());
    return second;
  }

  void converges(SimStore store) {
    Plan second = appliesSafely(store);
    assertThat(second.steps()).isEmpty();
  }

  @Test
  void aFreshClusterConvergesInOneApply() {
    converges(SimClusters.store(Scenario.FRESH));
  }

  @Test
  void aLegacyClusterKeepsItsNodesRunningAndHoldsTheOutageWithItsNodes() {
    SimStore store = SimClusters.store(Scenario.LEGACY);

    Plan second = appliesSafely(store);

    // Legacy nodes mount the SNs' local /install over NFSv3 with no replica. Switching /install
    // to GPFS is the migration's outage, which shuts them down: held, without --outage, at its
    // first step, with every running node it would stop; all that needs the switch waits for it.
    assertThat(second.held())
        .filteredOn(step -> step.hold().orElseThrow().count() > 0)
        .singleElement()
        .satisfies(
            step -> {
              assertThat(step.id()).isEqualTo("ems/migration/shutdown");
              assertThat(step.hold().orElseThrow().nodes()).isEqualTo("cn[0001-0512]");
              assertThat(step.hold().orElseThrow().reason())
                  .contains("the migration's outage")
                  .contains("512 running nodes")
                  .contains("--outage");
            });
    assertThat(second.held())
        .filteredOn(step -> step.id().endsWith("/gpfs") || step.id().contains("/exports/"))
        .hasSize(8)
        .allSatisfy(
            step -> assertThat(step.hold().orElseThrow().reason()).startsWith("waits for held"));
    assertThat(hungNodes(store)).isZero();
  }

  @Test
  void aConvergedClusterPlansNothingAndApplyRunsNothing() {
    SimStore store = SimClusters.store(Scenario.CONVERGED);
    Transport transport = new XdshRelay(new SimTransport(store), EMS);
    Probe probe =
        new Probe(transport, EMS, Probe.Mode.XDSH, Duration.ofMinutes(5), SimClusters.secret());
    Plan plan = plan(probe);

    ApplyReport report = apply(transport, probe, plan);

    assertThat(plan.steps()).isEmpty();
    assertThat(plan.matches()).isTrue();
    assertThat(report.results()).isEmpty();
    boolean changed = store.transact(c -> c.changed());
    assertThat(changed).isFalse();
  }

  static java.util.stream.LongStream seeds() {
    return java.util.stream.LongStream.rangeClosed(1, 50);
  }

  /** The measured cases: ten drifts, seeds 1 (NFS restarted before replicas) and 4. */
  @org.junit.jupiter.params.ParameterizedTest(name = "10 drifts, seed {0}")
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 4})
  void tenDriftsAreAppliedWithoutHangingANode(long seed) {
    SimState state = SimClusters.state(spec, Scenario.CONVERGED);
    Drift.apply(state, 10, seed);

    appliesSafely(SimStore.inMemory(state, SimCommands.standard()));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
  @org.junit.jupiter.params.provider.MethodSource("seeds")
  void anyDriftIsAppliedWithoutHangingANode(long seed) {
    SimState state = SimClusters.state(spec, Scenario.CONVERGED);
    List<String> drifts = Drift.apply(state, 4, seed);

    assertThat(drifts).hasSize(4);
    appliesSafely(SimStore.inMemory(state, SimCommands.standard()));
  }
}
