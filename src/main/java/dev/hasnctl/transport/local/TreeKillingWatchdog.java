package dev.hasnctl.transport.local;

import java.time.Duration;
import java.util.List;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.Watchdog;

/**
 * A watchdog that, on timeout, kills the process and its descendants with SIGKILL, so neither a
 * command that ignores SIGTERM nor a wrapper's children (a script's {@code sleep}) outlive it.
 */
final class TreeKillingWatchdog extends ExecuteWatchdog {
  private Process process;

  // The builder cannot be subclassed and the (long) constructor is the only one a subclass can
  // call; its deprecation is about the long-vs-Duration signature, not the behaviour.
  @SuppressWarnings("deprecation")
  TreeKillingWatchdog(Duration timeout) {
    super(Math.max(1, timeout.toMillis()));
  }

  @Override
  public synchronized void start(Process process) {
    this.process = process;
    super.start(process);
  }

  @Override
  public synchronized void timeoutOccured(Watchdog watchdog) {
    // Descendants are listed first: once the parent dies they are re-parented and out of reach.
    List<ProcessHandle> descendants = process == null ? List.of() : process.descendants().toList();
    super.timeoutOccured(watchdog); // marks the process as killed, then SIGTERM
    if (killedProcess()) {
      descendants.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly(); // a command that ignores SIGTERM must not hang the run
    }
  }
}
