package dev.hasnctl.sim;

/** The seed's consequences, evaluated on the state after every command and fault. */
final class Consequences {
  private Consequences() {}

  /** Applies every rule to {@code state} until nothing more changes. */
  static void settle(SimState state) {
    // rules land in the next commit
  }
}
