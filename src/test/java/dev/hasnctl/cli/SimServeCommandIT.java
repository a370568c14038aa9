package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.ssh.Endpoint;
import dev.hasnctl.transport.ssh.SshOptions;
import dev.hasnctl.transport.ssh.SshTransport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hasnctl sim serve} end to end: a state from {@code sim init}, real SSH clients. */
class SimServeCommandIT {
  private static final Pattern LISTENING = Pattern.compile("on 127\\.0\\.0\\.1:(\\d+) ");

  @TempDir Path dir;

  @Test
  void servesTheSimulatedEmsToOpenSshAndSshj() throws Exception {
    Path state = dir.resolve("c.json");
    // `sim` is registered under hasnctl by the integrator; its init is run directly here.
    StringWriter initErr = new StringWriter();
    CommandLine sim = new CommandLine(new SimCommand());
    sim.setErr(new PrintWriter(initErr, true));
    sim.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(sim.execute("init", "examples/cluster.yaml", "--out", state.toString()))
        .as(initErr.toString())
        .isZero();
    run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("id").toString()));
    Path knownHosts = dir.resolve("known_hosts");

    StringWriter printed = new StringWriter();
    CommandLine serve = new CommandLine(new SimServeCommand());
    serve.setOut(new PrintWriter(printed, true));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread server =
        new Thread(
            () ->
                exit.set(
                    serve.execute(
                        state.toString(),
                        "--port",
                        "0",
                        "--authorized-keys",
                        dir.resolve("id.pub").toString(),
                        "--known-hosts-out",
                        knownHosts.toString())));
    server.start();
    try {
      int port = awaitPort(printed);
      assertThat(printed.toString())
          .startsWith("hasnctl sim: serving " + state + " as EMS ems01 on 127.0.0.1:" + port);
      assertThat(Files.readString(knownHosts)).startsWith("[127.0.0.1]:" + port + " ssh-ed25519 ");
      assertThat(dir.resolve("c.json.host_ed25519")).exists();

      ExecResult hostname = openSsh(port, knownHosts, "hostname", "");
      assertThat(hostname.exitCode()).as(hostname.stderr()).hasValue(0);
      assertThat(hostname.stdout()).isEqualTo("ems01\n");

      ExecResult write = openSsh(port, knownHosts, "cat > /etc/motd", "served by hasnctl\n");
      assertThat(write.exitCode()).as(write.stderr()).hasValue(0);

      ExecResult unknown = openSsh(port, knownHosts, "frobnicate", "");
      assertThat(unknown.exitCode()).hasValue(127);
      assertThat(unknown.stderr()).contains("not simulated");

      try (SshTransport ssh =
          SshTransport.toEms(
              HostName.of("ems01"),
              new Endpoint("root", HostName.of("127.0.0.1"), port),
              SshOptions.defaults().withIdentity(dir.resolve("id")).withKnownHosts(knownHosts))) {
        ExecResult motd =
            ssh.exec(HostName.of("ems01"), Argv.of("cat", "/etc/motd"), Duration.ofSeconds(10));
        assertThat(motd.stdout()).isEqualTo("served by hasnctl\n");
      }
    } finally {
      server.interrupt();
      server.join(TimeUnit.SECONDS.toMillis(10));
    }
    assertThat(exit.get()).isZero();
  }

  @Test
  void servesWithACostModelAndSaysWhatItCharges() throws Exception {
    Path state = dir.resolve("c.json");
    assertThat(
            CliRun.of("sim", "init", "examples/cluster.yaml", "--out", state.toString()).exitCode())
        .isZero();
    run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("id").toString()));
    Path knownHosts = dir.resolve("known_hosts");
    StringWriter printed = new StringWriter();
    CommandLine serve = new CommandLine(new SimServeCommand());
    serve.setOut(new PrintWriter(printed, true));
    Thread server =
        new Thread(
            () ->
                serve.execute(
                    state.toString(),
                    "--port",
                    "0",
                    "--authorized-keys",
                    dir.resolve("id.pub").toString(),
                    "--known-hosts-out",
                    knownHosts.toString(),
                    "--exec-latency",
                    "20ms",
                    "--fanout",
                    "2",
                    "--hop-latency",
                    "10ms",
                    "--host-time",
                    "1ms"));
    server.start();
    try {
      int port = awaitPort(printed);
      assertThat(printed.toString())
          .contains(
              "charging 20 ms per exec, 1 ms per host command, 10 ms per xdsh wave of 2 nodes");

      ExecResult xdsh = openSsh(port, knownHosts, "xdsh sn01,sn02,sn03 hostname", "");
      assertThat(xdsh.exitCode()).as(xdsh.stderr()).hasValue(0);
      assertThat(xdsh.stdout()).isEqualTo("sn01: sn01\nsn02: sn02\nsn03: sn03\n");
    } finally {
      server.interrupt();
      server.join(TimeUnit.SECONDS.toMillis(10));
    }
  }

  /** The port {@code sim serve} says it listens on, once it has said so. */
  static int awaitPort(StringWriter printed) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      Matcher m = LISTENING.matcher(printed.toString());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("sim serve printed no listening line: " + printed);
  }

  private ExecResult openSsh(int port, Path knownHosts, String commandLine, String input)
      throws Exception {
    Process ssh =
        new ProcessBuilder(
                "/usr/bin/ssh",
                "-p",
                String.valueOf(port),
                "-i",
                dir.resolve("id").toString(),
                "-o",
                "UserKnownHostsFile=" + knownHosts,
                "-o",
                "StrictHostKeyChecking=yes",
                "-o",
                "BatchMode=yes",
                "-o",
                "IdentitiesOnly=yes",
                "root@127.0.0.1",
                commandLine)
            .redirectError(dir.resolve("ssh.err").toFile())
            .start();
    try (java.io.OutputStream in = ssh.getOutputStream()) {
      in.write(input.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ssh.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return ExecResult.exited(ssh.exitValue(), out, Files.readString(dir.resolve("ssh.err")));
  }

  private static void run(List<String> argv) throws Exception {
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
  }
}
