package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.SimTransport;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.TransportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimCommandTest {
  @TempDir Path dir;

  private ExecResult run(Path state, String host, Argv argv) throws TransportException {
    return new SimTransport(SimStore.open(state))
        .exec(HostName.of(host), argv, Duration.ofSeconds(30));
  }

  @Test
  void initWritesTheScenarioAndSaysWhat() {
    Path state = dir.resolve("c.json");

    CliRun run =
        CliRun.of(
            "sim",
            "init",
            "examples/cluster.yaml",
            "--out",
            state.toString(),
            "--scenario",
            "converged");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("wrote " + state + ": converged p7hpc, 518 hosts\n");
    assertThat(state).isRegularFile();
  }

  @Test
  void driftIsNamedAndTheSameForTheSameSeed() throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");

    CliRun first =
        CliRun.of(
            "sim",
            "init",
            "examples/cluster.yaml",
            "--out",
            a.toString(),
            "--scenario",
            "converged",
            "--drift",
            "5",
            "--seed",
            "7");
    CliRun second =
        CliRun.of(
            "sim",
            "init",
            "examples/cluster.yaml",
            "--out",
            b.toString(),
            "--scenario",
            "converged",
            "--drift",
            "5",
            "--seed",
            "7");

    assertThat(first.out().lines().filter(l -> l.startsWith("drift: "))).hasSize(5);
    assertThat(first.out().replace(a.toString(), "X"))
        .isEqualTo(second.out().replace(b.toString(), "X"));
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void serveRefusesACostWithoutAUnitOrAFanoutOfZeroBeforeServing() {
    Path state = dir.resolve("c.json");
    CliRun.of("sim", "init", "examples/cluster.yaml", "--out", state.toString());

    CliRun noUnit = CliRun.of("sim", "serve", state.toString(), "--exec-latency", "80");
    CliRun zero = CliRun.of("sim", "serve", state.toString(), "--port", "0", "--fanout", "0");

    assertThat(noUnit.exitCode()).isEqualTo(1);
    assertThat(noUnit.err())
        .contains("'80' is not a duration; write whole milliseconds or seconds, e.g. 80ms or 2s");
    assertThat(zero.exitCode()).isEqualTo(1);
    assertThat(zero.err()).contains("--fanout: the fanout must be at least 1, not 0");
    assertThat(zero.out()).doesNotContain("serving");
  }

  @Test
  void anUnknownScenarioOrAnInvalidSpecIsAnErrorAndWritesNothing() throws Exception {
    Path state = dir.resolve("c.json");
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "name: x\n\tbad: tab\n");

    CliRun unknown =
        CliRun.of(
            "sim",
            "init",
            "examples/cluster.yaml",
            "--out",
            state.toString(),
            "--scenario",
            "brand-new");
    CliRun invalid = CliRun.of("sim", "init", broken.toString(), "--out", state.toString());

    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("unknown scenario 'brand-new'");
    assertThat(invalid.exitCode()).isEqualTo(1);
    assertThat(invalid.err()).contains(broken + ":2:1");
    assertThat(state).doesNotExist();
  }

  @Test
  void faultDownMakesTheHostUnreachableAndUpBringsItBack() throws Exception {
    Path state = dir.resolve("c.json");
    CliRun.of(
        "sim",
        "init",
        "examples/cluster.yaml",
        "--out",
        state.toString(),
        "--scenario",
        "converged");

    CliRun down = CliRun.of("sim", "fault", state.toString(), "down", "sn03");

    assertThat(down.exitCode()).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> run(state, "sn03", Argv.of("hostname")))
        .isInstanceOf(TransportException.class);
    assertThat(CliRun.of("sim", "fault", state.toString(), "up", "sn03").exitCode()).isZero();
    assertThat(run(state, "sn03", Argv.of("hostname")).stdout()).isEqualTo("sn03\n");
  }

  @Test
  void failCommandMakesMatchingCommandsExitWithTheGivenCode() throws Exception {
    Path state = dir.resolve("c.json");
    CliRun.of(
        "sim",
        "init",
        "examples/cluster.yaml",
        "--out",
        state.toString(),
        "--scenario",
        "converged");

    CliRun fault =
        CliRun.of("sim", "fault", state.toString(), "fail-command", "sn01", "exportfs*:3");

    assertThat(fault.exitCode()).isZero();
    assertThat(run(state, "sn01", Argv.of("exportfs")).exitCode()).hasValue(3);
    assertThat(run(state, "sn02", Argv.of("exportfs")).exitCode()).hasValue(0);
  }

  @Test
  void anUnknownFaultKindListsTheKnownOnes() {
    Path state = dir.resolve("c.json");
    CliRun.of("sim", "init", "examples/cluster.yaml", "--out", state.toString());

    CliRun run = CliRun.of("sim", "fault", state.toString(), "explode", "sn01");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("unknown fault kind 'explode'").contains("nfsd-stop");
  }
}
