package dev.hasnctl.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hasnctl.model.HostName;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing of {@code --target} values. */
class TargetTest {
  @Test
  void localIsTheEmsItself() {
    assertThat(Target.parse("local")).isEqualTo(new Target.Local());
  }

  @Test
  void sshWithUserHostAndPort() {
    assertThat(Target.parse("ssh://root@ems01.example:2222"))
        .isEqualTo(new Target.Ssh(Optional.of("root"), HostName.of("ems01.example"), 2222));
  }

  @Test
  void sshDefaultsToPort22AndNoUser() {
    assertThat(Target.parse("ssh://127.0.0.1"))
        .isEqualTo(new Target.Ssh(Optional.empty(), HostName.of("127.0.0.1"), 22));
  }

  @Test
  void simKeepsThePathAsGiven() {
    assertThat(Target.parse("sim:/tmp/c.json")).isEqualTo(new Target.Sim(Path.of("/tmp/c.json")));
    assertThat(Target.parse("sim:relative/c.json"))
        .isEqualTo(new Target.Sim(Path.of("relative/c.json")));
  }

  @Test
  void printsBackInTheFormItWasParsedFrom() {
    assertThat(Target.parse("ssh://admin@ems:22").toString()).isEqualTo("ssh://admin@ems:22");
    assertThat(Target.parse("sim:/x").toString()).isEqualTo("sim:/x");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|it is empty",
        "remote|unknown kind of target",
        "ssh:/ems|unknown kind of target",
        "sim:|needs the path of a state file",
        "ssh://|the host is missing",
        "ssh://root@|the host is missing",
        "ssh://root@ems:0|port 0 is not in 1-65535",
        "ssh://root@ems:70000|port 70000 is not in 1-65535",
        "ssh://root@ems:ssh|port 'ssh' is not a number",
        "ssh://ro ot@ems|'ro ot' is not a valid user name",
        "ssh://root@ems_01|'ems_01' is not a valid host name",
        "ssh://root@ems/etc|no path, query or fragment",
        "ssh://a@b@ems|expected ssh://[USER@]HOST[:PORT]",
        "ssh://[::1]:22|expected ssh://[USER@]HOST[:PORT]",
      })
  void badValuesAreRefusedWithTheReasonAndTheAcceptedForms(String value, String reason) {
    assertThatThrownBy(() -> Target.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid --target '" + value + "'")
        .hasMessageContaining(reason)
        .hasMessageEndingWith("(expected local, ssh://[USER@]HOST[:PORT] or sim:PATH)");
  }
}
