package dev.hasnctl.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.HostileArguments;
import dev.hasnctl.transport.TransportException;
import dev.hasnctl.transport.TransportException.Layer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SSH transport against a real OpenSSH sshd on loopback. */
class SshTransportIT {
  @RegisterExtension static final OpenSshServer SERVER = new OpenSshServer();

  private static final HostName EMS = HostName.of("ems01");
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  private final List<SshTransport> opened = new ArrayList<>();

  @AfterEach
  void closeTransports() {
    opened.forEach(SshTransport::close);
  }

  private Endpoint endpoint() {
    return new Endpoint(SERVER.user(), HostName.of("127.0.0.1"), SERVER.port());
  }

  private SshOptions options() {
    return SshOptions.defaults()
        .withIdentity(SERVER.clientKey())
        .withKnownHosts(SERVER.knownHosts());
  }

  private SshTransport transport(SshOptions options) {
    SshTransport transport = SshTransport.toEms(EMS, endpoint(), options);
    opened.add(transport);
    return transport;
  }

  private SshTransport transport() {
    return transport(options());
  }

  @Test
  void runsACommandAndReturnsItsExitCode() throws Exception {
    ExecResult result =
        transport().exec(EMS, Argv.of("sh", "-c", "echo hello; exit 7"), TEN_SECONDS);

    assertThat(result.stdout()).isEqualTo("hello\n");
    assertThat(result.exitCode()).hasValue(7);
  }

  @Test
  void remotePathIncludesXcatAndAixDirectories() throws Exception {
    ExecResult result = transport().exec(EMS, Argv.of("sh", "-c", "echo \"$PATH\""), TEN_SECONDS);

    assertThat(result.stdout().trim().split(":", -1))
        .contains("/opt/xcat/bin", "/opt/xcat/sbin", "/usr/lpp/mmfs/bin", "/usr/sbin");
  }

  @Test
  void stderrIsKeptApartFromStdout() throws Exception {
    ExecResult result =
        transport().exec(EMS, Argv.of("sh", "-c", "echo out; echo err >&2"), TEN_SECONDS);

    assertThat(result.stdout()).isEqualTo("out\n");
    assertThat(result.stderr()).isEqualTo("err\n");
    assertThat(result.exitCode()).hasValue(0);
  }

  @Test
  void streamedOutputArrivesLineByLineWithStderrAndExitKept() throws Exception {
    List<String> lines = new ArrayList<>();
    ExecResult result =
        transport().stream(
            EMS,
            Argv.of(
                "sh",
                "-c",
                "seq 1 200000 | sed 's/^/cn: line /'; echo err >&2; printf 'ünïcode'; exit 2"),
            TEN_SECONDS,
            lines::add);

    assertThat(lines).hasSize(200_001);
    assertThat(lines.get(0)).isEqualTo("cn: line 1");
    assertThat(lines.get(199_999)).isEqualTo("cn: line 200000");
    assertThat(lines.get(200_000)).isEqualTo("ünïcode");
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr()).isEqualTo("err\n");
    assertThat(result.exitCode()).hasValue(2);
  }

  @Test
  void stdinReachesTheRemoteCommand() throws Exception {
    String input = "/install *(rw,sec=sys)\nünïcode ' \" $x\n";

    ExecResult result = transport().exec(EMS, Argv.of("cat"), Optional.of(input), TEN_SECONDS);

    assertThat(result.stdout()).isEqualTo(input);
  }

  @Test
  void hostileArgumentsSurviveTheRemoteShellVerbatim() throws Exception {
    ExecResult result = transport().exec(EMS, HostileArguments.printfCommand(), TEN_SECONDS);

    assertThat(result.stdout()).isEqualTo(HostileArguments.expectedOutput());
    assertThat(Path.of("/tmp/hasnctl-pwned")).doesNotExist();
  }

  @Test
  void unknownHostKeyIsRefusedNamingItsFingerprintAndHowToTrustIt() throws Exception {
    Path empty = Files.writeString(SERVER.dir().resolve("empty_known_hosts"), "");
    SshTransport strict = transport(options().withKnownHosts(empty));

    assertThatThrownBy(() -> strict.exec(EMS, Argv.of("true"), TEN_SECONDS))
        .isInstanceOfSatisfying(
            TransportException.class, e -> assertThat(e.layer()).isEqualTo(Layer.AUTH))
        .hasMessageContaining("host key of [127.0.0.1]:" + SERVER.port() + " is not known")
        .hasMessageContaining("ssh-ed25519 key " + SERVER.hostKeyFingerprint())
        .hasMessageContaining(
            "ssh-keyscan -p " + SERVER.port() + " -t ed25519 127.0.0.1 >> " + empty);
  }

  @Test
  void changedHostKeyIsRefusedAsAChange() throws Exception {
    String otherKey = Files.readString(SERVER.dir().resolve("other_ed25519.pub")).trim();
    Path stale =
        Files.writeString(
            SERVER.dir().resolve("stale_known_hosts"),
            "[127.0.0.1]:" + SERVER.port() + " " + otherKey + "\n");
    SshTransport strict = transport(options().withKnownHosts(stale));

    assertThatThrownBy(() -> strict.exec(EMS, Argv.of("true"), TEN_SECONDS))
        .isInstanceOfSatisfying(
            TransportException.class, e -> assertThat(e.layer()).isEqualTo(Layer.AUTH))
        .hasMessageContaining("has CHANGED")
        .hasMessageContaining(SERVER.hostKeyFingerprint())
        .hasMessageContaining("ssh-keygen -R '[127.0.0.1]:" + SERVER.port() + "'");
  }

  @Test
  void clientKeyNotInAuthorizedKeysIsRefused() {
    SshTransport stranger = transport(options().withIdentity(SERVER.otherKey()));

    assertThatThrownBy(() -> stranger.exec(EMS, Argv.of("true"), TEN_SECONDS))
        .isInstanceOfSatisfying(
            TransportException.class, e -> assertThat(e.layer()).isEqualTo(Layer.AUTH))
        .hasMessageContaining("refused our key (" + SERVER.otherKey() + ")");
  }

  @Test
  void nothingListeningIsAConnectFailure() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SshTransport nowhere =
        SshTransport.toEms(
            EMS, new Endpoint(SERVER.user(), HostName.of("127.0.0.1"), closedPort), options());
    opened.add(nowhere);

    assertThatThrownBy(() -> nowhere.exec(EMS, Argv.of("true"), TEN_SECONDS))
        .isInstanceOfSatisfying(
            TransportException.class, e -> assertThat(e.layer()).isEqualTo(Layer.CONNECT))
        .hasMessageContaining("cannot connect to " + SERVER.user() + "@127.0.0.1:" + closedPort);
  }

  @Test
  void directModeReachesAHostByItsName() throws Exception {
    SshTransport direct = SshTransport.direct(SERVER.user(), SERVER.port(), options());
    opened.add(direct);

    ExecResult result =
        direct.exec(HostName.of("127.0.0.1"), Argv.of("echo", "direct"), TEN_SECONDS);

    assertThat(result.stdout()).isEqualTo("direct\n");
  }

  @Test
  void hostsOtherThanTheEmsAreNotRouted() {
    assertThatThrownBy(() -> transport().exec(HostName.of("sn01"), Argv.of("true"), TEN_SECONDS))
        .isInstanceOfSatisfying(
            TransportException.class, e -> assertThat(e.layer()).isEqualTo(Layer.CONNECT))
        .hasMessageContaining("through xdsh");
  }

  @Test
  void timeoutEndsTheRemoteCommand() throws Exception {
    Path pidFile = SERVER.dir().resolve("sleeper.pid");
    Argv sleeper = Argv.of("sh", "-c", "echo $$ > " + pidFile + "; exec sleep 60");

    assertThatThrownBy(() -> transport().exec(EMS, sleeper, Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(
            TransportException.class, e -> assertThat(e.layer()).isEqualTo(Layer.TIMEOUT))
        .hasMessageContaining("did not finish within PT1S");

    long pid = Long.parseLong(Files.readString(pidFile).trim());
    // The transport has returned; the remote process must already be gone or going.
    Optional<ProcessHandle> sleeping = ProcessHandle.of(pid);
    if (sleeping.isPresent()) {
      sleeping.get().onExit().get(10, TimeUnit.SECONDS);
    }
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void commandsShareOneConnectionAcrossCallsAndThreads() throws Exception {
    SshTransport shared = transport();
    Argv whichConnection = Argv.of("sh", "-c", "echo $SSH_CONNECTION");
    String first = shared.exec(EMS, whichConnection, TEN_SECONDS).stdout();

    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<ExecResult>> parallel = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        parallel.add(pool.submit(() -> shared.exec(EMS, whichConnection, TEN_SECONDS)));
      }
      for (Future<ExecResult> result : parallel) {
        assertThat(result.get().stdout()).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(first).startsWith("127.0.0.1 ").endsWith(" " + SERVER.port() + "\n");
    assertThat(shared.isConnected(endpoint())).isTrue();
  }

  @Test
  void commandKilledBySignalHasNoExitCode() throws Exception {
    ExecResult result =
        transport(options().withRemoteTimeout(RemoteTimeout.SIGNAL))
            .exec(EMS, Argv.of("sh", "-c", "echo partial; kill -KILL $$"), TEN_SECONDS);

    assertThat(result.exitCode()).isEmpty();
    assertThat(result.succeeded()).isFalse();
    assertThat(result.stdout()).isEqualTo("partial\n");
    assertThat(result.stderr()).contains("signal KILL");
  }

  @Test
  void droppedConnectionIsReportedAndTheNextCommandReconnects() throws Exception {
    SshTransport transport = transport();
    assertThat(transport.exec(EMS, Argv.of("true"), TEN_SECONDS).succeeded()).isTrue();
    CompletableFuture<ExecResult> sleeping =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return transport.exec(EMS, Argv.of("sleep", "30"), Duration.ofSeconds(60));
              } catch (TransportException e) {
                throw new java.util.concurrent.CompletionException(e);
              }
            });
    // The session's sshd process serves our one connection: killing it drops the connection.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (SERVER.sessionProcesses().stream().noneMatch(p -> p.children().findAny().isPresent())
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    SERVER.sessionProcesses().forEach(ProcessHandle::destroyForcibly);

    assertThatThrownBy(sleeping::join)
        .hasCauseInstanceOf(TransportException.class)
        .satisfies(
            e -> assertThat(((TransportException) e.getCause()).layer()).isEqualTo(Layer.DROPPED));
    assertThat(transport.exec(EMS, Argv.of("echo", "again"), TEN_SECONDS).stdout())
        .isEqualTo("again\n");
  }
}
