package dev.hasnctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.model.Secret;
import dev.hasnctl.plan.Change;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Step;
import dev.hasnctl.probe.Probe;
import dev.hasnctl.sim.SimCommands;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The TEAL utility node's DB2 client files on the simulator: planned, applied, verified. */
class TealApplyTest {
  private static final String CLI = "/db2client/dsdriver/cfg/db2cli.ini";
  private static final String SPOT = "/install/nim/spot/aix71-teal/usr/lpp/bos/inst_root";

  @TempDir Path dir;

  private static String password() {
    return SimClusters.secret().orElseThrow().fill(Secret.SHOWN);
  }

  private static SimApply sim(SimState state, Optional<Secret> secret) {
    SimStore store = SimStore.inMemory(state, SimCommands.standard());
    SimApply sim = new SimApply(SimClusters.example(), store);
    return new SimApply(
        sim.spec,
        store,
        sim.transport,
        new Probe(sim.transport, SimApply.EMS, Probe.Mode.XDSH, Duration.ofMinutes(2), secret));
  }

  private Applier apply(SimApply sim, Plan plan, Optional<Secret> secret) {
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
        .withSecret(secret);
  }

  private static List<Change> tealChanges(Plan plan) {
    return plan.changes().stream()
        .filter(c -> c.id().kind() == ResourceKind.DB2_CLIENT_FILE)
        .toList();
  }

  private static SimHost ems(SimApply sim) {
    return sim.store.snapshot().host("ems01").orElseThrow();
  }

  @Test
  void aFreshClusterGetsEveryClientFileWithThePasswordOnlyInTheFilesThatHoldIt() {
    SimApply sim =
        sim(SimClusters.state(SimClusters.example(), Scenario.FRESH), SimClusters.secret());
    Plan plan = sim.plan();
    assertThat(tealChanges(plan)).hasSize(18);
    for (Step step : plan.steps()) {
      assertThat(step.command().toShell()).doesNotContain(password());
    }

    ApplyReport report = apply(sim, plan, SimClusters.secret()).run(plan, Set.of());

    assertThat(report.failure()).isEmpty();
    assertThat(tealChanges(sim.plan())).isEmpty();
    SimHost ems = ems(sim);
    assertThat(ems.files.get(CLI)).isEqualTo("[xcatdb]\nuid=xcatdb\npwd=" + password() + "\n");
    assertThat(ems.modes.get(CLI)).isEqualTo("600 root system");
    assertThat(ems.files.get(SPOT + "/db2cli.ini"))
        .isEqualTo("[xcatdb]\npwd=" + password() + "\nuid=xcatdb\n");
    assertThat(ems.files.get(SPOT + "/etc/odbcinst.ini"))
        .contains("Driver   = /db2client/dsdriver/odbc_cli_driver/aix32/clidriver/lib/libdb2.so");
  }

  @Test
  void aConvergedClusterHasNothingToDoForTheTealNode() {
    SimApply sim =
        sim(SimClusters.state(SimClusters.example(), Scenario.CONVERGED), SimClusters.secret());

    assertThat(tealChanges(sim.plan())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "password",
        "port",
        "mode",
        "owner",
        "missing",
        "spot-missing",
        "spot-odbc",
        "spot-cfgloc"
      })
  void eachDriftIsFoundAndFixed(String drift) {
    SimState state = SimClusters.state(SimClusters.example(), Scenario.CONVERGED);
    SimHost ems = state.host("ems01").orElseThrow();
    String cfg = "/db2client/dsdriver/cfg/db2dsdriver.cfg";
    Consumer<SimHost> change =
        switch (drift) {
          case "password" -> h -> h.files.put(CLI, "[xcatdb]\nuid=xcatdb\npwd=old-one\n");
          case "port" -> h -> h.files.put(cfg, h.files.get(cfg).replace("50001", "50000"));
          case "mode" -> h -> h.modes.put(CLI, "644 root system");
          case "owner" -> h -> h.modes.put(cfg, "755 bin bin");
          case "missing" -> h -> h.files.remove("/db2client/odbcinst.ini");
          case "spot-missing" -> h -> h.files.remove(SPOT + "/db2cli.ini");
          case "spot-odbc" -> h -> h.files.put(SPOT + "/etc/odbc.ini", "[xcatdb]\n");
          case "spot-cfgloc" ->
              h -> h.files.put(SPOT + "/etc/xcat/cfgloc", "DB2:xcatdb|xcatdb|x\n");
          default -> throw new IllegalArgumentException(drift);
        };
    change.accept(ems);
    SimApply sim = sim(state, SimClusters.secret());

    Plan plan = sim.plan();
    assertThat(tealChanges(plan)).hasSize(1);
    assertThat(plan.steps()).hasSize(1);
    ApplyReport report = apply(sim, plan, SimClusters.secret()).run(plan, Set.of());

    assertThat(report.failure()).isEmpty();
    assertThat(sim.plan().steps()).isEmpty();
  }

  @Test
  void ipForwardingOnTheGatewaySnIsFoundOffAndSetPersistently() throws Exception {
    String text =
        java.nio.file.Files.readString(SimClusters.EXAMPLE)
            .replace(
                "    nameservers: \"\"       # empty here too\n",
                "    nameservers: \"\"\n    gateway: 20.10.12.1\n");
    dev.hasnctl.spec.ClusterSpec spec =
        dev.hasnctl.spec.SpecLoader.load(text.getBytes(StandardCharsets.UTF_8), "cluster.yaml")
            .spec()
            .orElseThrow();
    SimState state = SimClusters.state(spec, Scenario.CONVERGED);
    assertThat(state.host("sn01").orElseThrow().tunables).containsEntry("ipforwarding", "1");
    state.host("sn01").orElseThrow().tunables.clear(); // as a reinstall leaves it
    SimStore store = SimStore.inMemory(state, SimCommands.standard());
    SimApply sim = new SimApply(spec, store);

    Plan plan = sim.plan();
    assertThat(plan.steps())
        .singleElement()
        .satisfies(
            step -> assertThat(step.command().toShell()).isEqualTo("no -p -o ipforwarding=1"));
    ApplyReport report = apply(sim, plan, SimClusters.secret()).run(plan, Set.of());

    assertThat(report.failure()).isEmpty();
    assertThat(sim.plan().steps()).isEmpty();
    assertThat(sim.store.snapshot().host("sn01").orElseThrow().tunables)
        .containsEntry("ipforwarding", "1");
  }

  @Test
  void aWrongPasswordIsFoundWithoutShowingEitherValueAndItsBackupKeepsNoPassword() {
    SimState state = SimClusters.state(SimClusters.example(), Scenario.CONVERGED);
    state.host("ems01").orElseThrow().files.put(CLI, "[xcatdb]\nuid=xcatdb\nPWD = old-one\n");
    SimApply sim = sim(state, SimClusters.secret());

    Plan plan = sim.plan();
    Change change = tealChanges(plan).get(0);
    String shown =
        String.join("\n", change.before().values()) + String.join("\n", change.after().values());
    assertThat(shown).contains(Secret.SHOWN).doesNotContain("old-one").doesNotContain(password());
    apply(sim, plan, SimClusters.secret()).run(plan, Set.of());

    SimHost ems = ems(sim);
    String backup =
        ems.files.keySet().stream()
            .filter(f -> f.startsWith(CLI + ".hasnctl."))
            .findFirst()
            .orElseThrow();
    assertThat(ems.files.get(backup)).isEqualTo("[xcatdb]\nuid=xcatdb\npwd=(removed by hasnctl)\n");
    assertThat(ems.files.get(CLI)).contains("pwd=" + password());
  }

  @Test
  void withoutThePasswordTheFilesHoldingItAreUnknownAndNotWritten() {
    SimApply sim = sim(SimClusters.state(SimClusters.example(), Scenario.FRESH), Optional.empty());
    Plan plan = sim.plan();

    ApplyReport report = apply(sim, plan, Optional.empty()).run(plan, Set.of());

    assertThat(report.failure()).isPresent();
    assertThat(report.failure().get().detail())
        .isEqualTo("not run: it writes the TEAL password, whose reference could not be read");
    assertThat(ems(sim).files).doesNotContainKey("/db2client/db2cli.ini");
  }

  @Test
  void aChangedReferenceShowsAChangeWithoutEitherValue() {
    SimState state = SimClusters.state(SimClusters.example(), Scenario.CONVERGED);
    Optional<Secret> other =
        Optional.of(new Secret("env:XCATDB_PASSWORD", "n3w-pass".getBytes(StandardCharsets.UTF_8)));
    SimApply sim = sim(state, other);

    List<Change> changes = tealChanges(sim.plan());

    assertThat(changes).hasSize(8); // the password files: 3 on the EMS, 5 in the spot
    assertThat(changes.toString()).doesNotContain("n3w-pass").doesNotContain(password());
  }
}
