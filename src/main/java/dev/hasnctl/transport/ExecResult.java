package dev.hasnctl.transport;

import java.util.OptionalInt;

/**
 * What a finished command did. The exit code is empty when the transport saw no exit status (an SSH
 * channel closed without one): that is unknown, never success.
 */
public record ExecResult(OptionalInt exitCode, String stdout, String stderr) {
  public ExecResult {
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
  }

  /** A command that exited with {@code code}. */
  public static ExecResult exited(int code, String stdout, String stderr) {
    return new ExecResult(OptionalInt.of(code), stdout, stderr);
  }

  /** Whether the command is known to have exited 0. */
  public boolean succeeded() {
    return exitCode.isPresent() && exitCode.getAsInt() == 0;
  }
}
