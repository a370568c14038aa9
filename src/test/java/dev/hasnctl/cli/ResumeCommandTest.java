package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dropped connection in the middle of a step, then --resume, through the whole CLI. */
class ResumeCommandTest {
  @TempDir Path dir;

  private Path spec;
  private Path state;
  private String target;

  @BeforeEach
  void aLegacyCluster() throws Exception {
    spec = dir.resolve("cluster.yaml");
    Files.copy(Path.of("examples/cluster.yaml"), spec);
    state = dir.resolve("c.json");
    target = "sim:" + state;
    CliRun.of("sim", "init", spec.toString(), "--out", state.toString(), "--scenario", "legacy");
  }

  private SimHost host(String name) {
    SimState snapshot = SimStore.open(state).snapshot();
    return snapshot.host(name).orElseThrow();
  }

  private static String backupOf(SimHost host, String file) {
    return host.files.keySet().stream()
        .filter(f -> f.startsWith(file + ".hasnctl.2"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no backup of " + file + " on " + host.name));
  }

  @Test
  void aConnectionDroppedAfterTheExportsEditKeepsTheOriginalInItsBackupThroughResume() {
    // A converged cluster whose sn02 export lost an option: rewriting it interrupts nobody, so
    // the step runs (legacy's NFSv3 export would be held to protect its running nodes).
    CliRun.of("sim", "init", spec.toString(), "--out", state.toString(), "--scenario", "converged");
    SimStore.open(state)
        .transact(
            c -> {
              Map<String, String> files = c.state().host("sn02").orElseThrow().files;
              files.put("/etc/exports", files.get("/etc/exports").replace(",noauto", ""));
              c.markChanged();
              return null;
            });
    String original = host("sn02").files.get("/etc/exports");
    CliRun.of(
        "sim", "fault", state.toString(), "drop-connection", "sn02", "sh -c *exports.hasnctl*");

    CliRun failed = CliRun.of("apply", spec.toString(), "--target", target, "--auto-approve");
    CliRun journal = CliRun.of("journal", spec.toString(), "--target", target);
    CliRun.of("sim", "fault", state.toString(), "clear", "sn02");
    CliRun resumed =
        CliRun.of("apply", spec.toString(), "--target", target, "--auto-approve", "--resume");

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err())
        .contains("sn02/exports/install failed on sn02")
        .contains("hasnctl apply --resume " + spec);
    assertThat(journal.exitCode()).isEqualTo(2);
    assertThat(journal.out())
        .containsPattern("failed +sn02/exports/install on sn02")
        .containsPattern("sn02 /etc/exports.hasnctl.2\\d+T\\d+Z of /etc/exports  cksum \\d+ \\d+");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("already done (its postcondition holds), not run again");
    SimHost sn02 = host("sn02");
    assertThat(sn02.files.get(backupOf(sn02, "/etc/exports"))).isEqualTo(original);
    assertThat(sn02.files.get("/etc/exports")).isNotEqualTo(original);
    CliRun after = CliRun.of("journal", spec.toString(), "--target", target);
    assertThat(after.exitCode()).as(after.out()).isZero();
    assertThat(CliRun.of("plan", spec.toString(), "--target", target).out())
        .startsWith("No changes.");
  }

  @Test
  void twoCheckoutsOfTheSpecShareTheClustersLockAndOneIsRefusedWithTheHoldersDetails()
      throws Exception {
    Path other = Files.createDirectories(dir.resolve("other-checkout")).resolve("cluster.yaml");
    Files.copy(spec, other);
    dev.hasnctl.apply.ClusterState ems =
        new dev.hasnctl.apply.ClusterState(
            new dev.hasnctl.transport.XdshRelay(
                new dev.hasnctl.sim.SimTransport(SimStore.open(state)),
                dev.hasnctl.model.HostName.of("ems01")),
            dev.hasnctl.model.HostName.of("ems01"),
            java.time.Duration.ofMinutes(1));
    dev.hasnctl.apply.LockInfo first =
        ems.lock(
            new dev.hasnctl.apply.LockInfo(
                "6f1c2d1e-1111-4222-8333-944455556666",
                "alice",
                "alice-laptop",
                spec.toString(),
                "0".repeat(64),
                "",
                java.time.Instant.parse("2026-11-30T03:00:00Z")));

    CliRun refused = CliRun.of("apply", other.toString(), "--target", target, "--auto-approve");
    CliRun wrongId = CliRun.of("unlock", "not-the-id", other.toString(), "--target", target);
    CliRun unlocked = CliRun.of("unlock", first.id(), other.toString(), "--target", target);
    CliRun applied = CliRun.of("apply", other.toString(), "--target", target, "--auto-approve");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains("another apply holds this cluster's lock: lock " + first.id())
        .contains("alice on alice-laptop since 2026-11-30T03:00:00Z for " + spec)
        .contains("hasnctl unlock " + first.id() + " " + other)
        .doesNotContain("HASNCTL_DEBUG");
    assertThat(wrongId.exitCode()).isEqualTo(1);
    assertThat(wrongId.err()).contains("does not match");
    assertThat(unlocked.exitCode()).as(unlocked.err()).isZero();
    assertThat(applied.exitCode()).as(applied.err()).isEqualTo(ExitCodes.HELD);
    assertThat(ems.holder()).isEmpty();
  }

  @Test
  void aResumedInittabStepThatAlreadyRanDoesNotLoop() {
    Map<String, String> before = host("sn01").files;
    CliRun.of("sim", "fault", state.toString(), "drop-connection", "sn01", "sh -c *inittab*");

    CliRun failed = CliRun.of("apply", spec.toString(), "--target", target, "--auto-approve");
    CliRun.of("sim", "fault", state.toString(), "clear", "sn01");
    CliRun resumed =
        CliRun.of("apply", spec.toString(), "--target", target, "--auto-approve", "--resume");

    assertThat(failed.exitCode()).isEqualTo(1);
    // Legacy's outage stays held (its nodes run on local /install): exit 4, as a plain apply.
    assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCodes.HELD);
    SimHost sn01 = host("sn01");
    assertThat(sn01.files.get(backupOf(sn01, "/etc/inittab")))
        .isEqualTo(before.get("/etc/inittab"));
  }
}
