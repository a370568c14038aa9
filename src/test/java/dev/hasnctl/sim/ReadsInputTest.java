package dev.hasnctl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which command lines read their standard input, so a server knows which to start at once. */
class ReadsInputTest {
  private final SimCommands commands = SimCommands.standard();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cat",
        "cat -",
        "grep -q '^/install'",
        "sed -e 's/a/b/'",
        "sh -c 'cat >> /var/lib/hasnctl/journal'",
        "sh -c 'mkdir -p /var/lib/hasnctl && mkdir /var/lib/hasnctl/lock && cat > /x/info'",
        "true; cat > /tmp/x",
      })
  void aFilterReadsItsInput(String line) {
    assertThat(commands.readsInput(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lsdef -t site -c",
        "cat /etc/exports",
        "grep -q '^/install' /etc/exports",
        "sed -e 's/a/b/' /etc/exports",
        "cat < /etc/exports",
        "lsdef -t node -c | grep servicenode",
        "sh -c 'lssrc -a'",
        "xdsh sn01 'cat /etc/exports'",
        "frobnicate --all",
        "echo 'unterminated",
      })
  void aCommandThatNamesItsInputOrReadsNoneDoesNot(String line) {
    assertThat(commands.readsInput(line)).isFalse();
  }

  @Test
  void theFileCommandsAloneStillKnowCat() {
    assertThat(SimCommands.builtin().readsInput("cat")).isTrue();
  }
}
