package dev.hasnctl.sim.serve;

import dev.hasnctl.transport.ExecResult;
import java.util.Optional;

/**
 * Runs one command line, as a login shell on the served host would, for {@link SimSshServer}.
 *
 * <p>Contract: called from several threads at once (one per SSH exec channel), so implementations
 * serialise access to shared state themselves. May block (a hung command) but must return or throw
 * {@link InterruptedException} promptly when interrupted: the server interrupts on a client's
 * signal, on a {@code timeout N} prefix expiring and when the channel closes. A result with an
 * empty exit code closes the channel without an exit status; {@link DroppedConnection} drops the
 * whole connection after its partial output; any other runtime exception is a command that could
 * not run: exit 127 with the exception's message on stderr.
 */
public interface ShellHandler {
  /**
   * Runs {@code commandLine}; {@code stdin} is the client's input when {@link #readsInput} said the
   * line reads it and the client sent some, else empty.
   */
  ExecResult run(String commandLine, Optional<String> stdin) throws InterruptedException;

  /**
   * Whether {@code commandLine} reads its standard input. The server starts a line that does not at
   * once; one that does waits for the client's input to its end. Must not block.
   */
  boolean readsInput(String commandLine);

  /** Thrown by a handler to drop the client's connection after {@code partialStdout}. */
  final class DroppedConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String partialStdout;

    public DroppedConnection(String partialStdout) {
      super("connection dropped");
      this.partialStdout = partialStdout;
    }

    /** What the client receives before the connection drops. */
    public String partialStdout() {
      return partialStdout;
    }
  }
}
