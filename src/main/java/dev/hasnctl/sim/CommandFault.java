package dev.hasnctl.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.regex.Pattern;

/**
 * A fault on the commands of one host whose command line matches a glob pattern ({@code *} any run
 * of characters, {@code ?} one character).
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class CommandFault {
  /** What the matching command does instead of its normal behaviour. */
  public enum Kind {
    /** Exits with {@link #exitCode} and prints nothing to stdout. */
    FAIL,
    /** Takes {@link #seconds} simulated seconds before it completes normally. */
    HANG,
    /** The connection drops mid-output: no exit status arrives. */
    DROP
  }

  public String host = "";
  public Kind kind = Kind.FAIL;
  public String pattern = "";
  public int exitCode;
  public long seconds;

  public CommandFault() {}

  /** A fault of {@code kind} on {@code host} for commands matching {@code pattern}. */
  public static CommandFault of(
      String host, Kind kind, String pattern, int exitCode, long seconds) {
    CommandFault fault = new CommandFault();
    fault.host = host;
    fault.kind = kind;
    fault.pattern = pattern;
    fault.exitCode = exitCode;
    fault.seconds = seconds;
    return fault;
  }

  /** Whether this fault applies to {@code commandLine} run on {@code hostName}. */
  public boolean matches(String hostName, String commandLine) {
    return host.equals(hostName) && glob(pattern).matcher(commandLine).matches();
  }

  private static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
