package dev.hasnctl.sim.serve;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the SSH transport puts before a command, read by the server because the simulated shell has
 * neither PATH lookup nor coreutils' {@code timeout}: a leading {@code PATH=...} assignment
 * (ignored) and a {@code timeout [-k D] [-s SIG] N} invocation (emulated: the command is
 * interrupted after N and exits 124, as GNU timeout's does).
 *
 * @param limit how long the command may run, if a timeout was given
 * @param command the command line without the prefix
 */
record ClientPrefix(Optional<Duration> limit, String command) {
  /** GNU timeout's exit code when the command timed out. */
  static final int TIMED_OUT = 124;

  private static final Pattern PATH = Pattern.compile("^PATH=\\S*\\s+(\\S.*)$", Pattern.DOTALL);
  private static final Pattern TIMEOUT =
      Pattern.compile(
          "^timeout((?:\\s+(?:-k\\s*|--kill-after=)[0-9.]+[smhd]?"
              + "|\\s+(?:-s\\s*|--signal=)[A-Za-z0-9]+)*)\\s+"
              + "([0-9]+(?:\\.[0-9]+)?)([smhd]?)\\s+(\\S.*)$",
          Pattern.DOTALL);

  /** {@code commandLine} with its prefixes taken off. */
  static ClientPrefix strip(String commandLine) {
    String line = commandLine;
    Matcher path = PATH.matcher(line);
    if (path.matches()) {
      line = path.group(1);
    }
    Matcher m = TIMEOUT.matcher(line);
    if (!m.matches()) {
      return new ClientPrefix(Optional.empty(), line);
    }
    double amount = Double.parseDouble(m.group(2));
    double seconds =
        switch (m.group(3)) {
          case "m" -> amount * 60;
          case "h" -> amount * 3600;
          case "d" -> amount * 86400;
          default -> amount;
        };
    Duration limit = Duration.ofMillis(Math.round(seconds * 1000));
    // timeout(1) reads a zero duration as "no limit".
    return new ClientPrefix(limit.isZero() ? Optional.empty() : Optional.of(limit), m.group(4));
  }
}
