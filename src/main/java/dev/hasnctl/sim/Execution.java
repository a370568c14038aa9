package dev.hasnctl.sim;

import dev.hasnctl.transport.ExecResult;

/**
 * What became of a command sent to a simulated host. Only {@link Completed} has output; the others
 * are what a transport reports as failures.
 */
public sealed interface Execution
    permits Execution.Completed, Execution.Unreachable, Execution.Hung, Execution.Dropped {

  /** The command ran to its end after {@code seconds} simulated seconds. */
  record Completed(ExecResult result, long seconds) implements Execution {}

  /** The host could not be reached; nothing ran. */
  record Unreachable(String reason) implements Execution {}

  /**
   * The command did not end: it hangs for {@code seconds} simulated seconds ({@link Long#MAX_VALUE}
   * for a hung host), then would complete with {@code after} (null if never).
   */
  record Hung(long seconds, String reason, ExecResult after) implements Execution {}

  /** The connection dropped after {@code partialStdout} arrived, without an exit status. */
  record Dropped(String partialStdout) implements Execution {}
}
