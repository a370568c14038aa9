package dev.hasnctl.sim.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The server's reading of a leading coreutils {@code timeout}. */
class TimeoutPrefixTest {
  @Test
  void theTransportsFormGivesLimitAndCommand() {
    assertThat(TimeoutPrefix.parse("timeout -k 5 300 lsdef -t site -c"))
        .contains(new TimeoutPrefix(Duration.ofMinutes(5), "lsdef -t site -c"));
  }

  @Test
  void fractionalSecondsAndUnitsAreRead() {
    assertThat(TimeoutPrefix.parse("timeout 1.5 cat"))
        .map(TimeoutPrefix::limit)
        .contains(Duration.ofMillis(1500));
    assertThat(TimeoutPrefix.parse("timeout --signal=KILL 2m cat"))
        .map(TimeoutPrefix::limit)
        .contains(Duration.ofMinutes(2));
  }

  @Test
  void quotedArgumentsAndNewlinesStayInTheCommand() {
    assertThat(TimeoutPrefix.parse("timeout -k 5 10 printf '%s\\n' 'a\nb'"))
        .map(TimeoutPrefix::command)
        .contains("printf '%s\\n' 'a\nb'");
  }

  @Test
  void anythingElseIsNoPrefix() {
    assertThat(TimeoutPrefix.parse("lsdef -t site")).isEqualTo(Optional.empty());
    assertThat(TimeoutPrefix.parse("timeouts 5 cat")).isEmpty();
    assertThat(TimeoutPrefix.parse("timeout 5")).isEmpty();
    assertThat(TimeoutPrefix.parse("timeout abc cat")).isEmpty();
  }
}
