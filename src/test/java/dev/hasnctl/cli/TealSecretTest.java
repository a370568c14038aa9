package dev.hasnctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Secret;
import dev.hasnctl.spec.Teal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the TEAL password is read from, and what is refused. */
class TealSecretTest {
  @TempDir Path dir;

  private static Optional<Teal> teal(String reference) {
    return Optional.of(
        new Teal(
            HostName.of("util01"),
            "aix71-teal",
            new Teal.Dsn(null, HostName.of("ems01"), null),
            null,
            null,
            reference,
            Optional.empty()));
  }

  private Path file(String content, String mode) throws Exception {
    Path file = dir.resolve("pw");
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  @Test
  void anEnvironmentVariableGivesThePasswordAndAnUnsetOneNothing() {
    Map<String, String> env = Map.of("XCATDB_PASSWORD", "cluster");

    Optional<Secret> set = TealSecret.read(teal("env:XCATDB_PASSWORD"), env::get);
    Optional<Secret> unset = TealSecret.read(teal("env:OTHER"), env::get);

    assertThat(set.map(s -> s.fill(Secret.SHOWN))).hasValue("cluster");
    assertThat(set.map(Secret::toString)).hasValue("env:XCATDB_PASSWORD (sensitive)");
    assertThat(unset).isEmpty();
  }

  @Test
  void aPrivateFileGivesItsContentWithoutTheTrailingNewline() throws Exception {
    Path file = file("db2root\n", "rw-------");

    assertThat(TealSecret.read(teal("file:" + file), name -> null).map(s -> s.fill(Secret.SHOWN)))
        .hasValue("db2root");
    assertThat(TealSecret.read(teal("file:" + dir.resolve("missing")), name -> null)).isEmpty();
  }

  @Test
  void aFileOthersMayReadIsRefusedAndNotShown() throws Exception {
    Path file = file("db2root\n", "rw-r--r--");

    assertThatThrownBy(() -> TealSecret.read(teal("file:" + file), name -> null))
        .isInstanceOf(CliFailure.class)
        .hasMessageContaining("chmod 600 " + file)
        .hasMessageNotContaining("db2root");
  }

  @Test
  void aPasswordWithALineBreakIsRefusedAndNotShown() throws Exception {
    Path file = file("db2\nroot\n", "rw-------");

    assertThatThrownBy(() -> TealSecret.read(teal("file:" + file), name -> null))
        .isInstanceOf(CliFailure.class)
        .hasMessageContaining("line break")
        .hasMessageNotContaining("root");
  }
}
