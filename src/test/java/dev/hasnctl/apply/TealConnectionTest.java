package dev.hasnctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.model.Secret;
import dev.hasnctl.plan.Action;
import dev.hasnctl.plan.Change;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.sim.SimCommands;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.sim.scenario.TealNode;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.SpecLoader;
import dev.hasnctl.testing.SimClusters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's connection test on the TEAL utility node ({@code isql -v xcatdb}) as a check: it
 * passes on a node installed from a converged image, fails without showing the password when the
 * node's credentials or its route are wrong, and is verified again once apply sets IP forwarding.
 */
class TealConnectionTest {
  private static final ResourceId CHECK =
      new ResourceId(
          dev.hasnctl.model.HostName.of("util01"), ResourceKind.DB2_CONNECTION, "xcatdb");
  private static final String NODE_CLI =
      "/db2client/dsdriver/odbc_cli_driver/aix32/clidriver/cfg/db2cli.ini";

  @TempDir Path dir;

  private static String password() {
    return SimClusters.secret().orElseThrow().fill(Secret.SHOWN);
  }

  private static ClusterSpec routedThroughSn01() throws Exception {
    String text =
        Files.readString(SimClusters.EXAMPLE)
            .replace(
                "    nameservers: \"\"       # empty here too\n",
                "    nameservers: \"\"\n    gateway: 20.10.12.1\n");
    return SpecLoader.load(text.getBytes(StandardCharsets.UTF_8), "cluster.yaml")
        .spec()
        .orElseThrow();
  }

  private Applier apply(SimApply sim, Plan plan) {
    return new Applier(
            sim.transport,
            sim.verifier(),
            sim.desired,
            Journal.begin(
                dir.resolve("journal.jsonl"), plan.fingerprint(), SimApply.CLOCK.instant()),
            SimApply.quiet(),
            1,
            Duration.ofMinutes(30),
            SimApply.CLOCK)
        .withSecret(SimClusters.secret());
  }

  private static Observed check(SimApply sim) {
    return sim.probe.observe(sim.desired, List.of(CHECK)).resources().get(CHECK);
  }

  private static List<Change> checks(Plan plan) {
    return plan.changes().stream().filter(c -> c.id().equals(CHECK)).toList();
  }

  @Test
  void aFreshClusterConvergesAndTheUtilityNodeInstalledFromItsImageConnects() {
    SimStore store = SimClusters.store(Scenario.FRESH);
    SimApply sim = new SimApply(SimClusters.example(), store);
    // Not installed yet: nothing runs on it to check.
    assertThat(check(sim)).isInstanceOf(Observed.Absent.class);
    Plan plan = sim.plan();
    assertThat(plan.changes()).noneMatch(c -> c.id().host().value().equals("util01"));

    ApplyReport report = apply(sim, plan).run(plan, Set.of());
    assertThat(report.failure()).isEmpty();
    // The seed's "Install the image": the node's root is made from the spot hasnctl just wrote.
    store.transact(
        cluster -> {
          TealNode.install(cluster.state(), sim.spec);
          return null;
        });

    assertThat(check(sim))
        .isInstanceOfSatisfying(
            Observed.Present.class,
            seen ->
                assertThat(seen.resource().properties())
                    .containsExactly(java.util.Map.entry("isql", "connected")));
    assertThat(sim.plan().steps()).isEmpty();
  }

  @Test
  void aWrongPasswordOnTheNodeFailsTheCheckWithoutShowingEitherPassword() {
    SimState state = SimClusters.state(SimClusters.example(), Scenario.CONVERGED);
    SimHost node = state.host("util01").orElseThrow();
    node.files.put(NODE_CLI, "[xcatdb]\nuid=xcatdb\npwd=0ld-pw\n");
    SimApply sim =
        new SimApply(SimClusters.example(), SimStore.inMemory(state, SimCommands.standard()));

    Plan plan = sim.plan();

    assertThat(checks(plan))
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.action()).isEqualTo(Action.REPORT);
              assertThat(change.before().get("isql"))
                  .contains("SQL30082N")
                  .contains("USERNAME AND/OR PASSWORD INVALID")
                  .contains("[ISQL]ERROR: Could not SQLConnect");
              assertThat(change.toString()).doesNotContain(password()).doesNotContain("0ld-pw");
            });
    // Nothing hasnctl manages differs: the node's own files are the image's at install time.
    assertThat(plan.steps()).isEmpty();
  }

  @Test
  void ipForwardingOffOnTheRoutingSnFailsTheCheckAndApplyVerifiesItAfterSettingIt()
      throws Exception {
    ClusterSpec spec = routedThroughSn01();
    SimState state = SimClusters.state(spec, Scenario.CONVERGED);
    state.host("sn01").orElseThrow().tunables.remove("ipforwarding");
    SimApply sim = new SimApply(spec, SimStore.inMemory(state, SimCommands.standard()));

    Plan plan = sim.plan();

    assertThat(checks(plan))
        .singleElement()
        .satisfies(c -> assertThat(c.before().get("isql")).contains("SQL30081N"));
    assertThat(plan.steps())
        .singleElement()
        .satisfies(step -> assertThat(step.verifies()).contains(CHECK));
    ApplyReport report = apply(sim, plan).run(plan, Set.of());

    assertThat(report.failure()).isEmpty();
    assertThat(checks(sim.plan())).isEmpty();
  }

  @Test
  void theStepSettingForwardingIsNotVerifiedWhileTheNodesCredentialsStayWrong() throws Exception {
    ClusterSpec spec = routedThroughSn01();
    SimState state = SimClusters.state(spec, Scenario.CONVERGED);
    state.host("sn01").orElseThrow().tunables.remove("ipforwarding");
    state.host("util01").orElseThrow().files.put(NODE_CLI, "[xcatdb]\nuid=xcatdb\npwd=0ld-pw\n");
    SimApply sim = new SimApply(spec, SimStore.inMemory(state, SimCommands.standard()));
    Plan plan = sim.plan();

    ApplyReport report = apply(sim, plan).run(plan, Set.of());

    assertThat(report.failure())
        .hasValueSatisfying(
            failure ->
                assertThat(failure.detail())
                    .contains("db2-connection")
                    .contains("SQL30082N")
                    .doesNotContain(password())
                    .doesNotContain("0ld-pw"));
    // Forwarding itself was set: only the connection still fails.
    assertThat(sim.store.snapshot().host("sn01").orElseThrow().tunables)
        .containsEntry("ipforwarding", "1");
  }

  @Test
  void aNodeWithoutItsDataSourceSaysSoInUnixOdbcsWords() {
    SimState state = SimClusters.state(SimClusters.example(), Scenario.CONVERGED);
    state.host("util01").orElseThrow().files.remove("/etc/odbc.ini");
    SimApply sim =
        new SimApply(SimClusters.example(), SimStore.inMemory(state, SimCommands.standard()));

    assertThat(checks(sim.plan()))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.before().get("isql"))
                    .isEqualTo(
                        "[IM002][unixODBC][Driver Manager]Data source name not found, and no"
                            + " default driver specified\n[ISQL]ERROR: Could not SQLConnect"));
  }

  @Test
  void theUtilityNodesFilesetLevelsAreCheckedLikeTheOtherSoftwareLevels() {
    SimState state = SimClusters.state(SimClusters.example(), Scenario.CONVERGED);
    var filesets = state.host("util01").orElseThrow().software.filesets;
    filesets.put("gpfs.base", "3.4.0.12");
    filesets.remove("teal.gpfs-sn");
    SimApply sim =
        new SimApply(SimClusters.example(), SimStore.inMemory(state, SimCommands.standard()));

    Plan plan = sim.plan();

    assertThat(plan.changes())
        .filteredOn(c -> c.id().host().value().equals("util01"))
        .extracting(c -> c.id().key() + " " + c.action() + " " + c.before())
        .containsExactly(
            "fileset:gpfs.base REPORT {minimum=3.4.0.12}",
            "fileset:teal.gpfs-sn REPORT {installed=no}");
    assertThat(plan.steps()).isEmpty();
  }
}
