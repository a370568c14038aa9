package dev.hasnctl.sim.xcat;

import dev.hasnctl.transport.ExecResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code snmove} for AIX diskless nodes, step by step as xCAT-server/lib/xcat/plugins/snmove.pm
 * does them (docs/formats.md lists the steps and messages).
 */
final class Snmove {
  private Snmove() {}

  static ExecResult run(XcatCluster cluster, List<String> args) {
    Out out = new Out();
    Opts opts;
    try {
      opts = Opts.parse(args, "hvs:S:d:D:lP:iV");
    } catch (Opts.BadOption e) {
      return out.err(e.getMessage()).exit(1).result();
    }
    if (opts.has('i') && opts.has('P')) {
      return out.info("-P and -i flags cannot be specified at the same time.\n").exit(1).result();
    }
    if (opts.operands().size() > 1) {
      return out.info("Too many paramters.\n").exit(1).result();
    }
    if (opts.operands().isEmpty() && !opts.has('s')) {
      return out.info("A node range or the source service node must be specified.\n")
          .exit(1)
          .result();
    }
    XcatDb db = cluster.db();
    out.info("Moving nodes to their backup service nodes.\n");
    List<String> nodes = new ArrayList<>();
    if (!opts.operands().isEmpty()) {
      List<String> missed = new ArrayList<>();
      try {
        for (String n : db.expand(opts.operands().get(0))) {
          (db.isNode(n) ? nodes : missed).add(n);
        }
      } catch (IllegalArgumentException e) {
        missed.add(opts.operands().get(0));
      }
      if (!missed.isEmpty()) {
        return out.info("Invalid nodes in noderange:" + String.join(",", missed)).exit(1).result();
      }
    } else {
      String sn1 = opts.value('s').orElseThrow();
      for (String n : db.nodes()) {
        List<String> sns = db.nodeAttribute(n, "servicenode").map(XcatDb::split).orElse(List.of());
        if (!sns.isEmpty() && sns.get(0).equals(sn1)) {
          nodes.add(n);
        }
      }
    }
    Map<String, String> newSn = new LinkedHashMap<>();
    Map<String, String> newXm = new LinkedHashMap<>();
    Map<String, String> oldXm = new LinkedHashMap<>();
    boolean error = false;
    for (String node : nodes) {
      List<String> sns = db.nodeAttribute(node, "servicenode").map(XcatDb::split).orElse(List.of());
      Optional<String> dest =
          opts.value('d').or(() -> sns.size() > 1 ? Optional.of(sns.get(1)) : Optional.empty());
      if (dest.isEmpty()) {
        out.error("Could not determine a backup service node for node " + node + ".");
        error = true;
        continue;
      }
      newSn.put(node, dest.get());
    }
    if (error) {
      return out.result();
    }
    for (String node : nodes) {
      String dest = newSn.get(node);
      String old = opts.value('S').or(() -> db.nodeAttribute(node, "xcatmaster")).orElse("");
      oldXm.put(node, old);
      Optional<String> xm = opts.value('D');
      if (xm.isEmpty() && cluster.reachable(dest)) {
        String oldSn =
            opts.value('s')
                .orElse(
                    db.nodeAttribute(node, "servicenode")
                        .map(XcatDb::split)
                        .orElse(List.of())
                        .get(0));
        // The real command looks for the new SN's interface on the node's network; the simulator
        // names it as the old xcatmaster was named (sn01-hfi -> sn02-hfi).
        xm = Optional.of(old.startsWith(oldSn) ? dest + old.substring(oldSn.length()) : dest);
      }
      if (xm.isEmpty()) {
        out.info("Could not get IP addresses from service node " + dest + ".\n");
        out.error("Could not determine an xcatmaster value for node " + node + ".");
        error = true;
        continue;
      }
      newXm.put(node, xm.get());
    }
    if (error) {
      return out.result();
    }
    boolean sns = db.site("sharedinstall").orElse("no").equals("sns");
    if (sns && opts.has('l')) {
      // snmove.pm l.570-575, an informational message and exit 1 (the typo is xCAT's).
      return out.info(
              "The liteonly option is not valaid when using a shared file system across service"
                  + " nodes.\n")
          .exit(1)
          .result();
    }
    out.info("Setting new values in the xCAT database.\n");
    for (String node : nodes) {
      List<String> list =
          new ArrayList<>(
              db.nodeAttribute(node, "servicenode").map(XcatDb::split).orElse(List.of()));
      list.remove(newSn.get(node));
      list.add(0, newSn.get(node));
      db.set("noderes", node, "servicenode", String.join(",", list));
      db.set("noderes", node, "xcatmaster", newXm.get(node));
      for (String attr : List.of("tftpserver", "nfsserver")) {
        if (db.nodeAttribute(node, attr).filter(oldXm.get(node)::equals).isPresent()) {
          db.set("noderes", node, attr, newXm.get(node));
        }
      }
    }
    if (sns) {
      // After the database (snmove.pm l.762, then sfsSLconfig at l.835).
      updateStatelite(db, nodes, oldXm, newXm);
      restoreClientData(cluster, out, nodes, newSn, opts.has('V'));
    }
    if (!opts.has('i') && sns) {
      error |= retargetDumps(cluster, out, nodes, newXm);
    }
    if (!opts.has('i')) {
      error |= onNodes(cluster, out, nodes, oldXm, newXm, opts);
    }
    return out.exit(error ? 1 : 0).result();
  }

  private static void updateStatelite(
      XcatDb db, List<String> nodes, Map<String, String> oldXm, Map<String, String> newXm) {
    for (Map<String, String> row : new ArrayList<>(db.rows("statelite"))) {
      String mnt = row.getOrDefault("statemnt", "");
      int colon = mnt.indexOf(':');
      if (mnt.startsWith("$") || colon < 0) {
        continue; // $noderes.xcatmaster follows the node by itself (seed's advice)
      }
      List<String> applies;
      try {
        applies = db.expand(row.get("node"));
      } catch (IllegalArgumentException e) {
        continue;
      }
      for (String node : nodes) {
        if (applies.contains(node) && mnt.substring(0, colon).equals(oldXm.get(node))) {
          db.set("statelite", node, "statemnt", newXm.get(node) + mnt.substring(colon));
          row.forEach(
              (k, v) -> {
                if (!k.equals("node") && !k.equals("statemnt")) {
                  db.set("statelite", node, k, v);
                }
              });
        }
      }
    }
  }

  private static void restoreClientData(
      XcatCluster cluster,
      Out out,
      List<String> nodes,
      Map<String, String> newSn,
      boolean verbose) {
    XcatDb db = cluster.db();
    for (String node : nodes) {
      String sn = newSn.get(node);
      String image = db.nodeAttribute(node, "provmethod").orElse("");
      Map<String, String> files = cluster.reachable(sn) ? cluster.files(sn) : Map.of();
      String copy = files.get(Diskless.snCopy(db, sn, image, node));
      if (copy == null) {
        if (verbose) {
          out.error(
              "Could not copy "
                  + Diskless.sharedRoot(db, image)
                  + "/"
                  + sn
                  + "_"
                  + image
                  + "/.client_data on "
                  + sn
                  + ".\n");
          out.exit(0);
        }
        cluster.record(
            "snmove: "
                + node
                + ": no NIM client data of "
                + sn
                + " (mkdsklsnode -b was"
                + " not run before -p): "
                + node
                + " cannot boot from "
                + sn);
        continue;
      }
      files.put(Diskless.clientData(db, image, node), copy);
    }
  }

  private static boolean retargetDumps(
      XcatCluster cluster, Out out, List<String> nodes, Map<String, String> newXm) {
    XcatDb db = cluster.db();
    out.info("Checking dump devices.\n");
    boolean error = false;
    List<String> noDump = new ArrayList<>();
    for (String node : nodes) {
      String image = db.nodeAttribute(node, "provmethod").orElse("");
      if (db.value("nimimage", image, "dump").isEmpty()) {
        continue;
      }
      Optional<XcatCluster.ComputeState> c = cluster.compute(node);
      if (!cluster.reachable(node) || c.isEmpty()) {
        noDump.add(node);
        continue;
      }
      c.get().dumpDevice(newXm.get(node) + ":/export/nim/dump/" + image + "/" + node);
      out.info(
          "Set the primary dump device for node '"
              + node
              + "' to '/dev/hdisk1' and changed"
              + " the dump target to '"
              + newXm.get(node)
              + "'.\n");
    }
    if (!noDump.isEmpty()) {
      for (String node : noDump) {
        out.error("Could not run '/usr/bin/sysdumpdev -p /dev/hdisk1' on node " + node + ".\n");
      }
      out.error(
          "One or more errors occured while attemping to re-target the dump device on"
              + " cluster nodes.\n");
      error = true;
    }
    return error;
  }

  private static boolean onNodes(
      XcatCluster cluster,
      Out out,
      List<String> nodes,
      Map<String, String> oldXm,
      Map<String, String> newXm,
      Opts opts) {
    XcatDb db = cluster.db();
    boolean error = false;
    if (opts.has('V')) {
      out.info("Updating the /etc/xcatinfo files.\n");
    }
    for (String node : nodes) {
      if (!cluster.reachable(node)) {
        out.err("Error: " + node + " remote shell had error code: 255");
        error = true;
        continue;
      }
      cluster
          .files(node)
          .put("/etc/xcatinfo", "XCATSERVER=" + cluster.address(newXm.get(node)) + "\n");
    }
    boolean gatewayNet =
        db.rows("networks").stream().anyMatch(r -> "<xcatmaster>".equals(r.get("gateway")));
    if (gatewayNet) {
      out.info("Checking the default routes on the nodes.");
      for (String node : nodes) {
        cluster
            .compute(node)
            .filter(c -> cluster.reachable(node))
            .filter(c -> c.defaultGateway().equals(cluster.address(oldXm.get(node))))
            .ifPresent(c -> c.defaultGateway(cluster.address(newXm.get(node))));
      }
    }
    out.info("Updating the bootlist.\n");
    for (String node : nodes) {
      // snmove.pm runs "bootlist -m normal DEV gateway=... bserver=NEWIP client=NODEIP" on the
      // node, so that its next network boot asks the new SN.
      if (cluster.reachable(node)) {
        cluster.bootServer(node, cluster.address(newXm.get(node)));
      }
    }
    out.info("Running postscripts on the nodes.");
    for (String node : nodes) {
      Optional<XcatCluster.ComputeState> c =
          cluster.compute(node).filter(x -> cluster.reachable(node));
      if (c.isEmpty()) {
        continue;
      }
      List<String> scripts =
          new ArrayList<>(
              db.value("postscripts", "xcatdefaults", "postscripts")
                  .map(XcatDb::split)
                  .orElse(List.of()));
      db.nodeAttribute(node, "postscripts").map(XcatDb::split).ifPresent(scripts::addAll);
      if (scripts.contains("syslog")) {
        c.get().syslog(newXm.get(node));
      }
      if (scripts.contains("setupntp")) {
        c.get().ntp(newXm.get(node));
      }
      opts.value('P').ifPresent(p -> cluster.record("snmove: " + node + ": ran postscripts " + p));
    }
    return error;
  }
}
