package dev.hasnctl.apply;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock one apply holds on its cluster's state directory, so two applies never run at once. An
 * operating-system file lock: released when the process ends, even by a crash, so it never goes
 * stale. The file says who holds it.
 */
public final class ApplyLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private ApplyLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock in {@code file}.
   *
   * @throws IllegalStateException naming the holder when another apply has it
   */
  public static ApplyLock take(Path file, String holder) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      String owner = Files.readString(file, StandardCharsets.UTF_8).strip();
      channel.close();
      throw new IllegalStateException(
          "another apply is running on this cluster ("
              + (owner.isEmpty() ? "holder unknown" : owner)
              + "); wait for it to finish (lock: "
              + file
              + ")");
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)));
    channel.force(true);
    return new ApplyLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
