package dev.hasnctl.cli;

import dev.hasnctl.apply.ClusterState;
import dev.hasnctl.apply.LockInfo;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Taking and releasing the cluster's apply lock around a command that changes the cluster. */
final class Locks {
  private Locks() {}

  /**
   * Releases {@code lock}, once more if the first try fails (a dropped SSH connection is opened
   * again by the next command). Never hides why the apply itself failed ({@code failed}): a lock
   * that cannot be released is then only added to it.
   */
  private static void release(
      ClusterState state, LockInfo lock, Session session, RuntimeException failed) {
    try {
      state.unlock(lock.id());
    } catch (RuntimeException first) {
      try {
        state.unlock(lock.id());
      } catch (RuntimeException again) {
        CliFailure stuck =
            new CliFailure(
                "the cluster's lock "
                    + lock.id()
                    + " could not be released ("
                    + again.getMessage()
                    + "); once the EMS answers: hasnctl unlock "
                    + lock.id()
                    + " "
                    + session.specFile);
        if (failed == null) {
          throw stuck;
        }
        failed.addSuppressed(stuck);
      }
    }
  }

  /** Runs {@code body} holding the lock of {@code session}'s cluster for {@code plan}. */
  static <T> T holding(Session session, String plan, Supplier<T> body) {
    ClusterState state = session.clusterState();
    LockInfo lock;
    try {
      lock = state.lock(session.lockFor(plan));
    } catch (ClusterState.LockHeld e) {
      throw new CliFailure(refusal(e, session.specFile));
    } catch (IllegalStateException e) {
      throw new CliFailure(e.getMessage());
    }
    CountDownLatch released = new CountDownLatch(1);
    // On Ctrl-C the apply stops and this thread releases the lock below; should it not get there
    // in time, the shutdown hook releases the lock itself so that it is not left stale.
    Thread hook =
        new Thread(
            () -> {
              try {
                if (!released.await(Interruption.GRACE_SECONDS + 5, TimeUnit.SECONDS)) {
                  state.unlock(lock.id());
                }
              } catch (InterruptedException | RuntimeException e) {
                // Nothing more can be done while the JVM exits; the next apply names the lock.
              }
            },
            "hasnctl-unlock");
    Runtime.getRuntime().addShutdownHook(hook);
    RuntimeException failed = null;
    try {
      return body.get();
    } catch (RuntimeException e) {
      failed = e;
      throw e;
    } finally {
      try {
        release(state, lock, session, failed);
      } finally {
        released.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // The hook is running and finds the lock released.
        }
      }
    }
  }

  /** What a refused apply prints: who holds the lock, and how to release it if they are gone. */
  static String refusal(ClusterState.LockHeld e, Path spec) {
    return e.holder()
        .map(
            h ->
                "another apply holds this cluster's lock: "
                    + h.describe()
                    + ". Wait for it to finish; if that apply is gone (killed, its machine lost),"
                    + " release the lock with: hasnctl unlock "
                    + h.id()
                    + " "
                    + spec)
        .orElse(e.getMessage());
  }

  /** This machine's name, for the lock record. */
  static String thisMachine() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "unknown host" : env;
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
