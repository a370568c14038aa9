package dev.hasnctl.sim.hw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.HostName;
import dev.hasnctl.sim.Compute;
import dev.hasnctl.sim.NfsMount;
import dev.hasnctl.sim.PagingSpace;
import dev.hasnctl.sim.SimCluster;
import dev.hasnctl.sim.SimCommands;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A node powered on boots from NIM on its service node, or hangs as the seed says it does. */
class NetBootTest {
  private final SimCluster cluster =
      new SimCluster(
          SimClusters.state(SimClusters.example(), Scenario.CONVERGED), SimCommands.standard());

  private ExecResult run(String host, String line) {
    return cluster.execShell(HostName.of(host), line, Optional.empty());
  }

  private SimHost host(String name) {
    return cluster.state().hosts.get(name);
  }

  private String status(String node) {
    return cluster.state().tables.rows("nodelist").stream()
        .filter(r -> node.equals(r.get("node")))
        .map(r -> r.getOrDefault("status", ""))
        .findFirst()
        .orElse("");
  }

  /** What the probe and the seed's checks see of a running node, servers named by host. */
  private static Map<String, Object> seen(SimState state, SimHost node) {
    Compute c = node.compute;
    Map<String, Object> seen = new TreeMap<>();
    seen.put("image", c.image);
    c.mounts.forEach(
        (point, m) ->
            seen.put(
                "mount " + point,
                List.of(
                    m.remote,
                    m.servers.stream().map(s -> state.host(s).orElseThrow().name).toList(),
                    m.serving,
                    m.local)));
    for (PagingSpace p : c.paging) {
      seen.put(
          "paging " + p.name,
          List.of(state.host(p.server).orElseThrow().name, p.path, p.flags, p.sizeMb, p.active));
    }
    seen.put("dump", c.dumpDevice);
    seen.put("gateway", c.defaultGateway);
    seen.put("syslog", c.syslog);
    seen.put("replication", c.nfsReplication);
    seen.put("console", c.effectiveConsoleLog());
    seen.put("xcatinfo", node.file("/etc/xcatinfo").orElse(""));
    seen.put("reachable", node.reachable);
    seen.put("hung", node.hung);
    return seen;
  }

  private void shutdownAndBoot(String node) {
    assertThat(run("ems01", "xdsh " + node + " \"/usr/sbin/shutdown -F &\"").exitCode())
        .hasValue(0);
    assertThat(run("ems01", "rbootseq " + node + " hfi").exitCode()).hasValue(0);
    ExecResult on = run("ems01", "rpower " + node + " on");
    assertThat(on.exitCode()).hasValue(0);
    assertThat(on.stdout()).isEqualTo(node + ": Success\n");
  }

  @Test
  void aNodeShutDownThenPoweredOnBootsFromItsConvergedPairAsTheConvergedScenarioBuiltIt() {
    Map<String, Object> before = seen(cluster.state(), host("cn0001"));

    shutdownAndBoot("cn0001");

    assertThat(seen(cluster.state(), host("cn0001"))).isEqualTo(before);
    assertThat(status("cn0001")).isEqualTo("booted");
    assertThat(run("ems01", "nodestat cn0001").stdout()).isEqualTo("cn0001: sshd\n");
    assertThat(run("cn0001", "nfs4cl showfs /usr").stdout())
        .contains("Current Server: 20.10.12.1:/install/nim/spot/aix71-compute/usr")
        .contains("Replica Server: 20.10.12.17:/install/nim/spot/aix71-compute/usr");
  }

  @Test
  void aBootedNodeFailsOverToItsReplicaWhenItsServerStopsServing() {
    shutdownAndBoot("cn0001");

    run("sn01", "stopsrc -s nfsd");

    NfsMount usr = host("cn0001").compute.mounts.get("/usr");
    assertThat(host("cn0001").hung).isEmpty();
    assertThat(cluster.state().host(usr.currentServer()).orElseThrow().name).isEqualTo("sn02");
  }

  @Test
  void rpowerOffThenOnOfARunningNodeBootsItAgainHealthy() {
    Map<String, Object> before = seen(cluster.state(), host("cn0130"));

    assertThat(run("ems01", "rpower cn0130 off").exitCode()).hasValue(0);
    assertThat(run("ems01", "rpower cn0130 on").exitCode()).hasValue(0);

    assertThat(seen(cluster.state(), host("cn0130"))).isEqualTo(before);
    assertThat(status("cn0130")).isEqualTo("booted");
  }

  @Test
  void withoutANimDefinitionOnItsServiceNodeTheNodeGetsNoBootpReplyAndStaysDown() {
    assertThat(run("ems01", "rmdsklsnode -V -f cn0001").exitCode()).hasValue(0);

    run("ems01", "rbootseq cn0001 hfi");
    ExecResult on = run("ems01", "rpower cn0001 on");

    assertThat(on.stdout()).isEqualTo("cn0001: Success\n");
    assertThat(host("cn0001").lpar.bootHang)
        .isEqualTo(
            "no BOOTP reply from sn01: it has no NIM diskless client definition for cn0001"
                + " (mkdsklsnode)");
    assertThat(host("cn0001").reachable).isFalse();
    assertThat(status("cn0001")).isEqualTo("powering-on");
    assertThat(run("ems01", "rpower cn0001 stat").stdout()).isEqualTo("cn0001: Running\n");
    assertThat(run("ems01", "nodestat cn0001").stdout()).isEqualTo("cn0001: noping\n");
    assertThat(run("ems01", "xdsh cn0001 -t 60 nfs4cl showfs").stderr())
        .contains("cn0001: ssh: connect to host cn0001 port 22: No route to host")
        .contains("Error: cn0001 remote shell had error code: 255");
  }

  @Test
  void aServiceNodeWhoseNfsdIsStoppedHangsTheBootAtLed610() {
    run("ems01", "xdsh cn0001 \"/usr/sbin/shutdown -F &\"");
    run("sn01", "stopsrc -s nfsd");

    run("ems01", "rbootseq cn0001 hfi");
    run("ems01", "rpower cn0001 on");

    assertThat(host("cn0001").lpar.bootHang)
        .isEqualTo(
            "LED 610: the NFS mount of /install/nim/shared_root/aix71-compute_shared_root hangs:"
                + " nfsd is not running on sn01");
    assertThat(run("ems01", "nodestat cn0001").stdout()).isEqualTo("cn0001: ping\n");
    assertThat(status("cn0001")).isEqualTo("powering-on");
    assertThat(run("ems01", "xdsh cn0001 -t 60 lsps -a").stderr())
        .contains("cn0001: ssh: connect to host cn0001 port 22: Connection refused");
  }

  @Test
  void nimResourcesOfAnotherNfsVersionThanTheExportHangTheBootAtLed611() {
    run("ems01", "xdsh cn0001 \"/usr/sbin/shutdown -F &\"");
    run("sn01", "nim -Fo change -a nfs_vers=3 aix71-compute");

    run("ems01", "rbootseq cn0001 hfi");
    run("ems01", "rpower cn0001 on");

    assertThat(host("cn0001").lpar.bootHang)
        .startsWith("LED 611: the NFS mount of /install/nim/spot/aix71-compute/usr failed")
        .endsWith("nfs_vers=3 and sn01 exports it with vers=4");
  }

  @Test
  void afterSnmoveTheNodeRebootsFromTheNewServiceNodeWithoutRbootseq() {
    run("ems01", "rbootseq cn0001 hfi");
    assertThat(run("ems01", "snmove -V -d sn02 -D sn02-hfi sn01group").exitCode()).hasValue(0);
    assertThat(host("cn0001").lpar.bootServer).isEqualTo("20.10.12.17");

    run("ems01", "xdsh cn0001 \"/usr/sbin/shutdown -F &\"");
    run("ems01", "rpower cn0001 on");

    NfsMount usr = host("cn0001").compute.mounts.get("/usr");
    assertThat(cluster.state().host(usr.currentServer()).orElseThrow().name).isEqualTo("sn02");
    assertThat(status("cn0001")).isEqualTo("booted");
  }

  @Test
  void aNodeDefinedAgainWithMkdsklsnodeBootsHealthyFromItsPair() {
    Map<String, Object> before = seen(cluster.state(), host("cn0001"));
    run("ems01", "rmdsklsnode -V -f cn0001");

    assertThat(run("ems01", "mkdsklsnode -V -S -b -i aix71-compute cn0001").exitCode()).hasValue(0);
    assertThat(run("ems01", "mkdsklsnode -V -S -p -i aix71-compute cn0001").exitCode()).hasValue(0);
    run("ems01", "rbootseq cn0001 hfi");
    run("ems01", "rpower cn0001 on");

    assertThat(seen(cluster.state(), host("cn0001"))).isEqualTo(before);
    assertThat(status("cn0001")).isEqualTo("booted");
  }

  @Test
  void gpfsMountedOverALegacyInstallHidesTheNimResourcesAndTheBootFailsAtLed611() {
    SimCluster legacy =
        new SimCluster(
            SimClusters.state(SimClusters.example(), Scenario.LEGACY), SimCommands.standard());
    legacy.execShell(
        HostName.of("ems01"), "xdsh cn0001 \"/usr/sbin/shutdown -F &\"", Optional.empty());
    legacy.execShell(HostName.of("sn01"), "mmstartup && mmmount gpfsinstall", Optional.empty());

    legacy.execShell(HostName.of("ems01"), "rpower cn0001 on", Optional.empty());

    assertThat(legacy.state().hosts.get("cn0001").lpar.bootHang)
        .isEqualTo(
            "LED 611: the NFS mount of /install/nim/shared_root/aix71-compute_shared_root failed:"
                + " it does not exist on sn01");
  }

  @Test
  void aLegacyNodeRebootsFromItsSnsLocalInstallOverNfsV3WithoutReplicas() {
    SimCluster legacy =
        new SimCluster(
            SimClusters.state(SimClusters.example(), Scenario.LEGACY), SimCommands.standard());
    legacy.execShell(
        HostName.of("ems01"), "xdsh cn0001 \"/usr/sbin/shutdown -F &\"", Optional.empty());

    legacy.execShell(HostName.of("ems01"), "rpower cn0001 on", Optional.empty());

    SimHost node = legacy.state().hosts.get("cn0001");
    assertThat(node.lpar.bootHang).isEmpty();
    assertThat(node.compute.mounts.get("/usr").servers).containsExactly("sn01-hfi");
    assertThat(node.compute.mounts.get("/usr").local).isTrue();
    assertThat(node.compute.nfsReplication).isFalse();
  }
}
