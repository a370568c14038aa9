package dev.hasnctl.sim.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The server's reading of the SSH transport's PATH and {@code timeout} prefixes. */
class ClientPrefixTest {
  private static final String PATH = "PATH=$PATH:/opt/xcat/bin:/usr/sbin ";

  @Test
  void theTransportsFormGivesLimitAndCommand() {
    assertThat(ClientPrefix.strip(PATH + "timeout -k 5 300 lsdef -t site -c"))
        .isEqualTo(new ClientPrefix(Optional.of(Duration.ofMinutes(5)), "lsdef -t site -c"));
  }

  @Test
  void pathAloneIsTakenOff() {
    assertThat(ClientPrefix.strip(PATH + "lsdef -t site"))
        .isEqualTo(new ClientPrefix(Optional.empty(), "lsdef -t site"));
  }

  @Test
  void fractionalSecondsAndUnitsAreRead() {
    assertThat(ClientPrefix.strip("timeout 1.5 cat").limit()).contains(Duration.ofMillis(1500));
    assertThat(ClientPrefix.strip("timeout --signal=KILL 2m cat").limit())
        .contains(Duration.ofMinutes(2));
    assertThat(ClientPrefix.strip("timeout 0 cat").limit()).isEmpty();
  }

  @Test
  void quotedArgumentsAndNewlinesStayInTheCommand() {
    assertThat(ClientPrefix.strip("timeout -k 5 10 printf '%s\\n' 'a\nb'").command())
        .isEqualTo("printf '%s\\n' 'a\nb'");
  }

  @Test
  void anythingElseIsLeftAlone() {
    for (String line :
        new String[] {
          "lsdef -t site", "timeouts 5 cat", "timeout 5", "timeout abc cat", "PATH=x"
        }) {
      assertThat(ClientPrefix.strip(line)).isEqualTo(new ClientPrefix(Optional.empty(), line));
    }
  }
}
