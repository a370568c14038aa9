package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.SimTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "When a service node fails", through the whole CLI on the simulator. */
class FailoverCommandTest {
  @TempDir Path dir;

  private Path spec;
  private Path state;
  private String target;

  @BeforeEach
  void aConvergedCluster() throws Exception {
    spec = dir.resolve("cluster.yaml");
    Files.copy(Path.of("examples/cluster.yaml"), spec);
    state = dir.resolve("c.json");
    target = "sim:" + state;
    assertThat(
            CliRun.of(
                    "sim",
                    "init",
                    spec.toString(),
                    "--out",
                    state.toString(),
                    "--scenario",
                    "converged")
                .exitCode())
        .isZero();
  }

  private SimState sim() {
    return SimStore.open(state).snapshot();
  }

  private String onEms(String line) throws Exception {
    return new SimTransport(SimStore.open(state))
        .exec(
            HostName.of("ems01"),
            new Argv(java.util.List.of("sh", "-c", line)),
            Duration.ofSeconds(60))
        .stdout();
  }

  @Test
  void failoverOfADeadSnMovesItsNodesWhoKeepNfsAndDefersTheRest() throws Exception {
    String before = Files.readString(spec);
    CliRun.of("sim", "fault", state.toString(), "down", "sn03");

    CliRun failover =
        CliRun.of(
            "failover",
            "sn03",
            spec.toString(),
            "--target",
            target,
            "--write",
            "--apply",
            "--auto-approve");

    assertThat(failover.exitCode()).as(failover.err()).isEqualTo(3);
    assertThat(failover.out())
        .contains("+++ " + spec + " (failover sn03)")
        .contains("+    active: backup")
        .contains("snmove -V -d sn04 -D sn04-hfi 'cn[0257-0384]'")
        .contains("Deferred:")
        .contains("Apply complete: 1 step run and verified.");
    String after = Files.readString(spec);
    assertThat(after.lines().count()).isEqualTo(before.lines().count() + 1);
    assertThat(after).contains("    backup: sn04\n    active: backup\n");
    assertThat(onEms("lsdef cn0300 -i servicenode,xcatmaster -c"))
        .contains("cn0300: servicenode=sn04,sn03")
        .contains("cn0300: xcatmaster=sn04-hfi");
    for (int n = 257; n <= 384; n++) {
      SimHost node = sim().host(String.format("cn%04d", n)).orElseThrow();
      assertThat(node.hungReason()).as(node.name).isEmpty();
    }

    CliRun whileDown = CliRun.of("plan", spec.toString(), "--target", target);
    assertThat(whileDown.exitCode()).isEqualTo(3);
    assertThat(whileDown.out()).contains("Plan: 0 to add, 0 to change, 0 to destroy.");
  }

  @Test
  void whatTheDeadSnNeedsIsDeferredAndRunsOnceItIsBack() throws Exception {
    CliRun.of("sim", "fault", state.toString(), "down", "sn03");
    // Lost while it was down: its shutdown order (a reinstall from an old image, say).
    SimStore.open(state)
        .transact(
            c -> {
              c.state().host("sn03").orElseThrow().files.remove("/etc/rc.shutdown");
              c.markChanged();
              return null;
            });
    CliRun failover =
        CliRun.of(
            "failover",
            "sn03",
            spec.toString(),
            "--target",
            target,
            "--write",
            "--apply",
            "--auto-approve");

    CliRun.of("sim", "fault", state.toString(), "up", "sn03");
    CliRun back = CliRun.of("plan", spec.toString(), "--target", target);
    CliRun apply = CliRun.of("apply", spec.toString(), "--target", target, "--auto-approve");

    assertThat(failover.out())
        .containsPattern("resources not observed on sn03  \\([^)]*1 rc.shutdown")
        .doesNotContain("sn03   sh -c");
    assertThat(back.out())
        .contains("+ rc.shutdown /etc/rc.shutdown")
        .contains("Plan: 1 to add, 0 to change, 0 to destroy.");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(sim().host("sn03").orElseThrow().files)
        .containsEntry("/etc/rc.shutdown", "stopsrc -s nfsd\nexit 0\n");
  }

  @Test
  void afterRepairFailbackMovesTheNodesHomeAndThePlanIsEmpty() throws Exception {
    CliRun.of("sim", "fault", state.toString(), "down", "sn03");
    CliRun.of(
        "failover",
        "sn03",
        spec.toString(),
        "--target",
        target,
        "--write",
        "--apply",
        "--auto-approve");

    CliRun refused =
        CliRun.of(
            "failback",
            "sn03",
            spec.toString(),
            "--target",
            target,
            "--write",
            "--apply",
            "--auto-approve");
    CliRun.of("sim", "fault", state.toString(), "up", "sn03");
    CliRun failback =
        CliRun.of(
            "failback",
            "sn03",
            spec.toString(),
            "--target",
            target,
            "--write",
            "--apply",
            "--auto-approve");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("sn03 cannot be observed").contains("repair it");
    assertThat(failback.exitCode()).as(failback.err()).isZero();
    assertThat(failback.out())
        .contains("-    active: backup")
        .contains("+    active: primary")
        .contains("snmove -V -d sn03 -D sn03-hfi");
    assertThat(onEms("lsdef cn0300 -i servicenode -c")).contains("cn0300: servicenode=sn03,sn04");
    assertThat(
            CliRun.of("plan", spec.toString(), "--target", target, "--detailed-exitcode")
                .exitCode())
        .isZero();
  }

  @Test
  void aReinstalledSnWithoutItsNimDefinitionsGetsThemAsTheBackupBeforeFailback() throws Exception {
    CliRun.of("sim", "fault", state.toString(), "down", "sn03");
    CliRun.of(
        "failover",
        "sn03",
        spec.toString(),
        "--target",
        target,
        "--write",
        "--apply",
        "--auto-approve");
    CliRun.of("sim", "fault", state.toString(), "up", "sn03");
    SimStore.open(state)
        .transact(
            c -> {
              c.state()
                  .host("sn03")
                  .orElseThrow()
                  .nim
                  .entrySet()
                  .removeIf(e -> e.getValue().type.equals("diskless"));
              c.markChanged();
              return null;
            });

    CliRun refused = CliRun.of("failback", "sn03", spec.toString(), "--target", target);
    CliRun plan = CliRun.of("plan", spec.toString(), "--target", target);
    CliRun apply = CliRun.of("apply", spec.toString(), "--target", target, "--auto-approve");
    CliRun failback =
        CliRun.of(
            "failback",
            "sn03",
            spec.toString(),
            "--target",
            target,
            "--write",
            "--apply",
            "--auto-approve");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains("sn03 lacks 256 NIM node definitions")
        .contains("mkdsklsnode -b");
    // sn03 is now the backup of both groups of its pair: one -b for all 256 nodes.
    assertThat(plan.out()).contains("mkdsklsnode -V -S -b -i aix71-compute 'cn[0257-0512]'");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(failback.exitCode()).as(failback.err()).isZero();
  }

  @Test
  void withoutWriteTheSpecIsOnlyShownAndNothingAppliedWithoutApply() throws Exception {
    String before = Files.readString(spec);

    CliRun failover = CliRun.of("failover", "sn01", spec.toString(), "--target", target);

    assertThat(failover.exitCode()).isZero();
    assertThat(failover.out())
        .contains("-    active: primary")
        .contains("+    active: backup")
        .contains("Spec not written");
    assertThat(Files.readString(spec)).isEqualTo(before);
    assertThat(onEms("lsdef cn0001 -i servicenode -c")).contains("cn0001: servicenode=sn01,sn02");
  }

  @Test
  void anUnknownServiceNodeIsRefused() {
    CliRun failover = CliRun.of("failover", "sn09", spec.toString(), "--target", target);

    assertThat(failover.exitCode()).isEqualTo(1);
    assertThat(failover.err()).contains("sn09 is not a service node");
  }
}
