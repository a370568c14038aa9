package dev.hasnctl.sim.aix;

import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.Compute;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.Lpar;
import dev.hasnctl.sim.NfsMount;
import dev.hasnctl.sim.Role;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Map;

/**
 * What a diskless compute node reports about its servers: {@code nfs4cl showfs} (and {@code
 * setfsoptions}, which setupnfsv4replication runs), {@code sysdumpdev -l}, {@code netstat -rn},
 * {@code route add|delete default}, {@code swcons -p}.
 */
public final class NodeCommands {
  private NodeCommands() {}

  static List<SimCommand> all() {
    return List.of(
        Commands.readingWhen(
            "nfs4cl",
            NodeCommands::nfs4cl,
            args -> args.isEmpty() || !args.get(0).equals("setfsoptions")),
        Commands.reading("sysdumpdev", NodeCommands::sysdumpdev),
        Commands.reading("netstat", NodeCommands::netstat),
        Commands.of("route", NodeCommands::route),
        Commands.of("swcons", NodeCommands::swcons),
        Commands.of("shutdown", NodeCommands::shutdown));
  }

  /**
   * {@code shutdown -F}, AIX's fast shutdown ("bypassing the messages to other users and bringing
   * the system down as quickly as possible", IBM, "shutdown Command"), the seed's way to stop the
   * compute nodes ({@code xdsh compute "/usr/sbin/shutdown -F &"}): the node unmounts its NFS
   * filesystems, is no longer booted and stops answering, and so stops writing its statelite data
   * ({@link dev.hasnctl.sim.StateliteWriters}). It prints nothing here: what AIX prints to the
   * invoking terminal is not recorded in the sources, and hasnctl never reads it. Only {@code -F}
   * on a compute node is simulated; anything else fails and says so.
   */
  private static ExecResult shutdown(Invocation in) {
    if (!in.args().equals(List.of("-F"))) {
      return Invocation.fail(1, "shutdown: sim: only shutdown -F is simulated\n");
    }
    SimHost host = in.host();
    if (host.role != Role.COMPUTE) {
      return Invocation.fail(
          1, "shutdown: sim: simulated on compute nodes only, not on " + host.name + "\n");
    }
    // shutdown "unmounts the file systems and calls the halt command" (IBM): a halted node holds
    // no NFS mount, so nothing its servers do afterwards can hang it.
    Lpar.halt(host);
    return Invocation.ok("");
  }

  static Compute compute(SimHost host) {
    if (host.compute == null) {
      host.compute = new Compute();
    }
    return host.compute;
  }

  private static ExecResult nfs4cl(Invocation in) {
    Compute node = compute(in.host());
    List<String> args = in.args();
    if (!args.isEmpty() && args.get(0).equals("setfsoptions")) {
      if (args.size() != 3) {
        return Invocation.fail(1, "Usage: nfs4cl setfsoptions path option=value\n");
      }
      if (!node.mounts.containsKey(args.get(1))) {
        return Invocation.fail(1, "nfs4cl: " + args.get(1) + ": sim: not an NFSv4 mount\n");
      }
      // setupnfsv4replication sets timeo and retrans on every nfs4 mount.
      if (args.get(2).startsWith("retrans=")) {
        node.nfsReplication = true;
      }
      return Invocation.ok("");
    }
    if (args.isEmpty() || !args.get(0).equals("showfs") || args.size() > 2) {
      return Invocation.fail(1, "nfs4cl: sim: only showfs [path] and setfsoptions are simulated\n");
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format("%-15s %-40s %-20s %s%n", "Server", "Remote Path", "fsid", "Local Path"));
    out.append(
        String.format("%-15s %-40s %-20s %s%n", "--------", "-----------", "----", "----------"));
    int index = 0;
    boolean detail = args.size() == 2;
    for (Map.Entry<String, NfsMount> entry : node.mounts.entrySet()) {
      index++;
      if (detail && !args.get(1).equals(entry.getKey())) {
        continue;
      }
      NfsMount mount = entry.getValue();
      // NFSv4 replication works on addresses: the client names its servers by IP (xCAT wiki, "HA
      // NFS on AIX service nodes": "STNFS replication requires to use ip address").
      String current = address(in, mount.currentServer());
      out.append(
          String.format(
              "%-15s %-40s %-20s %s%n",
              current, mount.remote, "0:" + (42949672960L + index), entry.getKey()));
      if (detail) {
        out.append("Current Server: ")
            .append(current)
            .append(':')
            .append(mount.remote)
            .append('\n');
        for (int i = 0; i < mount.servers.size(); i++) {
          if (i != mount.serving) {
            out.append("Replica Server: ")
                .append(address(in, mount.servers.get(i)))
                .append(':')
                .append(mount.remote)
                .append('\n');
          }
        }
        out.append("options : ")
            .append(node.nfsReplication ? "hard,intr,timeo=1,retrans=3" : "hard,intr")
            .append('\n');
      }
    }
    return Invocation.ok(out.toString());
  }

  /** The IP address of the host known as {@code name}, or the name when it has none. */
  private static String address(Invocation in, String name) {
    return in.state()
        .host(name)
        .flatMap(h -> h.aliases.stream().filter(a -> a.matches("[0-9]+(\\.[0-9]+){3}")).findFirst())
        .orElse(name);
  }

  private static ExecResult sysdumpdev(Invocation in) {
    if (!in.args().isEmpty() && !in.args().equals(List.of("-l"))) {
      return Invocation.fail(1, "sysdumpdev: sim: only sysdumpdev [-l] is simulated\n");
    }
    Compute node = compute(in.host());
    String primary = node.dumpDevice.isEmpty() ? "/dev/sysdumpnull" : node.dumpDevice;
    String out =
        String.format("%-21s%s%n", "primary", primary)
            + String.format("%-21s%s%n", "secondary", "/dev/sysdumpnull")
            + String.format("%-21s%s%n", "copy directory", "/var/adm/ras")
            + String.format("%-21s%s%n", "forced copy flag", "TRUE")
            + String.format("%-21s%s%n", "always allow dump", "FALSE")
            + String.format("%-21s%s%n", "dump compression", "ON");
    return Invocation.ok(out);
  }

  private static ExecResult netstat(Invocation in) {
    if (!in.args().equals(List.of("-rn"))) {
      return Invocation.fail(1, "netstat: sim: only netstat -rn is simulated\n");
    }
    String gateway = in.host().compute == null ? "" : in.host().compute.defaultGateway;
    StringBuilder out = new StringBuilder();
    out.append("Routing tables\n");
    out.append(
        String.format(
            "%-18s %-17s %-7s %5s %8s %-4s %4s %6s%n",
            "Destination", "Gateway", "Flags", "Refs", "Use", "If", "Exp", "Groups"));
    out.append("\nRoute Tree for Protocol Family 2 (Internet):\n");
    if (!gateway.isEmpty()) {
      out.append(
          String.format(
              "%-18s %-17s %-7s %5d %8d %-4s %4s %6s%n",
              "default", gateway, "UG", 1, 0, "hf0", "-", "-"));
    }
    out.append(
        String.format(
            "%-18s %-17s %-7s %5d %8d %-4s %4s %6s%n",
            "127/8", "127.0.0.1", "U", 4, 0, "lo0", "-", "-"));
    // AIX configures IPv6 loopback on lo0 and lists it in its own tree (family 24).
    out.append("\nRoute Tree for Protocol Family 24 (Internet v6):\n");
    out.append(
        String.format(
            "%-18s %-17s %-7s %5d %8d %-4s %4s %6s%n",
            "::1%1", "::1%1", "UH", 1, 0, "lo0", "-", "-"));
    return Invocation.ok(out.toString());
  }

  private static ExecResult route(Invocation in) {
    List<String> args =
        in.args().stream().filter(a -> !a.equals("-n") && !a.equals("-net")).toList();
    if (args.size() != 3 || !args.get(1).equals("default")) {
      return Invocation.fail(1, "route: sim: only route add|delete default GATEWAY is simulated\n");
    }
    Compute node = compute(in.host());
    String gateway = args.get(2);
    switch (args.get(0)) {
      case "add" -> {
        if (!node.defaultGateway.isEmpty()) {
          return Invocation.fail(
              1, "add net default: gateway " + gateway + ": route already in table\n");
        }
        node.defaultGateway = gateway;
        return Invocation.ok("add net default: gateway " + gateway + "\n");
      }
      case "delete" -> {
        if (!node.defaultGateway.equals(gateway)) {
          return Invocation.fail(1, "delete net default: gateway " + gateway + ": not in table\n");
        }
        node.defaultGateway = "";
        return Invocation.ok("delete net default: gateway " + gateway + "\n");
      }
      default -> {
        return Invocation.fail(1, "route: sim: only add and delete are simulated\n");
      }
    }
  }

  private static ExecResult swcons(Invocation in) {
    if (in.args().size() != 2 || !in.args().get(0).equals("-p")) {
      return Invocation.fail(1, "swcons: sim: only swcons -p FILE is simulated\n");
    }
    compute(in.host()).consoleLog = in.args().get(1);
    return Invocation.ok("");
  }
}
