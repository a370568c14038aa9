package dev.hasnctl.cli;

/** hasnctl's exit codes, fixed by DESIGN.md. */
public final class ExitCodes {
  /** Success; with {@code --detailed-exitcode}, also "no changes". */
  public static final int OK = 0;

  /** An error: bad input, a failed command, an invalid spec. Also picocli's usage errors. */
  public static final int ERROR = 1;

  /** Changes or drift present (with {@code --detailed-exitcode}). */
  public static final int CHANGES = 2;

  /** The cluster was only partly reachable. */
  public static final int PARTIAL = 3;

  /**
   * Apply ran what it could and held steps that would strand running compute nodes (no working
   * replica): nothing of those was run.
   */
  public static final int HELD = 4;

  private ExitCodes() {}
}
