package dev.hasnctl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
      throw new CliFailure("cannot write " + file + ": " + why(e));
    }
  }

  /**
   * What went wrong with a local file, in words: the JDK's message for a missing directory or a
   * denied permission is the bare path.
   */
  static String why(IOException e) {
    if (e instanceof NoSuchFileException missing) {
      Path path = Path.of(missing.getFile());
      Path dir = path.toAbsolutePath().getParent();
      return dir != null && !Files.isDirectory(dir)
          ? "no such directory " + dir + " (create it first, or choose another path)"
          : "no such file " + path;
    }
    if (e instanceof AccessDeniedException denied) {
      return "permission denied on " + denied.getFile() + " (a read-only directory or file?)";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason() + " (" + fs.getFile() + ")";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
