package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The main job over real SSH: the simulator served by {@code hasnctl sim serve} (Apache MINA SSHD),
 * reached by hasnctl's sshj transport with a key and strict known_hosts, SNs through xdsh.
 */
class PlanApplyOverSshIT {
  @TempDir Path dir;

  @Test
  void planApplyPlanOverSshEndsWithNoChanges() throws Exception {
    Path state = dir.resolve("c.json");
    Path spec = dir.resolve("cluster.yaml");
    Files.copy(Path.of("examples/cluster.yaml"), spec);
    assertThat(CliRun.of("sim", "init", spec.toString(), "--out", state.toString()).exitCode())
        .isZero();
    try (Served served = Served.start(dir, state)) {
      List<String> target = served.target();

      CliRun plan = run("plan", spec.toString(), "--detailed-exitcode", target);
      CliRun apply = run("apply", spec.toString(), "--auto-approve", target);
      CliRun again = run("plan", spec.toString(), "--detailed-exitcode", target);

      assertThat(plan.exitCode()).as(plan.err()).isEqualTo(2);
      assertThat(plan.out()).contains("~ site useNFSv4onAIX");
      assertThat(apply.exitCode()).as(apply.err()).isZero();
      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(again.out()).isEqualTo("No changes. The cluster matches " + spec + ".\n");
    }
  }

  @Test
  void aConnectionCutAfterAStepsCommandResumesWithTheOriginalInItsBackup() throws Exception {
    Path state = dir.resolve("c.json");
    Path spec = dir.resolve("cluster.yaml");
    Files.copy(Path.of("examples/cluster.yaml"), spec);
    // A converged cluster whose sn02 export lost an option: rewriting it interrupts nobody, so the
    // step runs (legacy's NFSv3 export would be held to protect its running nodes).
    CliRun.of("sim", "init", spec.toString(), "--out", state.toString(), "--scenario", "converged");
    dev.hasnctl.sim.SimStore.open(state)
        .transact(
            c -> {
              java.util.Map<String, String> files = c.state().host("sn02").orElseThrow().files;
              files.put("/etc/exports", files.get("/etc/exports").replace(",noauto", ""));
              c.markChanged();
              return null;
            });
    String original =
        dev.hasnctl.sim.SimStore.open(state)
            .snapshot()
            .host("sn02")
            .orElseThrow()
            .files
            .get("/etc/exports");
    // The EMS receives the step as xdsh sn02 'sh -c ...'; the SSH channel closes after it ran,
    // with no exit status.
    CliRun.of(
        "sim",
        "fault",
        state.toString(),
        "drop-connection",
        "ems01",
        "xdsh sn02 *exports.hasnctl.new*");
    try (Served served = Served.start(dir, state)) {
      List<String> target = served.target();

      CliRun cut = run("apply", spec.toString(), "--auto-approve", target);
      CliRun.of("sim", "fault", state.toString(), "clear", "ems01");
      CliRun resumed = run("apply", spec.toString(), "--resume", target);

      assertThat(cut.exitCode()).isEqualTo(1);
      // The cut takes the commands in flight on that connection with it: the step's own end, or
      // the journal line written meanwhile. Either way no further step starts.
      assertThat(cut.err()).contains("apply --resume");
      assertThat(resumed.exitCode()).as(resumed.err()).isZero();
      dev.hasnctl.sim.SimHost sn02 =
          dev.hasnctl.sim.SimStore.open(state).snapshot().host("sn02").orElseThrow();
      String backup =
          sn02.files.keySet().stream()
              .filter(f -> f.startsWith("/etc/exports.hasnctl.2"))
              .findFirst()
              .orElseThrow();
      assertThat(sn02.files.get(backup)).isEqualTo(original);
      assertThat(run("plan", spec.toString(), "--detailed-exitcode", target).exitCode()).isZero();
    }
  }

  private static CliRun run(String command, String spec, String flag, List<String> target) {
    String[] args = new String[3 + target.size()];
    args[0] = command;
    args[1] = spec;
    args[2] = flag;
    for (int i = 0; i < target.size(); i++) {
      args[3 + i] = target.get(i);
    }
    return CliRun.of(args);
  }

  /** The simulated cluster in {@code state}, served over SSH with a key made for the test. */
  private record Served(Thread server, List<String> target) implements AutoCloseable {
    static Served start(Path dir, Path state) throws Exception {
      Process keygen =
          new ProcessBuilder(
                  "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("id").toString())
              .redirectErrorStream(true)
              .start();
      assertThat(keygen.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Path knownHosts = dir.resolve("known_hosts");
      StringWriter printed = new StringWriter();
      CommandLine serve = Main.commandLine();
      serve.setOut(new PrintWriter(printed, true));
      Thread server =
          new Thread(
              () ->
                  serve.execute(
                      "sim",
                      "serve",
                      state.toString(),
                      "--port",
                      "0",
                      "--authorized-keys",
                      dir.resolve("id.pub").toString(),
                      "--known-hosts-out",
                      knownHosts.toString()));
      server.start();
      int port;
      try {
        port = SimServeCommandIT.awaitPort(printed);
      } catch (Exception | AssertionError e) {
        server.interrupt();
        throw e;
      }
      return new Served(
          server,
          List.of(
              "--target",
              "ssh://root@127.0.0.1:" + port,
              "--ssh-key",
              dir.resolve("id").toString(),
              "--known-hosts",
              knownHosts.toString()));
    }

    @Override
    public void close() {
      server.interrupt();
      try {
        server.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
