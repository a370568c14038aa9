package dev.hasnctl.cli;

/** A failure the user can fix, reported as one line without a stack trace. */
final class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliFailure(String message) {
    super(message);
  }
}
