package dev.hasnctl.sim.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which stage of the seed's migration a simulated cluster starts in. */
public enum Scenario {
  /** EMS and SNs installed and running; nothing of HASN configured; nodes not booted. */
  FRESH,
  /** Exactly as the spec says: every resource the seed configures. */
  CONVERGED,
  /** Before the migration: local /install on each SN, NFSv3 images, nodes booted from it. */
  LEGACY;

  /** The scenario called {@code name} on the command line. */
  public static Optional<Scenario> parse(String name) {
    return Arrays.stream(values()).filter(s -> s.cliName().equals(name)).findFirst();
  }

  /** The command-line name. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
