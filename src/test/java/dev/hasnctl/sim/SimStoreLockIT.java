package dev.hasnctl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several hasnctl processes changing one state file at once lose none of each other's changes. */
class SimStoreLockIT {
  private static final int PROCESSES = 6;

  @TempDir Path dir;

  private static Process hasnctl(Path log, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(Path.of("target/hasnctl.jar").toAbsolutePath().toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  @Test
  void concurrentFaultsFromSeparateProcessesAllLand() throws Exception {
    Path state = dir.resolve("c.json");
    Process init =
        hasnctl(
            dir.resolve("init.log"),
            "sim",
            "init",
            "examples/cluster.yaml",
            "--out",
            state.toString(),
            "--scenario",
            "converged");
    assertThat(init.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(init.exitValue()).as(Files.readString(dir.resolve("init.log"))).isZero();

    List<Process> running = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      running.add(
          hasnctl(
              dir.resolve("fault" + i + ".log"),
              "sim",
              "fault",
              state.toString(),
              "fail-command",
              "sn01",
              "probe" + i + "*:" + (10 + i)));
    }
    for (int i = 0; i < PROCESSES; i++) {
      Process p = running.get(i);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(dir.resolve("fault" + i + ".log"))).isZero();
    }

    SimTransport transport = new SimTransport(SimStore.open(state));
    for (int i = 0; i < PROCESSES; i++) {
      assertThat(
              transport
                  .exec(HostName.of("sn01"), Argv.of("probe" + i), Duration.ofSeconds(5))
                  .exitCode())
          .as("fault %d", i)
          .hasValue(10 + i);
    }
    assertThat(Files.readString(state)).startsWith("{");
  }
}
