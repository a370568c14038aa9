package dev.hasnctl.cli;

import dev.hasnctl.apply.ClusterState;
import dev.hasnctl.apply.LockInfo;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/** Taking and releasing the cluster's apply lock around a command that changes the cluster. */
final class Locks {
  private Locks() {}

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
    try {
      return body.get();
    } finally {
      state.unlock(lock.id());
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
