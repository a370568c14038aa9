package dev.hasnctl.cli;

import dev.hasnctl.model.Secret;
import dev.hasnctl.spec.Teal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads the TEAL DB2 password from where the spec's reference points: {@code env:NAME}, an
 * environment variable, or {@code file:PATH}, a file only its owner may read (one trailing newline
 * is not part of the password). Nothing read here is ever printed.
 */
final class TealSecret {
  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private TealSecret() {}

  /**
   * The password, or empty when the spec has no TEAL node or its reference names an unset variable
   * or a missing file (plan then shows the files holding it as unknown, and apply does not write
   * them).
   *
   * @throws CliFailure when the file is readable by others than its owner
   */
  static Optional<Secret> read(Optional<Teal> teal, UnaryOperator<String> environment) {
    Optional<Secret> secret = readReference(teal, environment);
    if (secret.isPresent() && secret.get().fill(Secret.SHOWN).matches("(?s).*[\\r\\n].*")) {
      throw new CliFailure(
          "teal.password: "
              + secret.get().reference()
              + " gives a password with a line break, which db2cli.ini cannot hold");
    }
    return secret;
  }

  private static Optional<Secret> readReference(
      Optional<Teal> teal, UnaryOperator<String> environment) {
    if (teal.isEmpty()) {
      return Optional.empty();
    }
    String reference = teal.get().password();
    if (reference.startsWith("env:")) {
      String value = environment.apply(reference.substring(4));
      return value == null || value.isEmpty()
          ? Optional.empty()
          : Optional.of(new Secret(reference, value.getBytes(StandardCharsets.UTF_8)));
    }
    Path file = Path.of(reference.substring("file:".length()));
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Set<PosixFilePermission> permissions =
          Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
      if (permissions.stream().anyMatch(OTHERS::contains)) {
        throw new CliFailure(
            "teal.password: "
                + file
                + " may be read by others than its owner: chmod 600 "
                + file
                + " (its content was not read)");
      }
      byte[] bytes = Files.readAllBytes(file);
      int end = bytes.length;
      if (end > 0 && bytes[end - 1] == '\n') {
        end--;
      }
      byte[] value = Arrays.copyOf(bytes, end);
      Arrays.fill(bytes, (byte) 0);
      return end == 0 ? Optional.empty() : Optional.of(new Secret(reference, value));
    } catch (IOException e) {
      throw new CliFailure(
          "teal.password: cannot read " + file + ": " + e.getClass().getSimpleName());
    } catch (UnsupportedOperationException e) {
      throw new CliFailure(
          "teal.password: " + file + " is on a filesystem without POSIX permissions; use env:NAME");
    }
  }
}
