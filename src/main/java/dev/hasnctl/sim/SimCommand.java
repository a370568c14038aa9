package dev.hasnctl.sim;

import dev.hasnctl.transport.ExecResult;

/**
 * One simulated command, found by program name (the last path component, so {@code /bin/cat} and
 * {@code cat} are the same command).
 *
 * <p>Contract: {@link #run} prints what the real command prints, with its exit code, and changes
 * the state only as the real command would. It never throws for bad arguments: it prints the real
 * usage error and exits non-zero. It runs with the cluster held, so it need not be thread-safe.
 */
public interface SimCommand {

  /** The program name, e.g. {@code lssrc}. */
  String name();

  /** Runs the command. */
  ExecResult run(Invocation invocation);

  /**
   * Whether the command never changes the state, so a store need not save after it. The default is
   * the safe answer.
   */
  default boolean readOnly() {
    return false;
  }
}
