package dev.hasnctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.HostName;
import dev.hasnctl.plan.Phase;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Planner;
import dev.hasnctl.plan.Step;
import dev.hasnctl.sim.FileLayer;
import dev.hasnctl.sim.Role;
import dev.hasnctl.sim.SimCommands;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimJson;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.testing.SimClusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The migration's outage (issue 13), applied with {@code --outage} to the legacy scenario, whole
 * and killed at sampled steps then resumed. Nothing is lost: every file of every SN's local
 * /install but NIM's is in the shared /install, with the newest content where SNs differ (the
 * nodes' statelite data, which they kept writing until they were shut down), each SN's own
 * directory in DIR/SN, and the local /install is still there under the GPFS mount. Every node is
 * down, none hung, defined again on both its SNs, which export /install with its replica; the next
 * plan has no step.
 */
class MigrationOutageTest {
  private static final ClusterSpec SPEC = CrashPointTest.SPEC;
  private static final Planner.Options OUTAGE = new Planner.Options("", true, false, 0);

  private static SimApply legacy() {
    return new SimApply(
        SPEC, SimStore.inMemory(SimClusters.state(SPEC, Scenario.LEGACY), SimCommands.standard()));
  }

  private static Applier applier(SimApply sim, Journal journal, Applier.Checkpoint checkpoint) {
    return CrashPointTest.applier(sim, journal, checkpoint).withSleeper(d -> {});
  }

  /** Applies {@code plan} whole and checks that no step failed. */
  private static void applyAll(SimApply sim, Plan plan) {
    ApplyReport report =
        applier(
                sim,
                Journal.begin(
                    new MemoryJournalStore(), plan.fingerprint(), SimApply.CLOCK.instant()),
                (p, s) -> {})
            .run(plan, Set.of());
    assertThat(report.failure())
        .as("%s", report.failure().map(f -> f.step() + " -> " + f.detail()).orElse(""))
        .isEmpty();
  }

  @Test
  void withoutOutageTheOutageIsHeldAtItsShutdownWithTheRunningNodes() {
    Plan plan = legacy().plan();

    Step shutdown =
        plan.steps().stream()
            .filter(s -> s.phase() == Phase.MIGRATION_OUTAGE)
            .findFirst()
            .orElseThrow();
    assertThat(shutdown.id()).isEqualTo("ems/migration/shutdown");
    assertThat(shutdown.hold().orElseThrow().nodes())
        .isEqualTo("cn[0001-0002],cn[0129-0130],cn[0257-0258],cn[0385-0386]");
    assertThat(plan.steps())
        .filteredOn(s -> s.phase() == Phase.MIGRATION_OUTAGE)
        .allSatisfy(s -> assertThat(s.isHeld()).as(s.id()).isTrue());
  }

  @Test
  void theOutageInTheSeedsOrder() {
    Plan plan = legacy().plan(OUTAGE);
    List<String> ids = plan.steps().stream().map(Step::id).toList();

    assertThat(plan.held()).isEmpty();
    assertThat(ids)
        .containsSubsequence(
            "ems/migration/shutdown",
            "ems/migration/down",
            "ems/migration/rmdsklsnode",
            "ems/migration/rmnimimage/aix71-compute",
            "sn01/migration/unexport",
            "sn01/migration/final-statelite",
            "sn02/migration/final-statelite",
            "sn03/migration/final-statelite",
            "sn04/migration/final-statelite",
            "sn01/migration/switch",
            "sn01/gpfs",
            "sn01/mkdsklsnode-primary/aix71-compute",
            "sn01/migration/replicated-exports");
    assertThat(ids)
        .containsSubsequence(
            "sn02/mkdsklsnode-backup/aix71-compute", "sn01/mkdsklsnode-primary/aix71-compute");
    // The SNs' NIM copies are made again by mkdsklsnode, not converted in place.
    assertThat(ids).noneMatch(id -> id.matches("sn0[1-4]/nim/.*"));
    Step shutdown = plan.steps().get(ids.indexOf("ems/migration/shutdown"));
    assertThat(shutdown.command().toShell())
        .isEqualTo(
            "sh -c 'xdsh '\\''cn[0001-0002],cn[0129-0130],cn[0257-0258],cn[0385-0386]'\\'' "
                + "'\\''/usr/sbin/shutdown -F &'\\'' || true'");
    assertThat(plan.steps().get(ids.indexOf("ems/migration/down")).settle()).isPositive();
  }

  @Test
  void anOutageLosesNothingAndTheNextPlanHasNoStep() {
    SimApply sim = legacy();
    Plan plan = sim.plan(OUTAGE);

    applyAll(sim, plan);
    assertMigrated(sim);
  }

  @Test
  void theOutageThenTheBootEndsWithTheClusterAsTheSpecSays() {
    SimApply sim = legacy();
    Plan plan = sim.plan(new Planner.Options("", true, true, 0));

    applyAll(sim, plan);
    SimState end = sim.store.snapshot();
    for (SimHost host : end.hostsWith(Role.COMPUTE)) {
      assertThat(host.hung).as(host.name).isEmpty();
      assertThat(host.reachable).as(host.name + " is up").isTrue();
    }
    // Nodes healthy as the spec says (mounts with their replica, paging, dump), nothing to do.
    assertThat(sim.plan().matches()).isTrue();
  }

  @Test
  void withMigrationBackupEachSnsWholeLocalInstallIsCopiedOnceFirst() throws Exception {
    String text =
        java.nio.file.Files.readString(SimClusters.EXAMPLE)
            .replace("cn[0001-0128]", "cn[0001-0002]")
            .replace("cn[0129-0256]", "cn[0129-0130]")
            .replace("cn[0257-0384]", "cn[0257-0258]")
            .replace("cn[0385-0512]", "cn[0385-0386]")
            .replace(
                "  migrationDirs: [apps]",
                "  migrationBackup: /backup/install\n  migrationDirs: [apps]");
    ClusterSpec spec =
        dev.hasnctl.spec.SpecLoader.load(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "backup.yaml")
            .spec()
            .orElseThrow();
    SimState initial = SimClusters.state(spec, Scenario.LEGACY);
    SimApply sim =
        new SimApply(spec, SimStore.inMemory(SimJson.copy(initial), SimCommands.standard()));
    Plan plan = sim.plan(OUTAGE);

    assertThat(plan.steps().stream().map(Step::id).toList())
        .containsSubsequence("sn01/migration/backup", "ems/migration/shutdown");
    applyAll(sim, plan);

    SimState end = sim.store.snapshot();
    for (SimHost before : initial.hostsWith(Role.SERVICE_NODE)) {
      SimHost after = end.host(before.name).orElseThrow();
      assertThat(after.file("/backup/install/.hasnctl-complete")).as(before.name).isPresent();
      before.files.forEach(
          (path, content) -> {
            if (path.startsWith("/install/") && !path.startsWith("/install/statelite_data/")) {
              assertThat(after.file("/backup" + path))
                  .as(before.name + " " + path)
                  .hasValue(content);
            }
          });
      // The NIM resource directories the outage removed from the local /install are in the copy.
      assertThat(before.dirs).contains("/install/nim/spot/aix71-compute/usr");
      assertThat(after.dirs).contains("/backup/install/nim/spot/aix71-compute/usr");
    }
    // Planned again, the copy is not made again: the step checks its marker first.
    assertThat(plan.steps().stream().filter(s -> s.id().equals("sn01/migration/backup")))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.command().toShell())
                    .contains("test -e /backup/install/.hasnctl-complete"));
  }

  static List<Integer> killedAt() {
    Plan plan = legacy().plan(OUTAGE);
    List<Integer> out = new ArrayList<>();
    List<String> ids = plan.steps().stream().map(Step::id).toList();
    for (String id :
        List.of(
            "ems/migration/shutdown",
            "ems/migration/rmnimimage/aix71-compute",
            "sn02/migration/final-statelite",
            "sn01/migration/switch",
            "sn03/gpfs",
            "sn04/mkdsklsnode-primary/aix71-compute")) {
      out.add(ids.indexOf(id));
    }
    return out;
  }

  @ParameterizedTest(name = "killed at step {0}")
  @MethodSource("killedAt")
  void anOutageKilledAtAStepAndResumedLosesNothing(int k) {
    SimApply first = legacy();
    Plan plan = first.plan(OUTAGE);
    Step target = plan.steps().get(k);
    MemoryJournalStore journal = new MemoryJournalStore();
    try {
      applier(
              first,
              Journal.begin(journal, plan.fingerprint(), SimApply.CLOCK.instant()),
              (point, step) -> {
                if (step.id().equals(target.id())
                    && point == Applier.Checkpoint.Point.AFTER_COMMAND) {
                  throw new CrashPointTest.Killed();
                }
              })
          .run(plan, Set.of());
    } catch (CrashPointTest.Killed expected) {
      // As kill -9 after the step's command: nothing more ran or was journaled.
    }

    SimApply second = new SimApply(SPEC, first.store);
    Journal resumed = Journal.resume(journal, plan.fingerprint());
    ApplyReport report =
        applier(second, resumed, (p, s) -> {})
            .run(plan, resumed.previous().done(), resumed.previous().unfinished());

    assertThat(report.failure())
        .as("%s", report.failure().map(f -> f.step() + " -> " + f.detail()).orElse(""))
        .isEmpty();
    assertMigrated(second);
  }

  private static void assertMigrated(SimApply sim) {
    SimState end = sim.store.snapshot();
    FileLayer shared = end.gpfsFiles.get("gpfsinstall");
    List<SimHost> sns = end.hostsWith(Role.SERVICE_NODE);
    // Each SN's local /install is kept, hidden under the GPFS mount: the newest copy of each file.
    Map<String, String> newest = new TreeMap<>();
    Map<String, Long> newestTime = new TreeMap<>();
    for (SimHost sn : sns) {
      FileLayer local = sn.covered.get("/install");
      assertThat(local).as(sn.name + "'s local /install under the mount").isNotNull();
      local.files.forEach(
          (path, content) -> {
            if (path.startsWith("/nim/")) {
              return;
            }
            String at = path.startsWith("/local/") ? "/local/" + sn.name + path.substring(6) : path;
            long time = local.mtimes.getOrDefault(path, Long.MIN_VALUE);
            if (!newestTime.containsKey(at) || time > newestTime.get(at)) {
              newestTime.put(at, time);
              newest.put(at, content);
            }
          });
    }
    assertThat(newest).containsKey("/apps/licence.dat").containsKey("/local/sn03/serviceinfo");
    assertThat(newest.keySet()).anyMatch(p -> p.startsWith("/statelite_data/cn0385/"));
    newest.forEach(
        (path, content) ->
            assertThat(shared.files.get(path)).as("shared /install%s", path).isEqualTo(content));

    for (SimHost host : end.hostsWith(Role.COMPUTE)) {
      assertThat(host.hung).as(host.name).isEmpty();
      assertThat(host.reachable).as(host.name + " is down").isFalse();
    }
    for (String node : List.of("cn0001", "cn0130", "cn0258", "cn0386")) {
      assertThat(sns)
          .filteredOn(sn -> sn.nim.containsKey(node))
          .as("SNs defining %s", node)
          .hasSize(2);
    }
    for (SimHost sn : sns) {
      assertThat(sn.file("/etc/exports").orElseThrow())
          .as(sn.name)
          .containsPattern("(?m)^/install -replicas=/install@");
    }
    assertThat(sim.plan().steps()).isEmpty();
    assertThat(HostName.of("ems01")).isEqualTo(SimApply.EMS);
  }
}
