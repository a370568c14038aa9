package dev.hasnctl.apply;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The apply state that belongs to a cluster, kept on its EMS under {@value #DIR} and reached
 * through the transport, so every admin's hasnctl meets the same lock and journal (for a simulated
 * cluster, files of its simulated EMS, inside its state file): the lock {@code apply.lock} (a
 * directory, created atomically by {@code mkdir}, holding {@code info}), the journal {@code
 * journal.jsonl} and the plan being applied, {@code apply-plan.json}.
 *
 * <p>Contract: every method runs commands on the EMS only; a command that fails is an {@link
 * IllegalStateException} naming the EMS, the file and what it printed.
 */
public final class ClusterState {
  /** Where the state lives on the EMS. */
  public static final String DIR = "/var/lib/hasnctl";

  private static final String LOCK = DIR + "/apply.lock";
  private static final String LOCK_INFO = LOCK + "/info";

  private final Transport transport;
  private final HostName ems;
  private final Duration timeout;

  public ClusterState(Transport transport, HostName ems, Duration timeout) {
    this.transport = transport;
    this.ems = ems;
    this.timeout = timeout;
  }

  /** Thrown when another apply holds the lock; says who, and how to release a stale one. */
  public static final class LockHeld extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Optional<LockInfo> holder;

    LockHeld(String message, Optional<LockInfo> holder) {
      super(message);
      this.holder = holder;
    }

    /** The holder as its lock records it; empty when the record is missing or unreadable. */
    public Optional<LockInfo> holder() {
      return holder;
    }
  }

  /**
   * Takes the cluster's apply lock for {@code info}: atomic on the EMS ({@code mkdir} fails when
   * the lock exists).
   *
   * @throws LockHeld naming the holder when another apply has it
   */
  public LockInfo lock(LockInfo info) {
    String script =
        Argv.of("mkdir", "-p", DIR).toShell()
            + " && "
            + Argv.of("mkdir", LOCK).toShell()
            + " && "
            + Argv.of("cat").toShell()
            + " > "
            + Argv.quote(LOCK_INFO);
    ExecResult taken = exec(Argv.of("sh", "-c", script), Optional.of(info.toJson() + "\n"));
    if (taken.succeeded()) {
      return info;
    }
    Optional<LockInfo> holder = holder();
    if (holder.isEmpty() && !exists(LOCK)) {
      throw new IllegalStateException(
          "cannot create the lock "
              + LOCK
              + " on "
              + ems
              + ": "
              + (taken.stderr().isBlank() ? "exit " + taken.exitCode() : taken.stderr().strip()));
    }
    throw new LockHeld(
        "another apply holds this cluster's lock: "
            + holder
                .map(LockInfo::describe)
                .orElse("lock " + LOCK + " on " + ems + " (its holder record is missing)")
            + ". Wait for it to finish; if that apply is gone (its process killed, its machine"
            + " lost), release the lock with: hasnctl unlock "
            + holder.map(LockInfo::id).orElse("LOCK-ID")
            + " SPEC",
        holder);
  }

  /** Who holds the lock now, if anyone. */
  public Optional<LockInfo> holder() {
    return read(LOCK_INFO).flatMap(text -> LockInfo.parse(text.strip()));
  }

  /**
   * Releases the lock whose id is {@code id}: the holder's own release, or an admin's {@code
   * hasnctl unlock ID} for a holder that is gone.
   *
   * @throws IllegalStateException when no lock is held, or another one is (its id differs)
   */
  public void unlock(String id) {
    Optional<LockInfo> holder = holder();
    if (holder.isEmpty()) {
      if (exists(LOCK)) {
        throw new IllegalStateException(
            "the lock "
                + LOCK
                + " on "
                + ems
                + " has no readable holder record; check no apply runs, then remove it by hand:"
                + " rm -r "
                + LOCK);
      }
      throw new IllegalStateException(
          "this cluster is not locked (no " + LOCK + " on " + ems + ")");
    }
    if (!holder.get().id().equals(id)) {
      throw new IllegalStateException(
          "lock id "
              + id
              + " does not match the lock held: "
              + holder.get().describe()
              + "; nothing was released");
    }
    ExecResult removed = exec(Argv.of("rm", "-r", LOCK), Optional.empty());
    if (!removed.succeeded()) {
      throw failure("remove", LOCK, removed);
    }
  }

  /** The cluster's journal. */
  public JournalStore journal() {
    String file = DIR + "/journal.jsonl";
    return new JournalStore() {
      @Override
      public void start(String first) {
        write(file, first + "\n");
      }

      @Override
      public void append(String line) {
        ExecResult r =
            exec(Argv.of("sh", "-c", "cat >> " + Argv.quote(file)), Optional.of(line + "\n"));
        if (!r.succeeded()) {
          throw failure("append to", file, r);
        }
      }

      @Override
      public List<String> lines() {
        return read(file).map(text -> text.lines().toList()).orElse(List.of());
      }

      @Override
      public String where() {
        return file + " on " + ems;
      }
    };
  }

  /** The content of {@code DIR/name}, if it exists. */
  public Optional<String> read(String file) {
    if (!exists(file)) {
      return Optional.empty();
    }
    ExecResult r = execRetrying(Argv.of("cat", file), Optional.empty());
    if (!r.succeeded()) {
      throw failure("read", file, r);
    }
    return Optional.of(r.stdout());
  }

  /** Replaces {@code file} with {@code content}: written beside, then renamed over it. */
  public void write(String file, String content) {
    String next = file + ".new";
    String script =
        Argv.of("mkdir", "-p", DIR).toShell()
            + " && "
            + Argv.of("cat").toShell()
            + " > "
            + Argv.quote(next)
            + " && "
            + Argv.of("mv", next, file).toShell();
    ExecResult r = exec(Argv.of("sh", "-c", script), Optional.of(content));
    if (!r.succeeded()) {
      throw failure("write", file, r);
    }
  }

  /** The plan being applied, saved for {@code --resume}. */
  public static String planFile() {
    return DIR + "/apply-plan.json";
  }

  /** Where the state is, for messages. */
  public String where() {
    return DIR + " on " + ems;
  }

  private boolean exists(String path) {
    return exec(Argv.of("test", "-e", path), Optional.empty()).succeeded();
  }

  private ExecResult execRetrying(Argv command, Optional<String> stdin) {
    try {
      return transport.exec(ems, command, stdin, timeout);
    } catch (TransportException e) {
      return exec(command, stdin);
    }
  }

  private ExecResult exec(Argv command, Optional<String> stdin) {
    try {
      return transport.exec(ems, command, stdin, timeout);
    } catch (TransportException e) {
      throw new IllegalStateException(
          "cannot reach the EMS for the apply state in " + DIR + ": " + e.getMessage(), e);
    }
  }

  private IllegalStateException failure(String what, String file, ExecResult r) {
    return new IllegalStateException(
        "cannot "
            + what
            + " "
            + file
            + " on "
            + ems
            + ": "
            + (r.stderr().isBlank() ? "exit " + r.exitCode() : r.stderr().strip()));
  }
}
