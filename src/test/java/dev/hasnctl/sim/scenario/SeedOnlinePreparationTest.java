package dev.hasnctl.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.sim.HostFiles;
import dev.hasnctl.sim.SimCluster;
import dev.hasnctl.sim.SimCommands;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import dev.hasnctl.transport.ExecResult;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The seed's online preparation done by hand on the simulated legacy cluster, command by command
 * ("Migrate xCAT /install contents", "Migrate statelite data"): what the simulator must make of it
 * for the planner's migration to be testable.
 */
class SeedOnlinePreparationTest {
  private static final List<String> SNS = List.of("sn01", "sn02", "sn03", "sn04");
  private static final String ERRLOG = "/var/adm/ras/errlog";

  private final ClusterSpec spec = ScenarioTest.example();
  private final SimState state = ScenarioBuilder.build(spec, Scenario.LEGACY);
  private final SimCluster cluster = new SimCluster(state, SimCommands.standard());

  SeedOnlinePreparationTest() throws IOException {}

  private ExecResult run(String host, String line) {
    ExecResult result = cluster.execShell(HostName.of(host), line, Optional.empty());
    assertThat(result.exitCode()).as(host + ": " + line + " " + result.stderr()).hasValue(0);
    return result;
  }

  /** GPFS on every SN at the seed's temporary mount point, beside the live local /install. */
  private void mountAtTheTemporaryMountPoint() {
    run("sn01", "mmchfs /dev/gpfsinstall -T /install-gpfs");
    for (String sn : SNS) {
      run(sn, "mkdir -p /install-gpfs && mmstartup");
    }
  }

  private void copyStatelite(String options) {
    run("sn01", "mkdir /install-gpfs/statelite_data");
    for (String sn : SNS) { // one SN at a time, as the seed says
      run(sn, "rsync " + options + " /install/statelite_data/ /install-gpfs/statelite_data");
    }
  }

  @Test
  void theXcatDirectoriesCopiedFromOneSnAreSeenByEverySnAndNimIsNotCopied() {
    mountAtTheTemporaryMountPoint();

    run(
        "sn01",
        "rsync -a /install/custom /install/post /install/prescripts /install/postscripts"
            + " /install-gpfs");

    SimHost sn01 = state.hosts.get("sn01");
    for (String sn : SNS) {
      SimHost other = state.hosts.get(sn);
      for (String dir : List.of("custom", "post", "prescripts", "postscripts")) {
        sn01.files.keySet().stream()
            .filter(p -> p.startsWith("/install/" + dir + "/"))
            .forEach(
                p ->
                    assertThat(other.file("/install-gpfs" + p.substring("/install".length())))
                        .as(sn + " " + p)
                        .isEqualTo(sn01.file(p)));
      }
      assertThat(HostFiles.exists(other, "/install-gpfs/nim")).as(sn).isFalse();
    }
  }

  @Test
  void stateliteCopiedOneSnAtATimeWithUpdateKeepsTheNewestCopyOfEveryNode() {
    mountAtTheTemporaryMountPoint();

    copyStatelite("-au");

    for (ComputeGroup group : spec.groups()) {
      SimHost serving = state.hosts.get(group.activeServiceNode().shortName());
      for (String node : Noderange.expand(group.nodes())) {
        String local = "/install/statelite_data/" + node + ERRLOG;
        String shared = "/install-gpfs/statelite_data/" + node + ERRLOG;
        assertThat(state.hosts.get("sn04").file(shared))
            .as(node)
            .hasValueSatisfying(
                c -> assertThat(c).startsWith("errlog of " + node + " written on " + serving.name));
        assertThat(HostFiles.mtime(state.hosts.get("sn04"), shared))
            .as(node)
            .isLessThanOrEqualTo(HostFiles.mtime(serving, local));
      }
    }
  }

  @Test
  void withoutUpdateAStaleCopyFromALaterSnOverwritesTheNewerData() {
    mountAtTheTemporaryMountPoint();

    copyStatelite("-a");

    // cn0001 runs from sn01; sn02 holds an older copy from before, and sn02 is copied after sn01.
    assertThat(state.hosts.get("sn01").file("/install-gpfs/statelite_data/cn0001" + ERRLOG))
        .hasValue("stale errlog of cn0001 on sn02\n");
  }

  @Test
  void theRunningNodesKeepWritingSoTheFirstCopyFallsBehindAndNoNodeHangs() {
    mountAtTheTemporaryMountPoint();
    copyStatelite("-au");

    run("sn01", "hostname");

    SimHost sn01 = state.hosts.get("sn01");
    assertThat(HostFiles.mtime(sn01, "/install/statelite_data/cn0001" + ERRLOG))
        .isGreaterThan(HostFiles.mtime(sn01, "/install-gpfs/statelite_data/cn0001" + ERRLOG));
    assertThat(state.hosts.values()).allSatisfy(h -> assertThat(h.hung).as(h.name).isEmpty());
  }
}
