package dev.hasnctl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.HostName;
import dev.hasnctl.sim.scenario.Drift;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the simulator's compute nodes do when their NFS servers change: honest to the seed. */
class RunningNodesSimTest {
  private static SimCluster cluster(Scenario scenario) {
    return new SimCluster(
        SimClusters.state(SimClusters.example(), scenario), SimCommands.standard());
  }

  private static ExecResult run(SimCluster cluster, String host, String line) {
    return cluster.execShell(HostName.of(host), line, Optional.empty());
  }

  @Test
  void legacyNodesOnTheSnsLocalInstallDoNotHangForLackOfGpfs() {
    SimCluster cluster = cluster(Scenario.LEGACY);

    run(cluster, "sn01", "lssrc -s nfsd");

    assertThat(cluster.state().hostsWith(Role.COMPUTE))
        .allSatisfy(node -> assertThat(node.hung).isEmpty());
  }

  @Test
  void gpfsMountedOverTheLocalInstallLeavesItsNodesWithStaleHandles() {
    SimCluster cluster = cluster(Scenario.LEGACY);

    run(cluster, "sn01", "mmstartup && mmmount gpfsinstall");

    assertThat(cluster.state().hosts.get("cn0001").hung).contains("stale file handles");
    assertThat(cluster.state().hosts.get("cn0129").hung).isEmpty();
  }

  @Test
  void anSnThatADriftStoppedHasItsNodesMovedOrHungAlreadyAtInit() {
    for (long seed = 1; seed < 400; seed++) {
      SimState state = SimClusters.state(SimClusters.example(), Scenario.CONVERGED);
      List<String> drifts = Drift.apply(state, 3, seed);
      Optional<String> stopped = drifts.stream().filter(d -> d.contains(" GPFS down")).findFirst();
      if (stopped.isEmpty()) {
        continue;
      }
      String line = stopped.get().substring("drift: ".length());
      String sn = line.substring(0, line.indexOf(' '));
      List<SimHost> served =
          state.hostsWith(Role.COMPUTE).stream()
              .filter(h -> h.compute != null)
              .filter(
                  h ->
                      state
                          .host(h.compute.mounts.get("/usr").servers.get(0))
                          .map(server -> server.name.equals(sn))
                          .orElse(false))
              .toList();
      assertThat(served).isNotEmpty();
      assertThat(served)
          .allSatisfy(
              node ->
                  assertThat(!node.hung.isEmpty() || node.compute.mounts.get("/usr").serving == 1)
                      .as("%s after %s", node.name, drifts)
                      .isTrue());
      return;
    }
    throw new AssertionError("no seed below 400 stops GPFS on an SN");
  }

  @Test
  void showfsNamesServersByAddressWithCurrentAndReplicaLines() {
    SimCluster cluster = cluster(Scenario.CONVERGED);

    String table = run(cluster, "cn0001", "nfs4cl showfs").stdout();
    String usr = run(cluster, "cn0001", "nfs4cl showfs /usr").stdout();

    assertThat(table).contains("20.10.12.1 ").doesNotContain("sn01").doesNotContain("Current");
    assertThat(usr)
        .contains("Current Server: 20.10.12.1:/install/nim/spot/aix71-compute/usr")
        .contains("Replica Server: 20.10.12.17:/install/nim/spot/aix71-compute/usr");
  }

  @Test
  void xdshWithATimeoutNamesTheHungNodesAndAnswersForTheOthers() {
    SimCluster cluster = cluster(Scenario.CONVERGED);
    cluster.state().hosts.get("cn0001").hang("test: NFS server lost");

    ExecResult r = run(cluster, "ems01", "xdsh 'cn[0001-0002]' -t 60 nfs4cl showfs");

    assertThat(r.stdout()).contains("cn0002: ").doesNotContain("cn0001: ");
    assertThat(r.stderr())
        .contains("Timed out waiting for response from child processes for the following nodes")
        .contains("Error:  cn0001");
    assertThat(r.exitCode()).hasValue(2);
  }

  @Test
  void xdshWithoutATimeoutWaitsForAHungNodeForever() {
    SimCluster cluster = cluster(Scenario.CONVERGED);
    cluster.state().hosts.get("cn0001").hang("test: NFS server lost");

    Execution e = cluster.attempt("ems01", "xdsh 'cn[0001-0002]' nfs4cl showfs", Optional.empty());

    assertThat(e).isInstanceOf(Execution.Hung.class);
  }

  @Test
  void theSeedsShutdownThroughXdshStopsTheNodesAndTheirStateliteWrites() {
    SimCluster cluster = cluster(Scenario.LEGACY);
    SimHost node = cluster.state().hosts.get("cn0001");
    String file = node.compute.stateliteFile;
    assertThat(file).isNotEmpty();
    SimHost sn = cluster.state().host(node.compute.mounts.get("/").currentServer()).orElseThrow();

    ExecResult r = run(cluster, "ems01", "xdsh compute \"/usr/sbin/shutdown -F &\"");

    assertThat(r.exitCode()).hasValue(0);
    assertThat(cluster.state().hostsWith(Role.COMPUTE)).noneMatch(h -> h.reachable);
    String written = sn.files.get(file);
    assertThat(written).startsWith("errlog of cn0001 written on " + sn.name);
    run(cluster, "sn01", "lssrc -s nfsd");
    assertThat(sn.files.get(file)).isEqualTo(written);
    run(cluster, "sn01", "mmstartup && mmmount gpfsinstall");
    assertThat(cluster.state().hosts.get("cn0001").hung).isEmpty();
    assertThat(run(cluster, "ems01", "xdsh cn0001 uptime").stderr())
        .contains("cn0001: ssh: connect to host cn0001 port 22: No route to host");
  }

  @Test
  void onlyTheFastShutdownOfAComputeNodeIsSimulated() {
    SimCluster cluster = cluster(Scenario.LEGACY);

    assertThat(run(cluster, "cn0001", "shutdown -r").exitCode()).hasValue(1);
    assertThat(run(cluster, "sn01", "shutdown -F").stderr()).contains("compute nodes only");
    assertThat(cluster.state().hosts.get("cn0001").reachable).isTrue();
    assertThat(cluster.state().hosts.get("sn01").reachable).isTrue();
  }

  @Test
  void rmdsklsnodeRefusesTheRunningLegacyNodesUntilForcedThenShutsThemDownAndRemovesThem() {
    SimCluster cluster = cluster(Scenario.LEGACY);
    assertThat(cluster.state().hosts.get("sn01").nim).containsKey("cn0001");

    ExecResult refused = run(cluster, "ems01", "rmdsklsnode -V cn0001");

    assertThat(refused.exitCode()).hasValue(1);
    assertThat(refused.stderr()).contains("The node 'cn0001' is currently running");
    assertThat(cluster.state().hosts.get("cn0001").reachable).isTrue();
    assertThat(cluster.state().hosts.get("sn01").nim).containsKey("cn0001");

    ExecResult forced = run(cluster, "ems01", "rmdsklsnode -V -f cn0001");

    assertThat(forced.exitCode()).hasValue(0);
    assertThat(cluster.state().hosts.get("cn0001").reachable).isFalse();
    assertThat(cluster.state().hosts.get("cn0002").reachable).isTrue();
    assertThat(cluster.state().hostsWith(Role.SERVICE_NODE))
        .allSatisfy(sn -> assertThat(sn.nim).doesNotContainKey("cn0001"));
  }
}
