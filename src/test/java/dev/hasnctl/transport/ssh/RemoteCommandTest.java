package dev.hasnctl.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line sent over SSH, and the known_hosts name of an endpoint. */
class RemoteCommandTest {
  private static final String PATH =
      "PATH=$PATH:/opt/xcat/bin:/opt/xcat/sbin:/usr/lpp/mmfs/bin:/usr/sbin:/usr/bin:/sbin:/bin ";
  private static final Argv COMMAND = Argv.of("cat", "/etc/exports", "it's");

  @Test
  void wrapModeRunsTheQuotedCommandUnderTimeout() {
    assertThat(RemoteCommand.commandLine(COMMAND, Duration.ofSeconds(30), RemoteTimeout.WRAP))
        .isEqualTo(PATH + "timeout -k 5 30 cat /etc/exports 'it'\\''s'");
  }

  @Test
  void signalModeSendsTheQuotedCommandAlone() {
    assertThat(RemoteCommand.commandLine(COMMAND, Duration.ofSeconds(30), RemoteTimeout.SIGNAL))
        .isEqualTo(PATH + COMMAND.toShell());
  }

  @Test
  void timeoutSecondsKeepMillisecondsAndAreNeverZero() {
    assertThat(RemoteCommand.seconds(Duration.ofMillis(1500))).isEqualTo("1.5");
    assertThat(RemoteCommand.seconds(Duration.ofMinutes(2))).isEqualTo("120");
    // timeout(1) reads 0 as "no limit"
    assertThat(RemoteCommand.seconds(Duration.ZERO)).isEqualTo("0.001");
  }

  @Test
  void knownHostsNameHasBracketsOnlyOffPort22() {
    assertThat(new Endpoint("root", HostName.of("ems01"), 22).knownHostsName()).isEqualTo("ems01");
    assertThat(new Endpoint("root", HostName.of("127.0.0.1"), 2222).knownHostsName())
        .isEqualTo("[127.0.0.1]:2222");
  }

  @Test
  void aMissingTimeoutCommandIsToldApartFromAMissingProgram() {
    assertThat(RemoteCommand.lacksTimeout(127, "sh: 1: timeout: not found\n")).isTrue();
    assertThat(RemoteCommand.lacksTimeout(127, "bash: line 1: timeout: command not found\n"))
        .isTrue();
    assertThat(RemoteCommand.lacksTimeout(127, "ksh: timeout:  not found.\n")).isTrue();
    assertThat(
            RemoteCommand.lacksTimeout(
                127, "timeout: failed to run command 'lsdef': No such file or directory\n"))
        .isFalse();
    assertThat(RemoteCommand.lacksTimeout(1, "sh: 1: timeout: not found\n")).isFalse();
  }
}
