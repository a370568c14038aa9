package dev.hasnctl.cli;

/** Whether output goes to a person at a terminal, which decides colours. */
final class Terminal {
  private Terminal() {}

  /**
   * True when standard input and output are a terminal and {@code NO_COLOR} is unset. On Java 17,
   * which hasnctl targets, {@link System#console()} is null exactly when they are not.
   */
  @SuppressWarnings("SystemConsoleNull")
  static boolean colors() {
    return System.console() != null && System.getenv("NO_COLOR") == null;
  }
}
