package dev.hasnctl.transport;

import dev.hasnctl.model.HostName;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a command acts, as given by {@code --target}: this machine (the EMS), the EMS over SSH, or
 * a simulated cluster kept in a file.
 */
public sealed interface Target permits Target.Local, Target.Ssh, Target.Sim {

  /** The forms {@link #parse} accepts, for error and help texts. */
  String FORMS = "local, ssh://[USER@]HOST[:PORT] or sim:PATH";

  /**
   * Parses a {@code --target} value.
   *
   * @throws IllegalArgumentException naming the value, what is wrong and the accepted forms
   */
  static Target parse(String value) {
    if (value == null || value.isBlank()) {
      throw invalid(value, "it is empty");
    }
    if (value.equals("local")) {
      return new Local();
    }
    if (value.startsWith("sim:")) {
      String path = value.substring("sim:".length());
      if (path.isEmpty()) {
        throw invalid(value, "sim: needs the path of a state file, e.g. sim:/tmp/cluster.json");
      }
      return new Sim(Path.of(path));
    }
    if (value.startsWith("ssh://")) {
      return Ssh.parseAuthority(value, value.substring("ssh://".length()));
    }
    throw invalid(value, "unknown kind of target");
  }

  private static IllegalArgumentException invalid(String value, String why) {
    return new IllegalArgumentException(
        "invalid --target '" + value + "': " + why + " (expected " + FORMS + ")");
  }

  /** Commands run on this machine, which is the EMS. */
  record Local() implements Target {
    @Override
    public String toString() {
      return "local";
    }
  }

  /**
   * Commands run on the EMS over SSH as {@code user} (the local user name when absent, as OpenSSH
   * does), on {@code port}.
   */
  record Ssh(Optional<String> user, HostName host, int port) implements Target {
    /** OpenSSH's port. */
    public static final int DEFAULT_PORT = 22;

    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}");
    private static final Pattern AUTHORITY = Pattern.compile("(?:([^@]*)@)?([^:@]*)(?::([^:@]*))?");

    public Ssh {
      if (user.isPresent() && !USER.matcher(user.get()).matches()) {
        throw new IllegalArgumentException("not a valid user name: '" + user.get() + "'");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is not in 1-65535");
      }
    }

    private static Ssh parseAuthority(String value, String authority) {
      if (authority.contains("/") || authority.contains("?") || authority.contains("#")) {
        throw invalid(value, "an ssh target has no path, query or fragment");
      }
      Matcher m = AUTHORITY.matcher(authority);
      if (!m.matches()) {
        throw invalid(value, "expected ssh://[USER@]HOST[:PORT]");
      }
      Optional<String> user = Optional.ofNullable(m.group(1));
      if (user.isPresent() && !USER.matcher(user.get()).matches()) {
        throw invalid(value, "'" + user.get() + "' is not a valid user name");
      }
      String host = m.group(2);
      if (host.isEmpty()) {
        throw invalid(value, "the host is missing");
      }
      if (!HostName.isValid(host)) {
        throw invalid(value, "'" + host + "' is not a valid host name or IPv4 address");
      }
      int port = DEFAULT_PORT;
      if (m.group(3) != null) {
        port = parsePort(value, m.group(3));
      }
      return new Ssh(user, HostName.of(host), port);
    }

    private static int parsePort(String value, String port) {
      if (!port.matches("[0-9]{1,5}")) {
        throw invalid(value, "port '" + port + "' is not a number");
      }
      int number = Integer.parseInt(port);
      if (number < 1 || number > 65535) {
        throw invalid(value, "port " + number + " is not in 1-65535");
      }
      return number;
    }

    @Override
    public String toString() {
      return "ssh://" + user.map(u -> u + "@").orElse("") + host + ":" + port;
    }
  }

  /** Commands run on the simulated cluster whose whole state is kept in the file {@code state}. */
  record Sim(Path state) implements Target {
    @Override
    public String toString() {
      return "sim:" + state;
    }
  }
}
