package dev.hasnctl.sim.hw;

import dev.hasnctl.sim.Compute;
import dev.hasnctl.sim.Consequences;
import dev.hasnctl.sim.HostFiles;
import dev.hasnctl.sim.Lpar;
import dev.hasnctl.sim.NfsMount;
import dev.hasnctl.sim.NimObject;
import dev.hasnctl.sim.PagingSpace;
import dev.hasnctl.sim.Role;
import dev.hasnctl.sim.SimCluster;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.xcat.XcatDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A diskless node's network boot from NIM, right after its LPAR powered on (there is no real time:
 * the boot happens at once). The firmware sends BOOTP to the server in its boot string; the NIM
 * master there answers only for a diskless client it defines (mkdsklsnode), and the SPOT gives the
 * boot image. AIX's boot then mounts its root and /usr over NFS from that server, then runs xCAT's
 * postscripts ({@link Xcataixpost}), which set nodelist.status to {@code booted}.
 *
 * <p>Where it stops (AIX NIM guide, "Debugging a network boot problem"; IBM "Troubleshooting NIM
 * LED hangs"; seed, "Diagnostic hints and tips"): with no BOOTP reply the firmware keeps asking and
 * the node never gets its address; with a mount that hangs (no nfsd, or NFS up without its GPFS
 * /install) AIX shows LED 610; with one refused (no export, or an NFS version the export does not
 * allow) LED 611. Either way the node stays powered on, not booted.
 */
final class NetBoot {
  private NetBoot() {}

  /** Boots {@code node}, whose LPAR has just been activated. */
  static void boot(SimCluster cluster, XcatDb db, SimHost node) {
    SimState state = cluster.state();
    Lpar lpar = Lpar.of(node);
    lpar.bootHang = "";
    lpar.led = "";
    node.hung = "";
    node.reachable = false;
    node.compute = null;
    Optional<String> address = bootServer(state, node, lpar);
    if (address.isEmpty()) {
      stop(lpar, "", "no network boot device: rbootseq never set one");
      return;
    }
    Optional<SimHost> found = state.host(address.get()).filter(h -> h.role != Role.COMPUTE);
    if (found.isEmpty() || !found.get().reachable || found.get().hungReason().isPresent()) {
      stop(lpar, "", "BOOTP requests to " + address.get() + " unanswered: the server is down");
      return;
    }
    SimHost server = found.get();
    NimObject client = server.nim.get(node.name);
    if (client == null || !client.type.equals("diskless")) {
      stop(
          lpar,
          "",
          "no BOOTP reply from "
              + server.name
              + ": it has no NIM diskless client definition for "
              + node.name
              + " (mkdsklsnode)");
      return;
    }
    String image =
        db.nodeAttribute(node.name, "provmethod")
            .orElse(client.attributes.getOrDefault("spot", ""));
    Optional<NimObject> spot = resource(server, client.attributes.getOrDefault("spot", image));
    if (spot.isEmpty()) {
      stop(lpar, "", "no network boot image: " + server.name + " has no SPOT for " + image);
      return;
    }
    Optional<NimObject> root =
        db.value("nimimage", image, "shared_root").flatMap(r -> resource(server, r));
    if (root.isEmpty()) {
      stop(lpar, Stop.led611(server.name + " has no shared_root resource for " + image));
      return;
    }
    String usr = spot.get().attributes.getOrDefault("location", "");
    String rootDir = root.get().attributes.getOrDefault("location", "");
    Optional<Stop> problem =
        nfsProblem(state, server, rootDir, root.get())
            .or(() -> nfsProblem(state, server, usr, spot.get()));
    if (problem.isPresent()) {
      stop(lpar, problem.get());
      return;
    }
    String known = knownName(state, db, node.name, server, address.get());
    List<String> servers = servers(state, server, known, usr);
    boolean local = servesLocalInstall(state, server);
    Compute compute = new Compute();
    compute.image = image;
    compute.mounts.put("/", mount(rootDir, servers, local));
    compute.mounts.put("/usr", mount(usr, servers, local));
    Statelite.mount(state, db, node.name, compute, server, servers);
    db.value("nimimage", image, "paging")
        .flatMap(p -> resource(server, p))
        .ifPresent(
            p ->
                compute.paging.add(
                    PagingSpace.nimSwapnfs0(
                        known, p.attributes.getOrDefault("location", ""), node.name)));
    db.value("nimimage", image, "dump")
        .flatMap(d -> resource(server, d))
        .ifPresent(
            d ->
                compute.dumpDevice =
                    Compute.nimDumpDevice(
                        known, d.attributes.getOrDefault("location", ""), node.name));
    compute.defaultGateway = gateway(db, server);
    node.compute = compute;
    node.reachable = true;
    // xcataixpost writes the NIM master's host name from /etc/niminfo
    // (xCAT/postscripts/xcataixpost).
    node.files.put("/etc/xcatinfo", "XCATSERVER=" + known + "\n");
    Xcataixpost.run(cluster, db, node, server, known);
    // xcataixpost's last step: "updateflag installstatus booted" (xcatd: updatenodestat).
    db.set("nodelist", node.name, "status", "booted");
  }

  /** Whether {@code server} serves its own local /install, no GPFS mounted over it. */
  static boolean servesLocalInstall(SimState state, SimHost server) {
    return server.localInstall
        && !server.gpfsServes(state.tables.site("installdir").orElse("/install"));
  }

  /** Where a boot stopped: the LED code AIX shows ({@code 610}, {@code 611}), empty in firmware. */
  private record Stop(String led, String why) {
    static Stop led610(String why) {
      return new Stop("610", why);
    }

    static Stop led611(String why) {
      return new Stop("611", why);
    }
  }

  private static void stop(Lpar lpar, String led, String why) {
    stop(lpar, new Stop(led, why));
  }

  private static void stop(Lpar lpar, Stop stop) {
    lpar.led = stop.led();
    lpar.bootHang = stop.led().isEmpty() ? stop.why() : "LED " + stop.led() + ": " + stop.why();
  }

  /**
   * The server of the boot string: rbootseq's; else the one the node last booted from or snmove
   * moved it to, as its {@code /etc/xcatinfo} names it (snmove updates the boot list and that file
   * together).
   */
  private static Optional<String> bootServer(SimState state, SimHost node, Lpar lpar) {
    if (!lpar.bootServer.isEmpty()) {
      return Optional.of(lpar.bootServer);
    }
    return node.file("/etc/xcatinfo")
        .map(String::strip)
        .filter(line -> line.startsWith("XCATSERVER="))
        .flatMap(line -> Rbootseq.address(state, line.substring("XCATSERVER=".length())));
  }

  private static Optional<NimObject> resource(SimHost server, String name) {
    return Optional.ofNullable(server.nim.get(name));
  }

  /** Why mounting {@code remote}, a directory of {@code resource}, from {@code server} fails. */
  private static Optional<Stop> nfsProblem(
      SimState state, SimHost server, String remote, NimObject resource) {
    String install = state.tables.site("installdir").orElse("/install");
    String mount = "the NFS mount of " + remote;
    if (!server.isActive("nfsd")) {
      return Optional.of(Stop.led610(mount + " hangs: nfsd is not running on " + server.name));
    }
    if (!server.localInstall && !server.gpfsServes(install)) {
      return Optional.of(
          Stop.led610(
              mount + " hangs: the GPFS " + install + " of " + server.name + " is not mounted"));
    }
    if (!HostFiles.isDirectory(server, remote)) {
      return Optional.of(Stop.led611(mount + " failed: it does not exist on " + server.name));
    }
    Optional<String> export = Consequences.exportedLine(server, remote);
    if (export.isEmpty()) {
      return Optional.of(
          Stop.led611(mount + " failed: " + server.name + " exports no directory holding it"));
    }
    String vers = resource.attributes.getOrDefault("nfs_vers", "3");
    List<String> allowed = exportVersions(export.get());
    if (!allowed.contains(vers)) {
      return Optional.of(
          Stop.led611(
              mount
                  + " failed: the NIM resources have nfs_vers="
                  + vers
                  + " and "
                  + server.name
                  + " exports it with vers="
                  + String.join(":", allowed)));
    }
    return Optional.empty();
  }

  /** The NFS versions an export line allows: its {@code vers=} option, else AIX's 2 and 3. */
  static List<String> exportVersions(String exportLine) {
    for (String option : options(exportLine)) {
      if (option.startsWith("vers=")) {
        return List.of(option.substring("vers=".length()).split(":", -1));
      }
    }
    return List.of("2", "3");
  }

  private static List<String> options(String exportLine) {
    int dash = exportLine.indexOf(" -");
    return dash < 0 ? List.of() : List.of(exportLine.substring(dash + 2).strip().split(",", -1));
  }

  /**
   * The servers of the node's mounts: the boot server as the node knows it, then the other
   * locations of the export's {@code replicas=} option in their order (the addresses mkdsklsnode -S
   * wrote), which NFSv4 clients learn from the export in effect.
   */
  static List<String> servers(SimState state, SimHost server, String known, String remote) {
    List<String> servers = new ArrayList<>(List.of(known));
    for (String option :
        Consequences.exportedLine(server, remote).map(NetBoot::options).orElse(List.of())) {
      if (!option.startsWith("replicas=")) {
        continue;
      }
      for (String location : option.substring("replicas=".length()).split(":", -1)) {
        int at = location.indexOf('@');
        String host = at < 0 ? location : location.substring(at + 1);
        boolean self = state.host(host).map(h -> h == server).orElse(false);
        if (!host.isEmpty() && !self && !servers.contains(host)) {
          servers.add(host);
        }
      }
    }
    return servers;
  }

  private static NfsMount mount(String remote, List<String> servers, boolean local) {
    NfsMount mount = NfsMount.of(remote, servers);
    mount.local = local;
    return mount;
  }

  /**
   * How the node names its boot server: its xcatmaster (the NIM master's host name on the node's
   * network, which /etc/niminfo holds) when that is the server, else the boot string's address.
   */
  private static String knownName(
      SimState state, XcatDb db, String node, SimHost server, String address) {
    return db.nodeAttribute(node, "xcatmaster")
        .filter(name -> state.host(name).map(h -> h == server).orElse(false))
        .orElse(address);
  }

  /**
   * The default route NIM gives the client from the xCAT network's gateway: {@code <xcatmaster>} is
   * the boot server's address (xCAT Schema.pm, networks.gateway); none when no network sets one.
   */
  private static String gateway(XcatDb db, SimHost server) {
    for (var row : db.rows("networks")) {
      String gateway = row.getOrDefault("gateway", "");
      if (gateway.equals("<xcatmaster>")) {
        return server.aliases.stream()
            .filter(a -> a.matches("[0-9]+(\\.[0-9]+){3}"))
            .findFirst()
            .orElse(server.name);
      }
      if (!gateway.isEmpty()) {
        return gateway;
      }
    }
    return "";
  }
}
