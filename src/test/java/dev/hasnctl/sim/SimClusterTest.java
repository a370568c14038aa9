package dev.hasnctl.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.transport.ExecResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimClusterTest {
  private final SimState state = new SimState();
  private final SimCluster cluster = new SimCluster(state, SimCommands.builtin());
  private final HostName sn01 = HostName.of("sn01");

  SimClusterTest() {
    state.add(SimHost.of("sn01", Role.SERVICE_NODE)).dirs.add("/etc");
  }

  @Test
  void unknownCommandExits127NamingIt() {
    ExecResult result = cluster.exec(sn01, Argv.of("frobnicate", "-x", "a b"), Optional.empty());

    assertThat(result.exitCode()).hasValue(127);
    assertThat(result.stderr()).isEqualTo("sim: not simulated: frobnicate -x 'a b'\n");
    assertThat(result.stdout()).isEmpty();
  }

  @Test
  void catRedirectWritesStdinToTheFile() {
    cluster.execShell(sn01, "cat > /etc/exports", Optional.of("/install -vers=4\n"));

    ExecResult read = cluster.exec(sn01, Argv.of("cat", "/etc/exports"), Optional.empty());
    assertThat(read.stdout()).isEqualTo("/install -vers=4\n");
    assertThat(read.succeeded()).isTrue();
  }

  @Test
  void andStopsAtTheFirstFailureAndOrRunsAfterIt() {
    ExecResult result =
        cluster.execShell(sn01, "cat /nonexistent && echo no || echo yes", Optional.empty());

    assertThat(result.stdout()).isEqualTo("yes\n");
    assertThat(result.stderr()).isEqualTo("cat: 0652-050 Cannot open /nonexistent.\n");
    assertThat(result.exitCode()).hasValue(0);
  }

  @Test
  void pipeFeedsOneCommandIntoTheNext() {
    ExecResult result = cluster.execShell(sn01, "echo hello | cat", Optional.empty());

    assertThat(result.stdout()).isEqualTo("hello\n");
  }

  @Test
  void downHostThrowsAndRunsNothing() {
    state.hosts.get("sn01").reachable = false;
    long clock = state.clock;

    assertThatThrownBy(() -> cluster.exec(sn01, Argv.of("hostname"), Optional.empty()))
        .isInstanceOf(SimHostException.class)
        .hasMessageContaining("unreachable");
    assertThat(state.clock).isEqualTo(clock);
  }

  @Test
  void unsupportedShellSyntaxFailsInsteadOfRunningSomethingElse() {
    ExecResult result = cluster.execShell(sn01, "rm -rf $DIR", Optional.empty());

    assertThat(result.exitCode()).hasValue(2);
    assertThat(result.stderr()).startsWith("sim: unsupported shell syntax");
  }
}
