package dev.hasnctl.sim.aix;

import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * unixODBC's {@code isql -v DSN} on the TEAL utility node, through the DB2 CLI driver to the xCAT
 * database on the EMS (seed: "test the DB2 setup by running /usr/local/bin/isql -v xcatdb").
 *
 * <p>What it reads, on the host it runs on: {@code /etc/odbc.ini} (the DSN's {@code Driver}),
 * {@code /etc/odbcinst.ini} (that driver's library), then the driver's own {@code cfg} directory
 * beside its {@code lib}: {@code db2dsdriver.cfg} (the DSN's host and port) and {@code db2cli.ini}
 * (its {@code uid} and {@code pwd}). The database it reaches is the EMS's as xCAT's db2sqlsetup
 * made it: {@code /etc/xcat/cfgloc} ({@code DB2:DATABASE|INSTANCE|PASSWORD}) and the {@code
 * db2c_xcatdb PORT/tcp} line of {@code /etc/services}. A default gateway that is not the EMS must
 * forward IP packets ({@code no -o ipforwarding}) and answer.
 *
 * <p>Output as unixODBC's exe/isql.c writes it: connected, the "Connected!" box and the {@code SQL>
 * } prompt (standard input at its end quits, exit 0); not connected, with {@code -v}, each
 * diagnostic record as {@code [SQLSTATE]MESSAGE} on standard output, then {@code [ISQL]ERROR: Could
 * not SQLConnect} on standard error, exit 1. The messages are the driver manager's and DB2's (see
 * docs/formats.md).
 */
final class Isql {
  static final String PROGRAM = "isql";

  private static final String CONNECTED =
      """
      +---------------------------------------+
      | Connected!                            |
      |                                       |
      | sql-statement                         |
      | help [tablename]                      |
      | quit                                  |
      |                                       |
      +---------------------------------------+
      SQL>\s""";

  private static final String NOT_CONNECTED = "[ISQL]ERROR: Could not SQLConnect\n";

  private static final Pattern DSN_TAG = Pattern.compile("<dsn\\s([^>]*)>");
  private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  /** AIX's errno values for a connect that times out and one that is refused. */
  private static final String ETIMEDOUT = "78";

  private static final String ECONNREFUSED = "79";

  private Isql() {}

  static List<SimCommand> all() {
    return List.of(Commands.reading(PROGRAM, Isql::run));
  }

  private static ExecResult run(Invocation in) {
    List<String> args = in.args();
    if (args.size() != 2 || !args.get(0).equals("-v")) {
      return Invocation.fail(127, "sim: not simulated: isql " + String.join(" ", args) + "\n");
    }
    String dsn = args.get(1);
    SimHost node = in.host();
    Optional<String> failure = connect(in, node, dsn);
    if (failure.isEmpty()) {
      return ExecResult.exited(0, CONNECTED, "");
    }
    return ExecResult.exited(1, failure.get() + "\n", NOT_CONNECTED);
  }

  /**
   * Why {@code dsn} does not connect from {@code node}, as the diagnostic record; empty if it does.
   */
  private static Optional<String> connect(Invocation in, SimHost node, String dsn) {
    Map<String, String> source = section(node, "/etc/odbc.ini", dsn);
    String driver = source.getOrDefault("driver", "");
    String library = section(node, "/etc/odbcinst.ini", driver).getOrDefault("driver", "");
    if (driver.isEmpty() || library.isEmpty()) {
      return Optional.of(
          "[IM002][unixODBC][Driver Manager]Data source name not found, and no default driver"
              + " specified");
    }
    if (!node.files.containsKey(library)) {
      return Optional.of(
          "[01000][unixODBC][Driver Manager]Can't open lib '" + library + "' : file not found");
    }
    String cfg = parent(parent(library)) + "/cfg";
    Optional<Map<String, String>> entry = dsdriver(node, cfg + "/db2dsdriver.cfg", dsn);
    if (entry.isEmpty()) {
      return Optional.of(
          db2(
              "42705",
              "SQL1013N  The database alias name or database name \""
                  + upper(dsn)
                  + "\" could not be found.  SQLSTATE=42705"));
    }
    String host = entry.get().getOrDefault("host", "");
    String port = entry.get().getOrDefault("port", "");
    String database = entry.get().getOrDefault("name", dsn);
    Optional<SimHost> ems = in.state().ems().filter(e -> in.state().host(host).orElse(null) == e);
    String location = ems.flatMap(Isql::address).orElse(host);
    Optional<String> route = route(in, node);
    if (route.isPresent()) {
      return Optional.of(communication(route.get(), ETIMEDOUT));
    }
    if (ems.isEmpty() || !ems.get().reachable) {
      return Optional.of(communication(location, ETIMEDOUT));
    }
    Optional<String[]> cfgloc = cfgloc(ems.get());
    if (cfgloc.isEmpty() || !port.equals(servicePort(ems.get()))) {
      return Optional.of(communication(location, ECONNREFUSED));
    }
    if (!database.equalsIgnoreCase(cfgloc.get()[0])) {
      return Optional.of(
          db2(
              "08004",
              "SQL30061N  The database alias or database name \""
                  + upper(database)
                  + "\" was not found at the remote node.  SQLSTATE=08004"));
    }
    Map<String, String> cli = section(node, cfg + "/db2cli.ini", dsn);
    if (!cfgloc.get()[1].equals(cli.get("uid")) || !cfgloc.get()[2].equals(cli.get("pwd"))) {
      return Optional.of(
          db2(
              "08001",
              "SQL30082N  Security processing failed with reason \"24\" (\"USERNAME AND/OR"
                  + " PASSWORD INVALID\").  SQLSTATE=08001"));
    }
    return Optional.empty();
  }

  /**
   * The address of the node's default gateway when that gateway does not pass the node's packets
   * on: down, or not forwarding IP. Empty when there is no gateway (the EMS is on the node's own
   * network) or it forwards.
   */
  private static Optional<String> route(Invocation in, SimHost node) {
    String gateway = node.compute == null ? "" : node.compute.defaultGateway;
    if (gateway.isEmpty()) {
      return Optional.empty();
    }
    Optional<SimHost> router = in.state().host(gateway);
    boolean forwards =
        router.isPresent()
            && router.get().reachable
            && router.get().hungReason().isEmpty()
            && "1".equals(router.get().tunables.get("ipforwarding"));
    return forwards ? Optional.empty() : Optional.of(gateway);
  }

  private static String communication(String location, String errno) {
    return db2(
        "08001",
        "SQL30081N  A communication error has been detected. Communication protocol being used:"
            + " \"TCP/IP\".  Communication API being used: \"SOCKETS\".  Location where the error"
            + " was detected: \""
            + location
            + "\".  Communication function detecting the error: \"connect\".  Protocol specific"
            + " error code(s): \""
            + errno
            + "\", \"*\", \"*\".  SQLSTATE=08001");
  }

  private static String db2(String state, String message) {
    return "[" + state + "][IBM][CLI Driver] " + message;
  }

  private static String upper(String name) {
    return name.toUpperCase(Locale.ROOT);
  }

  /** The EMS's IP address, when the simulator knows one (an alias made of digits and dots). */
  private static Optional<String> address(SimHost host) {
    return host.aliases.stream().filter(a -> a.matches("[0-9.]+")).findFirst();
  }

  /** The database, instance and password of xCAT's DB2 {@code cfgloc}; empty without one. */
  private static Optional<String[]> cfgloc(SimHost ems) {
    String line = ems.file("/etc/xcat/cfgloc").orElse("").strip();
    if (!line.startsWith("DB2:")) {
      return Optional.empty();
    }
    String[] fields = line.substring(4).split("\\|", 3);
    return fields.length == 3 ? Optional.of(fields) : Optional.empty();
  }

  /** The port of the {@code db2c_xcatdb} service (db2sqlsetup's /etc/services line). */
  private static String servicePort(SimHost ems) {
    for (String line : ems.file("/etc/services").orElse("").split("\n", -1)) {
      String[] words = line.strip().split("\\s+", -1);
      if (words.length >= 2 && words[0].equals("db2c_xcatdb") && words[1].endsWith("/tcp")) {
        return words[1].substring(0, words[1].length() - "/tcp".length());
      }
    }
    return "";
  }

  /** The attributes of the {@code <dsn>} entry whose alias is {@code dsn}. */
  private static Optional<Map<String, String>> dsdriver(SimHost node, String file, String dsn) {
    Matcher tags = DSN_TAG.matcher(node.file(file).orElse(""));
    while (tags.find()) {
      Map<String, String> attributes = new TreeMap<>();
      Matcher a = ATTRIBUTE.matcher(tags.group(1));
      while (a.find()) {
        attributes.put(a.group(1).toLowerCase(Locale.ROOT), a.group(2));
      }
      if (dsn.equalsIgnoreCase(attributes.getOrDefault("alias", ""))) {
        return Optional.of(attributes);
      }
    }
    return Optional.empty();
  }

  /** The keys (lower case) and values of section {@code [name]} of an ini file. */
  static Map<String, String> section(SimHost host, String file, String name) {
    Map<String, String> out = new TreeMap<>();
    boolean in = false;
    for (String raw : host.file(file).orElse("").split("\n", -1)) {
      String line = raw.strip();
      if (line.startsWith("[") && line.endsWith("]")) {
        in = line.substring(1, line.length() - 1).strip().equalsIgnoreCase(name);
      } else if (in && line.contains("=")) {
        int equals = line.indexOf('=');
        out.put(
            line.substring(0, equals).strip().toLowerCase(Locale.ROOT),
            line.substring(equals + 1).strip());
      }
    }
    return out;
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }
}
