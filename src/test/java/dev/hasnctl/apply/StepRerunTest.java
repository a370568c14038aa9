package dev.hasnctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.plan.Phase;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Step;
import dev.hasnctl.sim.SimCommands;
import dev.hasnctl.sim.SimJson;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.scenario.Drift;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.TransportException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Steps that edit files and the inittab run twice in a row (what a resume does after a crash that
 * hid whether the first run finished) reach the same state, and keep the content from before the
 * first run in their backups.
 */
class StepRerunTest {

  /**
   * Runs the plan's steps in order on {@code state}, the file and inittab steps {@code runs} times
   * each; returns what the simulator recorded as harm afterwards.
   */
  private static List<String> runSteps(SimState state, int runs) throws TransportException {
    SimApply sim =
        new SimApply(SimClusters.example(), SimStore.inMemory(state, SimCommands.standard()));
    for (Step step : withoutMigration(sim.plan().steps())) {
      boolean rerun = !step.backups().isEmpty() || step.id().endsWith("/inittab");
      for (int run = 0; run < (rerun ? runs : 1); run++) {
        sim.transport.exec(step.host(), step.command(), input(sim, step), Duration.ofMinutes(5));
      }
    }
    return SimApply.harm(sim.store.snapshot());
  }

  /** What apply gives {@code step} on its standard input: the TEAL password files' content. */
  private static java.util.Optional<String> input(SimApply sim, Step step) {
    return dev.hasnctl.plan.TealSteps.input(step, sim.desired)
        .map(template -> SimClusters.secret().orElseThrow().fill(template));
  }

  /**
   * The steps, without the migration's online preparation: this test runs held steps too, and the
   * held switch of /install is the naive one (hasnctl does not build the outage stage), which the
   * temporary mount point would defeat. The preparation's own re-runs are MigrationOnlineTest's.
   */
  private static List<Step> withoutMigration(List<Step> steps) {
    return steps.stream()
        .filter(s -> s.phase() != Phase.MIGRATION_ONLINE && s.phase() != Phase.MIGRATION_OUTAGE)
        .toList();
  }

  private static int everyFileStepRunTwiceConverges(SimState state, boolean legacy)
      throws TransportException {
    // What the plan itself does to running nodes (the legacy migration's outage) is not the
    // re-run's doing: only harm beyond one plain run counts.
    List<String> plainRun = runSteps(SimJson.copy(state), 1);
    SimApply sim =
        new SimApply(SimClusters.example(), SimStore.inMemory(state, SimCommands.standard()));
    SimState before = sim.store.snapshot();
    Plan plan = sim.plan();
    int twice = 0;
    for (Step step : withoutMigration(plan.steps())) {
      boolean rerun = !step.backups().isEmpty() || step.id().endsWith("/inittab");
      for (int run = 0; run < (rerun ? 2 : 1); run++) {
        ExecResult result =
            sim.transport.exec(
                step.host(), step.command(), input(sim, step), Duration.ofMinutes(5));
        assertThat(result.succeeded()).as("run %d of %s: %s", run + 1, step, result).isTrue();
      }
      twice += rerun ? 1 : 0;
    }

    // On legacy this test also runs the held, naive mount of GPFS over the local /install (not the
    // migration, which copies xCAT's postscripts into GPFS first and makes the SNs' NIM resources
    // again): the SNs then see a shared /install without the EMS's postscripts and keep their NIM
    // copies at NFS version 3, which only the next plan can copy there and convert.
    assertThat(sim.plan().steps())
        .filteredOn(
            s -> !(legacy && (s.phase() == Phase.SHARED_POSTSCRIPTS || s.phase() == Phase.IMAGES)))
        .isEmpty();
    SimState after = sim.store.snapshot();
    for (String[] backup : SimApply.backups(plan)) {
      assertThat(SimApply.file(after, backup[0], backup[1]))
          .as("%s:%s", backup[0], backup[1])
          // A file created by the step was empty before it (touch), which is what its backup keeps.
          .hasValue(SimApply.file(before, backup[0], backup[2]).orElse(""));
    }
    assertThat(SimApply.harm(after)).isSubsetOf(plainRun);
    return twice;
  }

  @Test
  void legacyFileAndInittabStepsRunTwiceKeepTheFirstBackup() throws TransportException {
    int twice =
        everyFileStepRunTwiceConverges(
            SimClusters.state(SimClusters.example(), Scenario.LEGACY), true);

    assertThat(twice).isPositive();
  }

  @Test
  void driftedFileAndInittabStepsRunTwiceKeepTheFirstBackup() throws TransportException {
    int twice = 0;
    for (long seed : new long[] {3, 11, 29}) {
      SimState state = SimClusters.state(SimClusters.example(), Scenario.CONVERGED);
      Drift.apply(state, 6, seed);
      twice += everyFileStepRunTwiceConverges(state, false);
    }

    assertThat(twice).isPositive();
  }
}
