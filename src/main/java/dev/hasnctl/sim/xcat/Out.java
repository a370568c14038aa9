package dev.hasnctl.sim.xcat;

import dev.hasnctl.transport.ExecResult;

/** Collects what a simulated command prints, line by line, and its exit code. */
final class Out {
  private final StringBuilder stdout = new StringBuilder();
  private final StringBuilder stderr = new StringBuilder();
  private int exit;

  /** Prints an informational line on stdout. */
  Out info(String line) {
    stdout.append(line).append('\n');
    return this;
  }

  /** Prints a line on stderr, as is. */
  Out err(String line) {
    stderr.append(line).append('\n');
    return this;
  }

  /** Prints an xCAT error (the client prefixes {@code Error: }) and marks the command failed. */
  Out error(String message) {
    exit = Math.max(exit, 1);
    return err("Error: " + message);
  }

  /** Sets the exit code. */
  Out exit(int code) {
    exit = code;
    return this;
  }

  int exitCode() {
    return exit;
  }

  ExecResult result() {
    return ExecResult.exited(exit, stdout.toString(), stderr.toString());
  }
}
