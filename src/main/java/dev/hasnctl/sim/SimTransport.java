package dev.hasnctl.sim;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.TransportException;
import dev.hasnctl.transport.TransportException.Layer;
import java.time.Duration;
import java.util.Optional;

/**
 * A transport into the simulator, in-process: the command line goes through {@code Argv.toShell()}
 * and the simulated shell, as it would over SSH. A down host fails to connect; a hang longer than
 * the timeout times out (simulated seconds are compared, nothing sleeps); a dropped connection is
 * {@link Layer#DROPPED}.
 */
public final class SimTransport implements Transport {
  private final SimStore store;

  public SimTransport(SimStore store) {
    this.store = store;
  }

  @Override
  public ExecResult exec(HostName host, Argv command, Optional<String> stdin, Duration timeout)
      throws TransportException {
    Execution[] execution = new Execution[1];
    Duration charged =
        store.transact(
            cluster -> {
              execution[0] = cluster.attempt(host.value(), command.toShell(), stdin);
              return cluster.charged();
            });
    waitCharged(host, charged);
    return result(host, execution[0], timeout);
  }

  /** Waits what the store's cost model charged, outside its lock, as a real cluster would take. */
  private static void waitCharged(HostName host, Duration charged) throws TransportException {
    if (charged.isZero()) {
      return;
    }
    try {
      Thread.sleep(charged.toMillis(), charged.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(Layer.DROPPED, host, "interrupted before the exit status");
    }
  }

  private static ExecResult result(HostName host, Execution execution, Duration timeout)
      throws TransportException {
    if (execution instanceof Execution.Completed done) {
      return done.result();
    }
    if (execution instanceof Execution.Unreachable unreachable) {
      throw new TransportException(Layer.CONNECT, host, "cannot connect: " + unreachable.reason());
    }
    if (execution instanceof Execution.Hung hung) {
      if (hung.after() != null && hung.seconds() <= timeout.toSeconds()) {
        return hung.after();
      }
      throw new TransportException(
          Layer.TIMEOUT, host, "no end within " + timeout + " (" + hung.reason() + ")");
    }
    throw new TransportException(Layer.DROPPED, host, "connection dropped before the exit status");
  }

  @Override
  public void close() {
    // Nothing to release: every exec took and released the store's lock.
  }
}
