package dev.hasnctl.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The faults {@code hasnctl sim fault} injects, by their command-line names. */
public enum FaultKind {
  DOWN,
  UP,
  NFSD_STOP,
  GPFS_DOWN,
  FAIL_COMMAND,
  HANG_COMMAND,
  DROP_CONNECTION,
  CLEAR;

  /** The command-line name, e.g. {@code nfsd-stop}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind called {@code cliName}. */
  public static Optional<FaultKind> parse(String cliName) {
    return Arrays.stream(values()).filter(k -> k.cliName().equals(cliName)).findFirst();
  }
}
