package dev.hasnctl.sim;

import dev.hasnctl.transport.ExecResult;
import java.util.List;

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
   * Whether the command never changes the state itself, so a store need not save after it. A
   * command that runs others through the cluster ({@code sh -c}, {@code xdsh}) may say so: each
   * command it runs answers for itself. The default is the safe answer.
   */
  default boolean readOnly() {
    return false;
  }

  /**
   * Whether the command, run with {@code args}, never changes the state: {@code no -o NAME} reads a
   * tunable, {@code no -p -o NAME=1} sets it. The default is {@link #readOnly()}.
   */
  default boolean readOnly(List<String> args) {
    return readOnly();
  }

  /**
   * Whether the command, run with {@code args}, reads its standard input. A server starts a command
   * that does not at once, without waiting for the client's input, as sshd does; one that does is
   * given all of the client's input. {@code commands} resolves commands nested in this one ({@code
   * sh -c}). Most commands read no input, the default.
   */
  default boolean readsInput(List<String> args, SimCommands commands) {
    return false;
  }
}
