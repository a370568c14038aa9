package dev.hasnctl.sim.serve;

import dev.hasnctl.sim.Execution;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.transport.ExecResult;
import java.time.Duration;
import java.util.Optional;

/**
 * The simulated EMS as a login shell: each command line runs through the simulator's shell on the
 * EMS of the state in a {@link SimStore}, under the store's lock, so commands from several channels
 * and processes never interleave.
 *
 * <p>Faults become what an SSH client would see: an injected hang really blocks (for its simulated
 * seconds, as wall-clock seconds) until the client's timeout ends it; a dropped connection or an
 * unreachable EMS drops the connection.
 */
public final class EmsShell implements ShellHandler {
  /** Longest real wait for a hang; a hung host hangs "forever", which a day stands for. */
  private static final Duration LONGEST_HANG = Duration.ofDays(1);

  private final SimStore store;
  private final String ems;

  private EmsShell(SimStore store, String ems) {
    this.store = store;
    this.ems = ems;
  }

  /**
   * The shell of the EMS in {@code store}.
   *
   * @throws IllegalArgumentException when the state has no EMS
   */
  public static EmsShell of(SimStore store) {
    String ems =
        store
            .snapshot()
            .ems()
            .orElseThrow(
                () -> new IllegalArgumentException("the simulated cluster has no EMS to serve"))
            .name;
    return new EmsShell(store, ems);
  }

  /** The EMS's host name. */
  public String emsName() {
    return ems;
  }

  private record Charged(Execution execution, Duration time) {}

  @Override
  public boolean readsInput(String commandLine) {
    return store.commands().readsInput(commandLine);
  }

  @Override
  public ExecResult run(String commandLine, Optional<String> stdin) throws InterruptedException {
    Charged charged =
        store.transact(
            cluster -> {
              Execution e = cluster.attempt(ems, commandLine, stdin);
              return new Charged(e, cluster.charged());
            });
    // What a real cluster would have taken, waited outside the lock: other channels run meanwhile.
    Thread.sleep(charged.time().toMillis(), charged.time().toNanosPart() % 1_000_000);
    Execution execution = charged.execution();
    if (execution instanceof Execution.Completed done) {
      return done.result();
    }
    if (execution instanceof Execution.Hung hung) {
      Duration hang =
          hung.seconds() >= LONGEST_HANG.toSeconds()
              ? LONGEST_HANG
              : Duration.ofSeconds(hung.seconds());
      Thread.sleep(hang.toMillis());
      if (hung.after() != null) {
        return hung.after();
      }
      throw new DroppedConnection("");
    }
    if (execution instanceof Execution.Dropped dropped) {
      throw new DroppedConnection(dropped.partialStdout());
    }
    throw new DroppedConnection(""); // the EMS itself became unreachable
  }
}
