package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An apply interrupted in the middle (the JVM's shutdown path, which Ctrl-C's SIGINT and a plain
 * kill's SIGTERM both take) says what was done, what was running and how to resume, releases the
 * cluster's lock, and --resume finishes it.
 */
class InterruptIT {
  @TempDir Path dir;

  private static List<String> hasnctl(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(Path.of("target/hasnctl.jar").toAbsolutePath().toString());
    command.addAll(List.of(args));
    return command;
  }

  private static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return process.exitValue() + "\n" + out;
  }

  @Test
  void anInterruptedApplySaysWhatWasDoneAndRunningAndHowToResume() throws Exception {
    Path spec = dir.resolve("cluster.yaml");
    Files.copy(Path.of("examples/cluster.yaml"), spec);
    String state = dir.resolve("c.json").toString();
    run(hasnctl("sim", "init", spec.toString(), "--out", state, "--scenario", "legacy"));
    Process apply =
        new ProcessBuilder(
                hasnctl(
                    "apply",
                    spec.toString(),
                    "--target",
                    "sim:" + state,
                    "--auto-approve",
                    "--parallel",
                    "1"))
            .redirectErrorStream(true)
            .start();
    StringBuilder printed = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(apply.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean signalled = false;
      while ((line = out.readLine()) != null) {
        printed.append(line).append('\n');
        if (!signalled && line.startsWith("[3/")) {
          new ProcessBuilder("kill", "-TERM", String.valueOf(apply.pid())).start().waitFor();
          signalled = true;
        }
      }
    }
    assertThat(apply.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(apply.exitValue()).as(printed.toString()).isEqualTo(143);
    assertThat(printed.toString())
        .contains("Interrupted: no new step was started.")
        .containsPattern("Done: \\d+ of \\d+ steps: ems/")
        .contains("Resume with: hasnctl apply --resume " + spec)
        .doesNotContain("Apply complete");
    String resumed =
        run(
            hasnctl(
                "apply",
                spec.toString(),
                "--target",
                "sim:" + state,
                "--auto-approve",
                "--resume"));
    // Legacy's outage stays held to protect its running nodes: exit 4, as a plain apply ends.
    assertThat(resumed)
        .startsWith(ExitCodes.HELD + "\n")
        .contains("Resuming: ")
        .containsPattern("Apply ran \\d+ steps and held \\d+ to protect running nodes");
  }
}
