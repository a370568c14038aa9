package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator reads when much is unknown: a screen, not thousands of lines. */
class OperatorOutputTest {
  @TempDir Path dir;

  @Test
  void anEmsThatRefusesTheConnectionIsOneLineAndExit3() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    CliRun run =
        CliRun.of(
            "plan",
            "examples/cluster.yaml",
            "--target",
            "ssh://root@127.0.0.1:" + closedPort,
            "--no-color");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("hasnctl: cannot reach the EMS ems01: ")
        .contains("127.0.0.1:" + closedPort)
        .endsWith("check --target, or ems.connection in examples/cluster.yaml");
  }

  @Test
  void aFailoverWithItsSnDownFitsOnAScreenAndVerboseShowsEveryResource() throws Exception {
    Path spec = dir.resolve("cluster.yaml");
    Files.copy(Path.of("examples/cluster.yaml"), spec);
    Path state = dir.resolve("c.json");
    String target = "sim:" + state;
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
    assertThat(CliRun.of("sim", "fault", state.toString(), "down", "sn03").exitCode()).isZero();

    CliRun failover = CliRun.of("failover", "sn03", spec.toString(), "--target", target);
    CliRun plan = CliRun.of("plan", spec.toString(), "--target", target, "--no-color");
    CliRun verbose =
        CliRun.of("plan", spec.toString(), "--target", target, "--no-color", "--verbose");

    assertThat(failover.exitCode()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(failover.out().lines().count()).isLessThan(40);
    assertThat(failover.out())
        .containsPattern("\\? \\d+ resources not observed on sn03  \\([^)]*paging-file[^)]*\\)")
        .contains("~ running-node cn[0257-0384]");
    assertThat(plan.exitCode()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(plan.out().lines().count()).isLessThan(40);
    assertThat(verbose.out().lines().filter(l -> l.startsWith("  ? paging-file ")).count())
        .isGreaterThan(100);
  }

  @Test
  void metricsIntoAMissingDirectorySayWhyWithoutADebugHint() {
    Path state = dir.resolve("d.json");
    CliRun.of(
        "sim",
        "init",
        "examples/cluster.yaml",
        "--out",
        state.toString(),
        "--scenario",
        "converged");
    Path missing = dir.resolve("no-such-dir");

    CliRun drift =
        CliRun.of(
            "drift",
            "examples/cluster.yaml",
            "--target",
            "sim:" + state,
            "--prometheus",
            missing.resolve("hasnctl.prom").toString());

    assertThat(drift.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(drift.err())
        .contains("cannot write " + missing.resolve("hasnctl.prom"))
        .contains("no such directory " + missing)
        .doesNotContain("HASNCTL_DEBUG");
  }

  @Test
  void aMachineThatIsNotAnEmsIsToldToUseTarget() {
    CliRun plan = CliRun.of("plan", "examples/cluster.yaml", "--target", "local");

    assertThat(plan.exitCode()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(plan.out()).isEmpty();
    assertThat(plan.err())
        .startsWith("hasnctl: ems01 is not an xCAT EMS (")
        .contains("tabdump")
        .contains("--target ssh://root@EMS")
        .doesNotContain("HASNCTL_DEBUG");
  }
}
