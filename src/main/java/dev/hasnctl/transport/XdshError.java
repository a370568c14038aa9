package dev.hasnctl.transport;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One failure line xdsh prints on stderr for a target, in every form xCAT has used: the 2.7-era
 * {@code Error: cn1 remote shell had error code: 255} and {@code Error: cn1 remote shell had exit
 * code 255.} (perl-xCAT/xCAT/DSHCLI.pm l.1782 and l.1994), the remote command's own {@code Error:
 * cn1 remote Command had return code: 1} (l.1814), and since xCAT 2.13 each with the reporting
 * server first, {@code Error: [ems01]: cn1 ...} (perl-xCAT/xCAT/Client.pm l.1170).
 *
 * @param node the target the line is about
 * @param reached whether the remote shell reached it (its command then exited {@code code})
 * @param code the remote shell's or the remote command's exit code
 */
public record XdshError(String node, boolean reached, int code) {
  private static final String PREFIX = "^Error:\\s+(?:\\[[^\\]]*\\]:\\s+)?(\\S+) ";
  private static final Pattern SHELL =
      Pattern.compile(PREFIX + "remote shell had (?:error code:|exit code) (\\d+)\\.?\\s*$");
  private static final Pattern COMMAND =
      Pattern.compile(PREFIX + "remote Command had return code: (\\d+)\\s*$");

  /** The failure {@code line} reports, if it is one of xdsh's failure lines. */
  public static Optional<XdshError> parse(String line) {
    Matcher shell = SHELL.matcher(line);
    if (shell.matches()) {
      return Optional.of(new XdshError(shell.group(1), false, Integer.parseInt(shell.group(2))));
    }
    Matcher command = COMMAND.matcher(line);
    if (command.matches()) {
      return Optional.of(new XdshError(command.group(1), true, Integer.parseInt(command.group(2))));
    }
    return Optional.empty();
  }
}
