package dev.hasnctl.sim.aix;

import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.HostFiles;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.transport.ExecResult;

/**
 * Files' mode and owner: {@code chmod OCTAL FILE...} and {@code chown OWNER[:GROUP] FILE...} (AIX
 * chmod and chown pages; only the octal mode and the plain forms are simulated, anything else fails
 * saying so), and how {@code ls -l} shows them. A file nobody changed is {@code 644 root system},
 * what root's umask 022 makes on AIX.
 */
final class Permissions {
  private static final String DEFAULT = "644 root system";

  private Permissions() {}

  static SimCommand chmod() {
    return Commands.of("chmod", Permissions::runChmod);
  }

  static SimCommand chown() {
    return Commands.of("chown", Permissions::runChown);
  }

  private static ExecResult runChmod(Invocation in) {
    if (in.args().size() < 2 || !in.args().get(0).matches("[0-7]{3,4}")) {
      return Invocation.fail(2, "sim: not simulated: chmod " + String.join(" ", in.args()) + "\n");
    }
    String mode = Integer.toOctalString(Integer.parseInt(in.args().get(0), 8) & 0777);
    return each(in, (host, path) -> set(host, path, mode, owner(host, path), group(host, path)));
  }

  private static ExecResult runChown(Invocation in) {
    if (in.args().size() < 2 || !in.args().get(0).matches("[a-z][a-z0-9_]*(:[a-z][a-z0-9_]*)?")) {
      return Invocation.fail(2, "sim: not simulated: chown " + String.join(" ", in.args()) + "\n");
    }
    String[] owner = in.args().get(0).split(":", -1);
    return each(
        in,
        (host, path) ->
            set(
                host,
                path,
                mode(host, path),
                owner[0],
                owner.length > 1 ? owner[1] : group(host, path)));
  }

  private interface Change {
    void apply(SimHost host, String path);
  }

  private static ExecResult each(Invocation in, Change change) {
    StringBuilder err = new StringBuilder();
    int code = 0;
    for (String arg : in.args().subList(1, in.args().size())) {
      String path = FileCommands.path(arg);
      if (!HostFiles.isFile(in.host(), path)) {
        err.append(in.program())
            .append(": ")
            .append(arg)
            .append(": A file or directory in the path name does not exist.\n");
        code = 255;
      } else {
        change.apply(in.host(), path);
      }
    }
    return ExecResult.exited(code, "", err.toString());
  }

  private static void set(SimHost host, String path, String mode, String owner, String group) {
    String value = mode + " " + owner + " " + group;
    if (value.equals(DEFAULT)) {
      host.modes.remove(path);
    } else {
      host.modes.put(path, value);
    }
  }

  /** Gives {@code to} the mode and owner of {@code from}. */
  static void copy(SimHost host, String from, String to) {
    String value = host.modes.get(from);
    if (value == null) {
      host.modes.remove(to);
    } else {
      host.modes.put(to, value);
    }
  }

  private static String[] of(SimHost host, String path) {
    return host.modes.getOrDefault(path, DEFAULT).split(" ");
  }

  static String mode(SimHost host, String path) {
    return of(host, path)[0];
  }

  static String owner(SimHost host, String path) {
    return of(host, path)[1];
  }

  static String group(SimHost host, String path) {
    return of(host, path)[2];
  }

  /** The mode as {@code ls -l} prints it: {@code -rw-------}. */
  static String symbolic(SimHost host, String path) {
    int mode = Integer.parseInt(mode(host, path), 8);
    StringBuilder out = new StringBuilder("-");
    for (int shift = 6; shift >= 0; shift -= 3) {
      int bits = mode >> shift;
      out.append((bits & 4) != 0 ? 'r' : '-')
          .append((bits & 2) != 0 ? 'w' : '-')
          .append((bits & 1) != 0 ? 'x' : '-');
    }
    return out.toString();
  }
}
