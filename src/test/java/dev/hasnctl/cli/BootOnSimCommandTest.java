package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's "Boot nodes" and "Reboot nodes" by hand on the simulated cluster through {@code sim
 * exec}: the nodes shut down, {@code rbootseq} and {@code rpower on}, and drift then finds the
 * cluster as its spec says.
 */
class BootOnSimCommandTest {
  @TempDir Path dir;

  private Path spec;
  private String state;

  @BeforeEach
  void aConvergedCluster() throws Exception {
    spec = dir.resolve("cluster.yaml");
    Files.copy(Path.of("examples/cluster.yaml"), spec);
    state = dir.resolve("c.json").toString();
    CliRun init =
        CliRun.of("sim", "init", spec.toString(), "--out", state, "--scenario", "converged");
    assertThat(init.exitCode()).as(init.err()).isZero();
  }

  private CliRun ems(String command) {
    return CliRun.of("sim", "exec", state, "ems01", "--", command);
  }

  @Test
  void nodestatThroughSimExecPrintsXcatsLines() {
    CliRun run = ems("nodestat cn0001,cn0002");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("cn0001: sshd\ncn0002: sshd\n");
  }

  @Test
  void nodesShutDownAndBootedAgainLeaveNoDrift() {
    assertThat(ems("xdsh sn01group \"/usr/sbin/shutdown -F &\"").exitCode()).isZero();
    assertThat(ems("nodestat cn0001").out()).isEqualTo("cn0001: noping\n");

    assertThat(ems("rbootseq sn01group hfi").exitCode()).isZero();
    CliRun on = ems("rpower sn01group on");

    assertThat(on.exitCode()).as(on.err()).isZero();
    assertThat(on.out()).startsWith("cn0001: Success\ncn0002: Success\n");
    assertThat(ems("nodestat cn0128").out()).isEqualTo("cn0128: sshd\n");
    CliRun drift = CliRun.of("drift", spec.toString(), "--target", "sim:" + state);
    assertThat(drift.exitCode()).as(drift.out() + drift.err()).isZero();
    assertThat(drift.out()).startsWith("No drift: the cluster matches " + spec);
  }
}
