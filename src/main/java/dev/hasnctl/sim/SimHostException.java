package dev.hasnctl.sim;

/**
 * A simulated command did not complete: the host was unreachable, hung or the connection dropped.
 */
public final class SimHostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Execution execution;

  public SimHostException(String host, Execution execution) {
    super(host + ": " + describe(execution));
    this.execution = execution;
  }

  /** What happened instead of completion. */
  public Execution execution() {
    return execution;
  }

  private static String describe(Execution execution) {
    if (execution instanceof Execution.Unreachable u) {
      return "unreachable: " + u.reason();
    }
    if (execution instanceof Execution.Hung h) {
      return "hung: " + h.reason();
    }
    return "connection dropped";
  }
}
