package dev.hasnctl.spec.rule;

import java.util.List;

/** The registry of every semantic rule, in the order their findings are reported. */
public final class Rules {
  private Rules() {}

  /** Every rule hasnctl checks. */
  public static List<Rule> all() {
    return List.of();
  }
}
