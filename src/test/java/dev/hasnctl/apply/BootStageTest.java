package dev.hasnctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.Argv;
import dev.hasnctl.plan.Phase;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Planner;
import dev.hasnctl.plan.Step;
import dev.hasnctl.sim.FaultInjector;
import dev.hasnctl.sim.FaultKind;
import dev.hasnctl.sim.SimCommands;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.testing.SimClusters;
import dev.hasnctl.transport.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The boot stage ({@code --boot}, issue 13): nodes that are down boot a batch at a time, each
 * checked healthy before the next; a batch that does not come up stops the boot there.
 */
class BootStageTest {
  private static final ClusterSpec SPEC = CrashPointTest.SPEC;
  private static final Planner.Options BOOT = new Planner.Options("", false, true, 0);

  private static SimApply converged() {
    return new SimApply(
        SPEC,
        SimStore.inMemory(SimClusters.state(SPEC, Scenario.CONVERGED), SimCommands.standard()));
  }

  private static void onEms(SimApply sim, String... argv) throws TransportException {
    sim.transport.exec(
        SimApply.EMS,
        Argv.of(argv[0], java.util.Arrays.copyOfRange(argv, 1, argv.length)),
        Duration.ofMinutes(1));
  }

  private static ApplyReport apply(SimApply sim, Plan plan) {
    return new Applier(
            sim.transport,
            sim.verifier(),
            sim.desired,
            Journal.begin(new MemoryJournalStore(), plan.fingerprint(), SimApply.CLOCK.instant()),
            SimApply.quiet(),
            1,
            Duration.ofMinutes(30),
            SimApply.CLOCK)
        .withSecret(SimClusters.secret())
        .withSleeper(d -> {})
        .run(plan, Set.of());
  }

  private static boolean up(SimApply sim, String node) {
    SimState state = sim.store.snapshot();
    SimHost host = state.host(node).orElseThrow();
    return host.reachable && host.hung.isEmpty();
  }

  @Test
  void withoutBootNothingIsBootedAndWithItTheDownNodesBootOneGroupAtATime() throws Exception {
    SimApply sim = converged();
    onEms(sim, "xdsh", "cn[0001-0002],cn[0257-0258]", "/usr/sbin/shutdown -F &");

    assertThat(sim.plan().steps()).isEmpty();
    Plan plan = sim.plan(BOOT);

    assertThat(plan.steps())
        .extracting(Step::id)
        .containsExactly(
            "ems/boot/sn01group",
            "ems/boot/sn01group/up",
            "ems/boot/sn03group",
            "ems/boot/sn03group/up");
    assertThat(plan.steps().get(0).command().toShell())
        .isEqualTo(
            "sh -c 'rbootseq '\\''cn[0001-0002]'\\'' hfi && rpower '\\''cn[0001-0002]'\\'' on'");
    assertThat(plan.steps().get(2).after()).containsExactly("ems/boot/sn01group/up");
    ApplyReport report = apply(sim, plan);

    assertThat(report.succeeded()).as("%s", report.failure()).isTrue();
    assertThat(List.of("cn0001", "cn0002", "cn0257", "cn0258")).allMatch(n -> up(sim, n));
    assertThat(sim.plan(BOOT).steps()).isEmpty();
  }

  @Test
  void aBatchThatDoesNotComeUpStopsTheBootThere() throws Exception {
    SimApply sim = converged();
    onEms(sim, "xdsh", "cn[0001-0002],cn[0257-0258]", "/usr/sbin/shutdown -F &");
    // sn01 goes down: its nodes get no boot reply (the seed's "check the SN").
    sim.store.transact(
        c -> FaultInjector.inject(c.state(), FaultKind.DOWN, "sn01", Optional.empty()));
    Plan plan = sim.plan(BOOT);
    assertThat(plan.steps()).filteredOn(s -> s.phase() == Phase.BOOT).hasSize(4);

    ApplyReport report = apply(sim, plan);

    StepResult failed = report.failure().orElseThrow();
    assertThat(failed.step().id()).isEqualTo("ems/boot/sn01group/up");
    assertThat(report.notRun()).contains("ems/boot/sn03group", "ems/boot/sn03group/up");
    assertThat(up(sim, "cn0257")).as("sn03group was not booted").isFalse();
  }

  @Test
  void batchesOfAtMostNNodes() {
    SimApply sim = converged();
    Plan plan;
    try {
      onEms(sim, "xdsh", "cn[0001-0002]", "/usr/sbin/shutdown -F &");
      plan = sim.plan(new Planner.Options("", false, true, 1));
    } catch (TransportException e) {
      throw new AssertionError(e);
    }

    assertThat(plan.steps())
        .extracting(Step::id)
        .containsExactly(
            "ems/boot/sn01group/1",
            "ems/boot/sn01group/1/up",
            "ems/boot/sn01group/2",
            "ems/boot/sn01group/2/up");
    assertThat(plan.steps().get(1).settle()).isPositive();
  }
}
