package dev.hasnctl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files hasnctl writes where it runs (a saved plan, the spec, metrics): never half-written. */
final class LocalFiles {
  private LocalFiles() {}

  /**
   * Replaces {@code file} with {@code text}: written beside it as {@code FILE.tmp}, then renamed
   * over it, so a reader sees the old content or the new, never part of it.
   *
   * @throws CliFailure naming the file when it cannot be written
   */
  static void replace(Path file, String text) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CliFailure("cannot write " + file + ": " + e.getMessage());
    }
  }
}
