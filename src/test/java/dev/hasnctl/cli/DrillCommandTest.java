package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.sim.SimStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillCommandTest {
  @TempDir Path dir;

  private Path spec;

  @BeforeEach
  void copyTheExample() throws Exception {
    spec = dir.resolve("cluster.yaml");
    Files.copy(Path.of("examples/cluster.yaml"), spec);
  }

  private Path sim(String scenario) {
    Path state = dir.resolve(scenario + ".json");
    CliRun.of("sim", "init", spec.toString(), "--out", state.toString(), "--scenario", scenario);
    return state;
  }

  private boolean nfsdActive(Path state, String sn) {
    return SimStore.open(state).snapshot().host(sn).orElseThrow().isActive("nfsd");
  }

  @Test
  void onAConvergedClusterEveryNodeFailsOverAndComesBack() {
    Path state = sim("converged");

    CliRun drill = CliRun.of("drill", "sn02", spec.toString(), "--target", "sim:" + state);

    assertThat(drill.exitCode()).as(drill.err()).isZero();
    assertThat(drill.out())
        // nfs4cl showfs prints addresses; the drill names the SNs they belong to.
        .contains("cn0129     sn02         sn01         sn02         ok")
        .contains("Drill passed: all 128 nodes of sn02 failed over to sn01 and back.");
    assertThat(nfsdActive(state, "sn02")).isTrue();
  }

  @Test
  void aNodeThatNeverRanTheReplicationPostscriptFailsTheDrillAndNfsdIsStillRestarted() {
    Path state = sim("converged");
    SimStore.open(state)
        .transact(
            c -> {
              c.state().host("cn0130").orElseThrow().compute.nfsReplication = false;
              c.markChanged();
              return null;
            });

    CliRun drill = CliRun.of("drill", "sn02", spec.toString(), "--target", "sim:" + state);

    assertThat(drill.exitCode()).isEqualTo(2);
    assertThat(drill.out())
        .containsPattern("cn0130 .*FAILED")
        .contains("Drill failed for 1 of 128 nodes.");
    assertThat(nfsdActive(state, "sn02")).isTrue();
  }

  @Test
  void withoutReplicasTheDrillRefusesToStopNfsd() {
    Path state = sim("legacy");

    CliRun drill = CliRun.of("drill", "sn01", spec.toString(), "--target", "sim:" + state);

    assertThat(drill.exitCode()).isEqualTo(1);
    assertThat(drill.err())
        .contains("refusing to stop nfsd on sn01")
        .contains("no /install export with replicas= on sn02");
    assertThat(nfsdActive(state, "sn01")).isTrue();
  }
}
