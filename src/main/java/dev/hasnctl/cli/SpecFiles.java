package dev.hasnctl.cli;

import dev.hasnctl.spec.SpecLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads spec files for commands, bounded so a huge file is refused without reading it whole. */
final class SpecFiles {
  private SpecFiles() {}

  /**
   * Reads and loads {@code file}.
   *
   * @throws CliFailure when the file cannot be read, with a message naming it
   */
  static SpecLoader.Result load(Path file) {
    return SpecLoader.load(read(file), file.toString());
  }

  /** The first {@code MAX_BYTES + 1} bytes of {@code file}: enough for the loader to refuse it. */
  static byte[] read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(SpecLoader.MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new CliFailure("cannot read " + file + ": no such file");
    } catch (IOException e) {
      throw new CliFailure("cannot read " + file + ": " + e.getMessage());
    }
  }
}
