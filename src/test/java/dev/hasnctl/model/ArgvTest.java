package dev.hasnctl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArgvTest {
  @Test
  void safeWordsStayBare() {
    assertThat(
            Argv.of("chdef", "-t", "site", "useNFSv4onAIX=yes", "/install/postscripts").toShell())
        .isEqualTo("chdef -t site useNFSv4onAIX=yes /install/postscripts");
  }

  @Test
  void metacharactersAreSingleQuoted() {
    assertThat(Argv.of("echo", "a b", "$(reboot)", "it's", "", "root=*").toShell())
        .isEqualTo("echo 'a b' '$(reboot)' 'it'\\''s' '' 'root=*'");
  }

  @Test
  void nulBytesAreRejected() {
    assertThatThrownBy(() -> Argv.of("cat", "a\0b")).isInstanceOf(IllegalArgumentException.class);
  }
}
