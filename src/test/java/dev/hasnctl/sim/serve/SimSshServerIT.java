package dev.hasnctl.sim.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.HostileArguments;
import dev.hasnctl.transport.TransportException;
import dev.hasnctl.transport.TransportException.Layer;
import dev.hasnctl.transport.ssh.Endpoint;
import dev.hasnctl.transport.ssh.RemoteTimeout;
import dev.hasnctl.transport.ssh.SshOptions;
import dev.hasnctl.transport.ssh.SshTransport;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's SSH server, with sshj (through the SSH transport) and OpenSSH's client. */
class SimSshServerIT {
  private static final HostName EMS = HostName.of("ems01");
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  @TempDir Path dir;

  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<Optional<String>> inputs = new CopyOnWriteArrayList<>();
  private final CountDownLatch interrupted = new CountDownLatch(1);
  private SimSshServer server;
  private SshTransport transport;

  /** A stand-in for the simulated EMS: a few fixed behaviours keyed by the command line. */
  private ExecResult handle(String line, Optional<String> stdin) throws InterruptedException {
    received.add(line);
    inputs.add(stdin);
    return switch (line) {
      case "cat" -> ExecResult.exited(0, stdin.orElse("<no input>"), "");
      case "lsdef -t site -c" -> ExecResult.exited(0, "clustersite: master=10.0.0.1\n", "");
      case "fail" -> ExecResult.exited(3, "", "Error: it failed\n");
      case "hang" -> hang();
      case "drop" -> throw new ShellHandler.DroppedConnection("half of the out");
      case "no-status" -> new ExecResult(OptionalInt.empty(), "some", "");
      default -> {
        if (line.startsWith("printf ")) {
          yield ExecResult.exited(0, line, "");
        }
        throw new IllegalStateException("not simulated: " + line);
      }
    };
  }

  private ExecResult hang() throws InterruptedException {
    try {
      Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    } catch (InterruptedException e) {
      interrupted.countDown();
      throw e;
    }
    return ExecResult.exited(0, "", "");
  }

  @BeforeEach
  void start() throws Exception {
    writeKey(dir.resolve("id_ed25519"));
    writeKey(dir.resolve("other_ed25519"));
    server = startServer(0);
    transport = transport(dir.resolve("id_ed25519"), RemoteTimeout.WRAP);
  }

  private SimSshServer startServer(int port) throws Exception {
    return SimSshServer.start(
        new SimSshConfig(
            port,
            List.of(dir.resolve("id_ed25519.pub")),
            dir.resolve("host_ed25519"),
            Optional.of(dir.resolve("known_hosts"))),
        new ShellHandler() {
          @Override
          public ExecResult run(String commandLine, Optional<String> stdin)
              throws InterruptedException {
            return handle(commandLine, stdin);
          }

          @Override
          public boolean readsInput(String commandLine) {
            return commandLine.equals("cat");
          }
        });
  }

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private SshTransport transport(Path key, RemoteTimeout mode) {
    return SshTransport.toEms(
        EMS,
        new Endpoint("root", HostName.of("127.0.0.1"), server.port()),
        SshOptions.defaults()
            .withIdentity(key)
            .withKnownHosts(dir.resolve("known_hosts"))
            .withRemoteTimeout(mode));
  }

  private static void writeKey(Path file) throws Exception {
    KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    try (OutputStream out = Files.newOutputStream(file)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "test", null, out);
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(
        file.resolveSibling(file.getFileName() + ".pub"),
        PublicKeyEntry.toString(pair.getPublic()) + " test\n");
  }

  @Test
  void sshjVerifiesThePublishedHostKeyAndRunsTheCommand() throws Exception {
    ExecResult result = transport.exec(EMS, Argv.of("lsdef", "-t", "site", "-c"), TEN_SECONDS);

    assertThat(result.stdout()).isEqualTo("clustersite: master=10.0.0.1\n");
    assertThat(result.exitCode()).hasValue(0);
    assertThat(received).containsExactly("lsdef -t site -c"); // the timeout prefix was removed
    assertThat(Files.readString(dir.resolve("known_hosts")))
        .isEqualTo(server.knownHostsLine() + "\n")
        .startsWith("[127.0.0.1]:" + server.port() + " ssh-ed25519 AAAA");
  }

  @Test
  void keyNotAuthorizedIsRefused() {
    SshTransport stranger = transport(dir.resolve("other_ed25519"), RemoteTimeout.WRAP);
    try {
      assertThatThrownBy(() -> stranger.exec(EMS, Argv.of("cat"), TEN_SECONDS))
          .isInstanceOfSatisfying(
              TransportException.class, e -> assertThat(e.layer()).isEqualTo(Layer.AUTH));
    } finally {
      stranger.close();
    }
    assertThat(received).isEmpty();
  }

  @Test
  void exitCodeAndStderrArriveApart() throws Exception {
    ExecResult result = transport.exec(EMS, Argv.of("fail"), TEN_SECONDS);

    assertThat(result.exitCode()).hasValue(3);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr()).isEqualTo("Error: it failed\n");
  }

  @Test
  void stdinReachesTheHandler() throws Exception {
    ExecResult result =
        transport.exec(EMS, Argv.of("cat"), Optional.of("/install *(rw)\n"), TEN_SECONDS);

    assertThat(result.stdout()).isEqualTo("/install *(rw)\n");
  }

  @Test
  void commandWithoutInputRunsWithoutInput() throws Exception {
    assertThat(transport.exec(EMS, Argv.of("cat"), TEN_SECONDS).stdout()).isEqualTo("<no input>");
  }

  @Test
  void commandTheHandlerCannotRunExits127WithItsMessage() throws Exception {
    ExecResult result = transport.exec(EMS, Argv.of("frobnicate", "--all"), TEN_SECONDS);

    assertThat(result.exitCode()).hasValue(127);
    assertThat(result.stderr()).isEqualTo("sim: not simulated: frobnicate --all\n");
  }

  @Test
  void commandLineArrivesExactlyAsQuoted() throws Exception {
    Argv hostile = HostileArguments.printfCommand();

    ExecResult result = transport.exec(EMS, hostile, TEN_SECONDS);

    assertThat(result.stdout()).isEqualTo(hostile.toShell());
  }

  @Test
  void timeoutPrefixEndsAHungCommandWith124() throws Exception {
    assertThatThrownBy(() -> transport.exec(EMS, Argv.of("hang"), Duration.ofMillis(500)))
        .isInstanceOfSatisfying(
            TransportException.class, e -> assertThat(e.layer()).isEqualTo(Layer.TIMEOUT))
        .hasMessageContaining("timeout(1) ended it");
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void signalEndsAHungCommand() throws Exception {
    SshTransport signalling = transport(dir.resolve("id_ed25519"), RemoteTimeout.SIGNAL);
    try {
      assertThatThrownBy(() -> signalling.exec(EMS, Argv.of("hang"), Duration.ofMillis(500)))
          .isInstanceOfSatisfying(
              TransportException.class, e -> assertThat(e.layer()).isEqualTo(Layer.TIMEOUT));
      assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      signalling.close();
    }
  }

  @Test
  void droppedConnectionReachesTheClientAsDropped() {
    assertThatThrownBy(() -> transport.exec(EMS, Argv.of("drop"), TEN_SECONDS))
        .isInstanceOfSatisfying(
            TransportException.class, e -> assertThat(e.layer()).isEqualTo(Layer.DROPPED));
  }

  @Test
  void resultWithoutExitCodeReachesTheClientWithoutOne() throws Exception {
    ExecResult result = transport.exec(EMS, Argv.of("no-status"), TEN_SECONDS);

    assertThat(result.exitCode()).isEmpty();
    assertThat(result.stdout()).isEqualTo("some");
  }

  /** Runs OpenSSH's {@code ssh} client with {@code input}; returns exit code, stdout, stderr. */
  private ExecResult openSsh(String commandLine, String input, String... options) throws Exception {
    return openSsh(commandLine, Optional.of(input), options);
  }

  /**
   * Runs OpenSSH's {@code ssh} client, writing {@code input} then closing its standard input, or
   * with no input, holding its standard input open until the command has ended.
   */
  private ExecResult openSsh(String commandLine, Optional<String> input, String... options)
      throws Exception {
    List<String> argv = new java.util.ArrayList<>(List.of("/usr/bin/ssh"));
    argv.addAll(List.of(options));
    argv.addAll(
        List.of(
            "-p",
            String.valueOf(server.port()),
            "-i",
            dir.resolve("id_ed25519").toString(),
            "-o",
            "UserKnownHostsFile=" + dir.resolve("known_hosts"),
            "-o",
            "StrictHostKeyChecking=yes",
            "-o",
            "BatchMode=yes",
            "-o",
            "IdentitiesOnly=yes",
            "root@127.0.0.1",
            commandLine));
    Process ssh = new ProcessBuilder(argv).redirectError(dir.resolve("ssh.err").toFile()).start();
    OutputStream in = ssh.getOutputStream();
    if (input.isPresent()) {
      in.write(input.get().getBytes(StandardCharsets.UTF_8));
      in.close();
    }
    String out = new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ssh.waitFor(30, TimeUnit.SECONDS)).isTrue();
    in.close();
    return ExecResult.exited(ssh.exitValue(), out, Files.readString(dir.resolve("ssh.err")));
  }

  @Test
  void openSshClientRunsCommandsAgainstIt() throws Exception {
    ExecResult failed = openSsh("fail", "");
    ExecResult site = openSsh("lsdef -t site -c", "");
    ExecResult fed = openSsh("cat", "fed through ssh\n");

    assertThat(failed.exitCode()).as(failed.stderr()).hasValue(3);
    assertThat(failed.stderr()).contains("Error: it failed");
    assertThat(site.stdout()).isEqualTo("clustersite: master=10.0.0.1\n");
    assertThat(site.exitCode()).hasValue(0);
    assertThat(fed.stdout()).isEqualTo("fed through ssh\n");
    assertThat(received).containsExactly("fail", "lsdef -t site -c", "cat");
  }

  @Test
  void aCommandThatReadsNoInputRunsWhileTheClientHoldsItsInputOpen() throws Exception {
    ExecResult site = openSsh("lsdef -t site -c", Optional.empty());

    assertThat(site.exitCode()).as(site.stderr()).hasValue(0);
    assertThat(site.stdout()).isEqualTo("clustersite: master=10.0.0.1\n");
    assertThat(inputs).containsExactly(Optional.empty());
  }

  @Test
  void aCommandThatReadsNoInputIsNotGivenWhatTheClientSends() throws Exception {
    ExecResult site = openSsh("lsdef -t site -c", "unread input\n");

    assertThat(site.stdout()).isEqualTo("clustersite: master=10.0.0.1\n");
    assertThat(inputs).containsExactly(Optional.empty());
  }

  @Test
  void withDashNACommandThatReadsInputGetsNoneAndEnds() throws Exception {
    ExecResult fed = openSsh("cat", Optional.empty(), "-n");
    ExecResult site = openSsh("lsdef -t site -c", Optional.empty(), "-n");

    assertThat(fed.stdout()).isEqualTo("<no input>");
    assertThat(site.stdout()).isEqualTo("clustersite: master=10.0.0.1\n");
    assertThat(inputs).containsExactly(Optional.empty(), Optional.empty());
  }

  @Test
  void aMultiplexingOpenSshClientGetsEveryExitStatus() throws Exception {
    String[] mux = {
      "-o",
      "ControlMaster=auto",
      "-o",
      "ControlPath=" + dir.resolve("mux-%p"),
      "-o",
      "ControlPersist=60"
    };
    List<Integer> codes = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        codes.add(openSsh(i % 2 == 0 ? "fail" : "lsdef -t site -c", "", mux).exitCode().orElse(-1));
      }
    } finally {
      new ProcessBuilder(
              "/usr/bin/ssh",
              "-o",
              "ControlPath=" + dir.resolve("mux-%p"),
              "-p",
              String.valueOf(server.port()),
              "-O",
              "exit",
              "root@127.0.0.1")
          .redirectErrorStream(true)
          .start()
          .waitFor(10, TimeUnit.SECONDS);
    }

    for (int i = 0; i < codes.size(); i++) {
      assertThat(codes.get(i)).as("exit status of command %d", i).isEqualTo(i % 2 == 0 ? 3 : 0);
    }
  }

  @Test
  void hostKeyIsKeptAcrossRestartsAndOtherKnownHostsLinesSurvive() throws Exception {
    String firstKey = server.knownHostsLine().split(" ", 2)[1];
    Files.writeString(
        dir.resolve("known_hosts"),
        "otherhost ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOtherKeyLine\n",
        java.nio.file.StandardOpenOption.APPEND);
    int port = server.port();
    server.close();

    server = startServer(port);

    assertThat(server.knownHostsLine()).isEqualTo("[127.0.0.1]:" + port + " " + firstKey);
    assertThat(Files.readAllLines(dir.resolve("known_hosts")))
        .containsExactly(
            "otherhost ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOtherKeyLine", server.knownHostsLine());
  }
}
