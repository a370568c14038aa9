package dev.hasnctl.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The simulated cluster's state file: every access holds an exclusive lock on {@code PATH.lock}, so
 * two processes never interleave; every save writes a temporary file, syncs it and renames it over
 * {@code PATH}, keeping the previous state as {@code PATH.bak}, so a crash never leaves a torn
 * file.
 *
 * <p>The state stays in memory between accesses and is re-read only when another process replaced
 * the file, so a long-running server sees faults injected from another process. Thread-safe.
 */
public final class SimStore {
  /** Serialises stores of one path inside this JVM, where file locks do not exclude each other. */
  private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

  private final Path path;
  private final SimCommands commands;
  private volatile CostModel cost = CostModel.FREE;
  private SimState state;
  private Object loadedStamp;

  private SimStore(Path path, SimState state, SimCommands commands) {
    this.path = path;
    this.state = state;
    this.commands = commands;
  }

  /**
   * Makes every later command charge what {@code model} says (see {@link SimCluster#charged});
   * {@link CostModel#FREE} until then. Set it before serving: commands already running keep theirs.
   */
  public void costModel(CostModel model) {
    this.cost = Objects.requireNonNull(model);
  }

  /** The commands its hosts know. */
  public SimCommands commands() {
    return commands;
  }

  /** The store of the existing state file {@code path}. */
  public static SimStore open(Path path) {
    return open(path, SimCommands.standard());
  }

  /** The store of the existing state file {@code path}, running {@code commands}. */
  public static SimStore open(Path path, SimCommands commands) {
    Path absolute = path.toAbsolutePath().normalize();
    if (!Files.isRegularFile(absolute)) {
      throw new UncheckedIOException(
          new IOException("no simulated cluster state at " + path + "; run hasnctl sim init"));
    }
    return new SimStore(absolute, null, commands);
  }

  /** A store that keeps {@code state} in memory only, for tests and one-shot runs. */
  public static SimStore inMemory(SimState state, SimCommands commands) {
    return new SimStore(null, Objects.requireNonNull(state), commands);
  }

  /** Writes {@code state} to {@code path} under the lock, replacing any state there. */
  public static void create(Path path, SimState state) {
    SimStore store = new SimStore(path.toAbsolutePath().normalize(), state, SimCommands.builtin());
    store.locked(
        () -> {
          store.save();
          return null;
        });
  }

  /**
   * Runs {@code action} on the current state with the lock held, saving the state afterwards if it
   * changed.
   */
  public <T> T transact(Function<SimCluster, T> action) {
    return locked(
        () -> {
          reloadIfReplaced();
          SimCluster cluster = new SimCluster(state, commands, cost);
          T result = action.apply(cluster);
          if (cluster.changed() && path != null) {
            save();
          }
          return result;
        });
  }

  /** A copy of the current state, for reading. */
  public SimState snapshot() {
    return locked(
        () -> {
          reloadIfReplaced();
          return SimJson.copy(state);
        });
  }

  private <T> T locked(java.util.function.Supplier<T> body) {
    if (path == null) {
      synchronized (this) {
        return body.get();
      }
    }
    synchronized (MONITORS.computeIfAbsent(path, p -> new Object())) {
      Path lockFile = sibling(".lock");
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        T result = body.get();
        lock.release();
        return result;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot lock " + lockFile, e);
      }
    }
  }

  private void reloadIfReplaced() {
    if (path == null) {
      return;
    }
    try {
      Object stamp = stamp();
      if (state == null || !stamp.equals(loadedStamp)) {
        state = SimJson.read(Files.readAllBytes(path));
        loadedStamp = stamp;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private Object stamp() throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    return List.of(
        String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
  }

  private void save() {
    Path temp = sibling(".tmp");
    Path backup = sibling(".bak");
    try {
      try (FileChannel out =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(SimJson.write(state));
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        out.force(true);
      }
      if (Files.exists(path)) {
        // A hard link keeps PATH in place until the rename replaces it: there is never a moment
        // without a state file.
        Files.deleteIfExists(backup);
        Files.createLink(backup, path);
      }
      Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory();
      loadedStamp = stamp();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + path, e);
    }
  }

  private void syncDirectory() {
    try (FileChannel dir = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a directory; the rename is still atomic there.
    }
  }

  private Path sibling(String suffix) {
    return path.resolveSibling(path.getFileName() + suffix);
  }
}
