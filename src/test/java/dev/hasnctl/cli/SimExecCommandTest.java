package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimExecCommandTest {
  @TempDir Path dir;
  private String state;

  @BeforeEach
  void legacy() {
    state = dir.resolve("c.json").toString();
    CliRun init =
        CliRun.of("sim", "init", "examples/cluster.yaml", "--out", state, "--scenario", "legacy");
    assertThat(init.exitCode()).isZero();
  }

  @Test
  void runsOneCommandAsTheHostsShellWouldAndPrintsItsOutput() {
    CliRun run = CliRun.of("sim", "exec", state, "sn01", "--", "ls", "-R", "/install/custom");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo("/install/custom:\naix\n\n/install/custom/aix:\ncompute.synclist\n");
  }

  @Test
  void oneQuotedCommandLineIsTheSameAsItsWords() {
    CliRun words =
        CliRun.of("sim", "exec", state, "sn01", "--", "cat", "/install/apps/licence.dat");
    CliRun line = CliRun.of("sim", "exec", state, "sn01", "--", "cat /install/apps/licence.dat");

    assertThat(line.out()).isEqualTo(words.out()).isNotEmpty();
  }

  @Test
  void whatTheCommandChangesStaysInTheStateFile() {
    CliRun mkdir = CliRun.of("sim", "exec", state, "sn01", "--", "mkdir /install-gpfs");
    CliRun listed = CliRun.of("sim", "exec", state, "sn01", "--", "ls -d /install-gpfs");

    assertThat(mkdir.exitCode()).isZero();
    assertThat(listed.out()).isEqualTo("/install-gpfs\n");
  }

  @Test
  void theCommandsExitStatusAndErrorsAreItsOwn() {
    CliRun run = CliRun.of("sim", "exec", state, "sn01", "--", "ls", "/nowhere");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("ls: 0653-341 The file /nowhere does not exist.\n");
  }

  @Test
  void aHostThatDoesNotAnswerIsAnError() {
    CliRun.of("sim", "fault", state, "down", "sn03");

    CliRun down = CliRun.of("sim", "exec", state, "sn03", "--", "hostname");
    CliRun unknown = CliRun.of("sim", "exec", state, "sn99", "--", "hostname");

    assertThat(down.exitCode()).isEqualTo(1);
    assertThat(down.err()).contains("sn03: cannot connect: host is down");
    assertThat(unknown.err()).contains("sn99: cannot connect: no such host");
  }

  @Test
  void aMissingStateFileIsAnErrorThatSaysWhatToDo() {
    CliRun run = CliRun.of("sim", "exec", dir.resolve("none.json").toString(), "sn01", "--", "ls");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "hasnctl: no simulated cluster state at "
                + dir.resolve("none.json")
                + "; run hasnctl sim init\n");
  }
}
