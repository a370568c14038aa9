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
        .containsPattern("not started +sn0[0-9]/")
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
  void aResumedInittabStepThatAlreadyRanDoesNotLoop() {
    Map<String, String> before = host("sn01").files;
    CliRun.of("sim", "fault", state.toString(), "drop-connection", "sn01", "sh -c *inittab*");

    CliRun failed = CliRun.of("apply", spec.toString(), "--target", target, "--auto-approve");
    CliRun.of("sim", "fault", state.toString(), "clear", "sn01");
    CliRun resumed =
        CliRun.of("apply", spec.toString(), "--target", target, "--auto-approve", "--resume");

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    SimHost sn01 = host("sn01");
    assertThat(sn01.files.get(backupOf(sn01, "/etc/inittab")))
        .isEqualTo(before.get("/etc/inittab"));
  }
}
