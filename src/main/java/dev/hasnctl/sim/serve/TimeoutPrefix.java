package dev.hasnctl.sim.serve;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A leading {@code timeout [-k D] [-s SIG] N} on a command line, as the SSH transport sends it,
 * emulated by the server because the simulated shell does not know coreutils' {@code timeout}.
 *
 * <p>The result: the remaining command line and how long it may run; GNU timeout's exit code 124
 * when it does not end in time.
 */
record TimeoutPrefix(Duration limit, String command) {
  /** GNU timeout's exit code when the command timed out. */
  static final int TIMED_OUT = 124;

  private static final String DURATION = "([0-9]+(?:\\.[0-9]+)?)([smhd]?)";
  private static final Pattern PREFIX =
      Pattern.compile(
          "^timeout((?:\\s+(?:-k\\s*|--kill-after=)"
              + "[0-9.]+[smhd]?|\\s+(?:-s\\s*|--signal=)[A-Za-z0-9]+)*)\\s+"
              + DURATION
              + "\\s+(\\S.*)$",
          Pattern.DOTALL);

  /** The prefix of {@code commandLine}, if it starts with a {@code timeout} invocation. */
  static Optional<TimeoutPrefix> parse(String commandLine) {
    Matcher m = PREFIX.matcher(commandLine);
    if (!m.matches()) {
      return Optional.empty();
    }
    double amount = Double.parseDouble(m.group(2));
    double seconds =
        switch (m.group(3)) {
          case "m" -> amount * 60;
          case "h" -> amount * 3600;
          case "d" -> amount * 86400;
          default -> amount;
        };
    return Optional.of(
        new TimeoutPrefix(Duration.ofMillis(Math.round(seconds * 1000)), m.group(4)));
  }
}
