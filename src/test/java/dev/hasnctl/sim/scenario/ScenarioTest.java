package dev.hasnctl.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.sim.Consequences;
import dev.hasnctl.sim.FaultInjector;
import dev.hasnctl.sim.FaultKind;
import dev.hasnctl.sim.SimCluster;
import dev.hasnctl.sim.SimCommands;
import dev.hasnctl.sim.SimJson;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.SpecLoader;
import dev.hasnctl.testing.SimClusters;
import dev.hasnctl.transport.ExecResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScenarioTest {
  static ClusterSpec example() throws IOException {
    Path file = Path.of("examples/cluster.yaml");
    SpecLoader.Result result = SpecLoader.load(Files.readAllBytes(file), file.toString());
    return result.spec().orElseThrow();
  }

  static SimState converged() throws IOException {
    return SimClusters.state(example(), Scenario.CONVERGED);
  }

  private static ExecResult run(SimCluster cluster, String host, String line) {
    return cluster.execShell(HostName.of(host), line, Optional.empty());
  }

  @Test
  void convergedClusterIsStableUnderItsOwnRules() throws IOException {
    SimState state = converged();
    byte[] before = SimJson.write(state);

    Consequences.settle(state);

    assertThat(SimJson.write(state)).isEqualTo(before);
    assertThat(state.hosts.values()).allSatisfy(h -> assertThat(h.hung).isEmpty());
  }

  @Test
  void stoppingNfsdMovesNodesToTheReplica() throws IOException {
    SimCluster cluster = new SimCluster(converged(), SimCommands.builtin());

    run(cluster, "sn01", "stopsrc -s nfsd");

    ExecResult showfs = run(cluster, "cn0001", "nfs4cl showfs /usr");
    // nfs4cl names servers by address: sn02 is 20.10.12.17 on the nodes' network, sn01 20.10.12.1.
    assertThat(showfs.stdout())
        .contains("Current Server: 20.10.12.17:/install/nim/spot/")
        .contains("Replica Server: 20.10.12.1:/install/nim/spot/")
        .doesNotContain("sn02-hfi");
    assertThat(cluster.state().hosts.get("cn0001").hung).isEmpty();
  }

  @Test
  void stoppingNfsdWithoutReplicasHangsTheNodes() throws IOException {
    SimCluster cluster = new SimCluster(converged(), SimCommands.builtin());
    // Clients learn replicas from the export in effect: the edited file counts once exported.
    run(cluster, "sn01", "echo '/install -vers=4,rw,noauto,root=*' > /etc/exports && exportfs -a");

    run(cluster, "sn01", "stopsrc -s nfsd");

    assertThat(cluster.state().hosts.get("cn0001").hung).contains("no replicas=");
    assertThat(cluster.state().hosts.get("cn0129").hung).isEmpty();
  }

  @Test
  void stoppingNfsdBeforeSetupnfsv4replicationHangsTheNodes() throws IOException {
    SimState state = converged();
    state.hosts.get("cn0002").compute.nfsReplication = false;
    SimCluster cluster = new SimCluster(state, SimCommands.builtin());

    run(cluster, "sn01", "stopsrc -s nfsd");

    assertThat(state.hosts.get("cn0002").hung).contains("setupnfsv4replication");
    assertThat(state.hosts.get("cn0001").hung).isEmpty();
  }

  @Test
  void startingNfsWhileGpfsIsDownHangsThePrimarysNodes() throws IOException {
    SimCluster cluster = new SimCluster(converged(), SimCommands.builtin());
    run(cluster, "sn01", "stopsrc -g nfs; mmshutdown");
    assertThat(cluster.state().hosts.get("cn0001").hung).isEmpty();

    run(cluster, "sn01", "startsrc -g nfs");

    assertThat(cluster.state().hosts.get("cn0001").hung).contains("while its GPFS");
    assertThat(cluster.state().hosts.get("cn0129").hung).isEmpty();
  }

  @Test
  void pagingWithoutFurHangsOnFailover() throws IOException {
    SimState state = converged();
    state.hosts.get("cn0003").compute.paging.get(0).flags = "wam";
    SimCluster cluster = new SimCluster(state, SimCommands.builtin());

    run(cluster, "sn01", "stopsrc -s nfsd");

    assertThat(state.hosts.get("cn0003").hung).contains("without :fur");
  }

  @Test
  void consoleLogInPersistentStateliteHangsOnFailover() throws IOException {
    SimState state = converged();
    state.hosts.get("cn0004").compute.consoleLog = "";
    SimCluster cluster = new SimCluster(state, SimCommands.builtin());

    run(cluster, "sn01", "stopsrc -s nfsd");

    assertThat(state.hosts.get("cn0004").hung).contains("/var/adm/ras/conslog");
  }

  @Test
  void dumpDeviceStaysOnTheFailedServer() throws IOException {
    SimCluster cluster = new SimCluster(converged(), SimCommands.builtin());
    String before = run(cluster, "cn0001", "sysdumpdev -l").stdout();

    run(cluster, "sn01", "stopsrc -s nfsd");

    assertThat(run(cluster, "cn0001", "sysdumpdev -l").stdout())
        .isEqualTo(before)
        .contains("sn01-hfi:");
  }

  @Test
  void gpfsDownFaultWithNfsdRunningHangsNodes() throws IOException {
    SimState state = converged();

    FaultInjector.inject(state, FaultKind.GPFS_DOWN, "sn02", Optional.empty());

    assertThat(state.hosts.get("cn0129").hung).isNotEmpty();
    assertThat(state.hosts.get("cn0001").hung).isEmpty();
  }

  @Test
  void driftIsDeterministicForASeed() throws IOException {
    SimState first = converged();
    SimState second = converged();

    var lines = Drift.apply(first, 25, 42);
    Drift.apply(second, 25, 42);

    assertThat(lines).hasSize(25).allSatisfy(l -> assertThat(l).startsWith("drift: "));
    assertThat(SimJson.write(first)).isEqualTo(SimJson.write(second));
    assertThat(SimJson.write(first)).isNotEqualTo(SimJson.write(converged()));
  }

  @Test
  void thereAreAtLeastTwentyDriftKinds() {
    assertThat(Drift.kinds()).hasSizeGreaterThanOrEqualTo(20).doesNotHaveDuplicates();
  }

  @Test
  void freshClusterHasNfsBeforeGpfsAndNoExports() throws IOException {
    SimCluster cluster =
        new SimCluster(SimClusters.state(example(), Scenario.FRESH), SimCommands.builtin());

    assertThat(run(cluster, "sn01", "lsitab rcnfs").exitCode()).hasValue(0);
    assertThat(run(cluster, "sn01", "lsitab mmfs").exitCode()).hasValue(1);
    assertThat(run(cluster, "sn01", "exportfs").stdout()).isEmpty();
    assertThat(cluster.state().tables.site("useNFSv4onAIX")).hasValue("no");
  }

  @Test
  void convergedSnExportsWithReplicas() throws IOException {
    SimCluster cluster = new SimCluster(converged(), SimCommands.builtin());

    assertThat(cluster.exec(HostName.of("sn01"), Argv.of("exportfs"), Optional.empty()).stdout())
        .isEqualTo(
            "/install -replicas=/install@20.10.12.1:/install@20.10.12.17,vers=4,rw,noauto,root=*\n");
  }
}
