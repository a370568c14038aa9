package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.Noderange;
import dev.hasnctl.sim.Role;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.spec.ComputeGroup;
import dev.hasnctl.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's outage done by hand on the simulated legacy cluster after hasnctl's online preparation
 * (what the held outage tells the admin to do today): the nodes shut down, the final {@code rsync
 * -u} one SN at a time, then GPFS switched to /install. Nothing the nodes wrote is lost, and the
 * newest copy of each node's statelite data wins over an SN's older one.
 */
class MigrationOutageByHandTest {
  private static final List<String> SNS = List.of("sn01", "sn02", "sn03", "sn04");
  private static final String ERRLOG = "/var/adm/ras/errlog";
  private static final String DEVICE = "/dev/gpfsinstall";

  @TempDir Path dir;

  private Path state;

  private CliRun exec(String host, String command) {
    CliRun run = CliRun.of("sim", "exec", state.toString(), host, "--", command);
    assertThat(run.exitCode()).as(host + ": " + command + "\n" + run.err()).isZero();
    return run;
  }

  @Test
  void theSeedsOutageAfterTheOnlinePreparationLosesNoStateliteData() throws Exception {
    Path spec = dir.resolve("cluster.yaml");
    Files.copy(Path.of("examples/cluster.yaml"), spec);
    state = dir.resolve("legacy.json");
    CliRun.of("sim", "init", spec.toString(), "--out", state.toString(), "--scenario", "legacy");
    CliRun apply =
        CliRun.of("apply", spec.toString(), "--target", "sim:" + state, "--auto-approve");
    assertThat(apply.exitCode()).as(apply.err()).isEqualTo(ExitCodes.HELD);

    exec("ems01", "xdsh compute \"/usr/sbin/shutdown -F &\"");
    SimState down = SimStore.open(state).snapshot();
    assertThat(down.hostsWith(Role.COMPUTE)).noneMatch(h -> h.reachable);
    for (String sn : SNS) {
      exec(sn, "rsync -au /install/statelite_data/ /install-gpfs/statelite_data");
    }
    for (String sn : SNS) {
      exec(sn, "mmumount " + DEVICE);
    }
    exec("sn01", "mmchfs " + DEVICE + " -T /install");
    for (String sn : SNS) {
      exec(sn, "mmmount " + DEVICE);
    }

    SimState after = SimStore.open(state).snapshot();
    assertThat(after.hosts.values()).allSatisfy(h -> assertThat(h.hung).as(h.name).isEmpty());
    for (ComputeGroup group :
        SpecLoader.load(Files.readAllBytes(spec), spec.toString()).spec().orElseThrow().groups()) {
      String serving = group.activeServiceNode().shortName();
      // What the node wrote last, on the local /install of the SN that served it.
      SimHost servingBefore = down.hosts.get(serving);
      for (String node : Noderange.expand(group.nodes())) {
        String path = "/install/statelite_data/" + node + ERRLOG;
        String newest = servingBefore.file(path).orElseThrow();
        assertThat(newest).startsWith("errlog of " + node + " written on " + serving);
        for (String sn : SNS) {
          assertThat(after.hosts.get(sn).file(path)).as(sn + " " + node).hasValue(newest);
        }
      }
    }
  }
}
