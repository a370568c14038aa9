package dev.hasnctl.sim.hw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.HostName;
import dev.hasnctl.sim.Lpar;
import dev.hasnctl.sim.SimCluster;
import dev.hasnctl.sim.SimCommands;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.scenario.Scenario;
import dev.hasnctl.testing.SimClusters;
import dev.hasnctl.transport.ExecResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * rpower, rbootseq and nodestat on the EMS: xCAT's output, and the options the simulator refuses.
 */
class PowerCommandsTest {
  private final SimCluster cluster =
      new SimCluster(
          SimClusters.state(SimClusters.example(), Scenario.CONVERGED), SimCommands.standard());

  private ExecResult ems(String line) {
    return cluster.execShell(HostName.of("ems01"), line, Optional.empty());
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

  @Test
  void nodestatPrintsOneSortedLinePerNodeSshdForOneThatAnswersNopingForOneThatDoesNot() {
    ems("xdsh cn0002 \"/usr/sbin/shutdown -F &\"");

    ExecResult r = ems("nodestat cn0003,cn0001,cn0002");

    assertThat(r.exitCode()).hasValue(0);
    assertThat(r.stdout()).isEqualTo("cn0001: sshd\ncn0002: noping\ncn0003: sshd\n");
  }

  @Test
  void nodestatWithPowerstatGivesTheNopingNodesPowerState() {
    ems("xdsh cn0002 \"/usr/sbin/shutdown -F &\"");

    assertThat(ems("nodestat 'cn[0001-0002]' -p").stdout())
        .isEqualTo("cn0001: sshd\ncn0002: noping(Not Activated)\n");
  }

  @Test
  void aNodeHungOnItsNfsServerStillCompletesTheHandshakeOnPort22() {
    host("cn0001").hang("test: NFS server lost");

    assertThat(ems("nodestat cn0001").stdout()).isEqualTo("cn0001: sshd\n");
  }

  @Test
  void nodestatRefusesWhatItDoesNotSimulateAndPrintsUsageForBadOptions() {
    ExecResult update = ems("nodestat cn0001 -u");
    ExecResult bad = ems("nodestat cn0001 -z");
    ExecResult none = ems("nodestat");
    ExecResult unknown = ems("nodestat cn9999");

    assertThat(update.exitCode()).hasValue(1);
    assertThat(update.stderr()).isEqualTo("nodestat: sim: -u is not simulated\n");
    assertThat(bad.exitCode()).hasValue(1);
    assertThat(bad.stdout()).startsWith("Usage:\n  nodestat [noderange]");
    assertThat(none.exitCode()).hasValue(1);
    assertThat(unknown.exitCode()).hasValue(1);
    assertThat(unknown.stderr()).isEqualTo("Error: Invalid nodes in noderange:cn9999\n");
  }

  @Test
  void rpowerStatPrintsTheLparStateAsFspPowerDoes() {
    ems("xdsh cn0002 \"/usr/sbin/shutdown -F &\"");

    ExecResult stat = ems("rpower 'cn[0001-0002]' stat");
    ExecResult state = ems("rpower cn0001 state");

    assertThat(stat.stdout()).isEqualTo("cn0001: Running\ncn0002: Not Activated\n");
    assertThat(state.stdout()).isEqualTo("cn0001: Running\n");
    assertThat(stat.exitCode()).hasValue(0);
  }

  @Test
  void rpowerOffHaltsTheNodeAtOnceAndMarksItPoweringOff() {
    ExecResult off = ems("rpower cn0001 off");

    assertThat(off.exitCode()).hasValue(0);
    assertThat(off.stdout()).isEqualTo("cn0001: Success\n");
    assertThat(host("cn0001").reachable).isFalse();
    assertThat(host("cn0001").compute.mounts).isEmpty();
    assertThat(status("cn0001")).isEqualTo("powering-off");
    assertThat(ems("rpower cn0001 stat").stdout()).isEqualTo("cn0001: Not Activated\n");
    assertThat(ems("nodestat cn0001").stdout()).isEqualTo("cn0001: noping\n");
  }

  @Test
  void rpowerOnOfARunningNodeIsRefusedAndLeavesItRunning() {
    ExecResult on = ems("rpower cn0001 on");

    assertThat(on.exitCode()).hasValue(1);
    assertThat(on.stderr()).contains("cn0001: sim: rpower on of an LPAR that is Running");
    assertThat(host("cn0001").reachable).isTrue();
    assertThat(host("cn0001").compute.mounts).isNotEmpty();
    assertThat(status("cn0001")).isEqualTo("booted");
  }

  @Test
  void rpowerRefusesUnsimulatedActionsUnknownOnesServiceNodesAndAMissingAction() {
    assertThat(ems("rpower cn0001 reset").stderr())
        .isEqualTo("rpower: sim: only on, off, stat and state are simulated\n");
    assertThat(ems("rpower cn0001 bogus").stderr()).isEqualTo("Invalid command: bogus\n");
    assertThat(ems("rpower cn0001").stderr()).isEqualTo("No command specified\n");
    assertThat(ems("rpower cn0001 stat extra").stderr()).isEqualTo("Invalid Argument: extra\n");
    ExecResult sn = ems("rpower sn01 off");
    assertThat(sn.exitCode()).hasValue(1);
    assertThat(sn.stderr()).contains("sn01: sim: rpower is simulated for compute node LPARs only");
    assertThat(host("sn01").reachable).isTrue();
    assertThat(ems("rpower cn0001 off").exitCode()).hasValue(0);
    assertThat(ems("rpower cn0001 off").stderr()).contains("Not Activated is not simulated");
  }

  @Test
  void rbootseqSetsHfiFirstWithTheNodesXcatmasterAsBootServer() {
    ExecResult r = ems("rbootseq 'cn[0001-0002],cn0129' hfi");

    assertThat(r.exitCode()).hasValue(0);
    assertThat(r.stdout()).isEqualTo("cn0001: Success\ncn0002: Success\ncn0129: Success\n");
    Lpar lpar = host("cn0001").lpar;
    assertThat(lpar.bootDevice).isEqualTo("hfi");
    assertThat(lpar.bootServer).isEqualTo("20.10.12.1");
    assertThat(host("cn0129").lpar.bootServer).isEqualTo("20.10.12.17");
  }

  @Test
  void rbootseqRefusesNetAndUnknownDevicesAndNeedsOne() {
    assertThat(ems("rbootseq cn0001 net").stderr()).contains("sim: only hfi is simulated");
    assertThat(ems("rbootseq cn0001 hd0").stderr()).isEqualTo("Invalid command: hd0\n");
    assertThat(ems("rbootseq cn0001").stderr())
        .isEqualTo("Missing command with rbootseq in DFM, net or hfi ?\n");
    assertThat(host("cn0001").lpar).isNull();
  }

  @Test
  void rpowerOffEndsANodeHungOnItsNfsServerAndOnBootsItAgain() {
    host("cn0001").hang("test: NFS server lost");

    assertThat(ems("rpower cn0001 off").stdout()).isEqualTo("cn0001: Success\n");
    assertThat(host("cn0001").hung).isEmpty();
    assertThat(ems("rpower cn0001 on").stdout()).isEqualTo("cn0001: Success\n");

    assertThat(host("cn0001").hung).isEmpty();
    assertThat(host("cn0001").reachable).isTrue();
    assertThat(status("cn0001")).isEqualTo("booted");
  }
}
