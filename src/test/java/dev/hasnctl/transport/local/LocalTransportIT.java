package dev.hasnctl.transport.local;

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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local transport against real processes. */
class LocalTransportIT {
  private static final HostName EMS = HostName.of("ems01");
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  private final LocalTransport local = new LocalTransport(EMS);

  @Test
  void nonZeroExitIsReturnedNotThrown() throws Exception {
    ExecResult result = local.exec(EMS, Argv.of("sh", "-c", "exit 3"), TEN_SECONDS);

    assertThat(result.exitCode()).hasValue(3);
    assertThat(result.succeeded()).isFalse();
  }

  @Test
  void stdoutAndStderrAreKeptApart() throws Exception {
    ExecResult result =
        local.exec(EMS, Argv.of("sh", "-c", "echo out; echo err >&2; echo out2"), TEN_SECONDS);

    assertThat(result.stdout()).isEqualTo("out\nout2\n");
    assertThat(result.stderr()).isEqualTo("err\n");
    assertThat(result.exitCode()).hasValue(0);
  }

  @Test
  void streamedOutputArrivesLineByLineWithStderrAndExitKept() throws Exception {
    List<String> lines = new ArrayList<>();
    ExecResult result =
        local.stream(
            EMS,
            Argv.of(
                "sh",
                "-c",
                "seq 1 200000 | sed 's/^/cn: line /'; echo err >&2; printf last; exit 2"),
            TEN_SECONDS,
            lines::add);

    assertThat(lines).hasSize(200_001);
    assertThat(lines.get(0)).isEqualTo("cn: line 1");
    assertThat(lines.get(199_999)).isEqualTo("cn: line 200000");
    assertThat(lines.get(200_000)).isEqualTo("last");
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr()).isEqualTo("err\n");
    assertThat(result.exitCode()).hasValue(2);
  }

  @Test
  void aReaderFailingOnAStreamedLineFailsTheCallAfterTheCommandEnded() {
    assertThatThrownBy(
            () ->
                local.stream(
                    EMS,
                    Argv.of("sh", "-c", "seq 1 100000"),
                    TEN_SECONDS,
                    line -> {
                      if (line.equals("50000")) {
                        throw new IllegalStateException("unreadable: " + line);
                      }
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("unreadable: 50000");
  }

  @Test
  void stdinReachesTheCommand() throws Exception {
    ExecResult result =
        local.exec(EMS, Argv.of("cat"), Optional.of("line 1\nline 2 ünïcode\n"), TEN_SECONDS);

    assertThat(result.stdout()).isEqualTo("line 1\nline 2 ünïcode\n");
  }

  @Test
  void withoutStdinTheCommandSeesEndOfInput() throws Exception {
    ExecResult result = local.exec(EMS, Argv.of("cat"), TEN_SECONDS);

    assertThat(result.stdout()).isEmpty();
    assertThat(result.exitCode()).hasValue(0);
  }

  @Test
  void hostileArgumentsReachTheProgramVerbatim() throws Exception {
    ExecResult result = local.exec(EMS, HostileArguments.printfCommand(), TEN_SECONDS);

    assertThat(result.stdout()).isEqualTo(HostileArguments.expectedOutput());
    assertThat(Path.of("/tmp/hasnctl-pwned")).doesNotExist();
  }

  @Test
  void timeoutKillsTheProcessAndItsChildren(@TempDir Path dir) throws Exception {
    Path pid = dir.resolve("child.pid");
    Argv script = Argv.of("sh", "-c", "sleep 60 & echo $! > " + pid + "; wait");

    assertThatThrownBy(() -> local.exec(EMS, script, Duration.ofMillis(700)))
        .isInstanceOfSatisfying(
            TransportException.class, e -> assertThat(e.layer()).isEqualTo(Layer.TIMEOUT))
        .hasMessageContaining("did not finish within 700 ms");

    long child = Long.parseLong(Files.readString(pid).trim());
    Optional<ProcessHandle> handle = ProcessHandle.of(child);
    if (handle.isPresent()) {
      handle.get().onExit().get(); // killed asynchronously: wait for its end, which must come
    }
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
  }

  @Test
  void commandThatIgnoresTermIsStillKilled() {
    Argv stubborn = Argv.of("sh", "-c", "trap '' TERM; while :; do sleep 1; done");

    assertThatThrownBy(() -> local.exec(EMS, stubborn, Duration.ofMillis(500)))
        .isInstanceOfSatisfying(
            TransportException.class, e -> assertThat(e.layer()).isEqualTo(Layer.TIMEOUT));
  }

  @Test
  void missingProgramExits127LikeAShell() throws Exception {
    ExecResult result = local.exec(EMS, Argv.of("no-such-program-hasnctl"), TEN_SECONDS);

    assertThat(result.exitCode()).hasValue(127);
    assertThat(result.stderr()).contains("no-such-program-hasnctl");
  }

  @Test
  void pathIsExtendedWithXcatAndAixDirectories() throws Exception {
    LocalTransport minimal = new LocalTransport(EMS, Map.of("PATH", "/usr/local/bin"));

    ExecResult result = minimal.exec(EMS, Argv.of("sh", "-c", "echo \"$PATH\""), TEN_SECONDS);

    assertThat(result.stdout().trim())
        .isEqualTo(
            "/usr/local/bin:/opt/xcat/bin:/opt/xcat/sbin:/usr/lpp/mmfs/bin:/usr/sbin:/usr/bin"
                + ":/sbin:/bin");
  }

  @Test
  void otherHostsThanTheEmsAreRefused() {
    assertThatThrownBy(() -> local.exec(HostName.of("sn01"), Argv.of("true"), TEN_SECONDS))
        .isInstanceOfSatisfying(
            TransportException.class, e -> assertThat(e.layer()).isEqualTo(Layer.CONNECT))
        .hasMessageContaining("only on the EMS (ems01)")
        .hasMessageContaining("xdsh");
  }

  @Test
  void theEmsIsAcceptedByItsFullName() throws Exception {
    ExecResult result =
        local.exec(HostName.of("EMS01.cluster.example"), Argv.of("true"), TEN_SECONDS);

    assertThat(result.succeeded()).isTrue();
  }
}
