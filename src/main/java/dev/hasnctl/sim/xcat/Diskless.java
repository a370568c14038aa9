package dev.hasnctl.sim.xcat;

import dev.hasnctl.transport.ExecResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code mkdsklsnode} and {@code rmdsklsnode} on AIX with a shared /install (aixinstall.pm,
 * mkdsklsnode.1.pod), with the seed's consequences: both SNs of a node at once corrupts the shared
 * NIM client files; {@code -p} before {@code -b} leaves the node unable to boot from its backup.
 *
 * <p>Client files: the shared {@code SR/etc/.client_data/NODE} names the SN the node boots from
 * (the last one configured); each SN also keeps its own copy under {@code
 * SR/SN_IMAGE/.client_data/NODE}, which snmove restores.
 */
final class Diskless {
  private Diskless() {}

  static String sharedRoot(XcatDb db, String image) {
    return "/install/nim/shared_root/"
        + db.value("nimimage", image, "shared_root").orElse(image + "_shared_root");
  }

  static String clientData(XcatDb db, String image, String node) {
    return sharedRoot(db, image) + "/etc/.client_data/" + node;
  }

  static String snCopy(XcatDb db, String sn, String image, String node) {
    return sharedRoot(db, image) + "/" + sn + "_" + image + "/.client_data/" + node;
  }

  static ExecResult mkdsklsnode(XcatCluster cluster, List<String> args) {
    Out out = new Out();
    Opts opts;
    try {
      opts = Opts.parse(args, "Vfnhi:l:ukpbS");
    } catch (Opts.BadOption e) {
      return out.err(e.getMessage()).exit(1).result();
    }
    if (opts.has('p') && opts.has('b')) {
      return out.error("The -p and -b options cannot be used together.").result();
    }
    XcatDb db = cluster.db();
    Map<String, String> attrs = new LinkedHashMap<>();
    List<String> ranges = new ArrayList<>();
    for (String operand : opts.operands()) {
      int eq = operand.indexOf('=');
      if (eq > 0) {
        attrs.put(operand.substring(0, eq), operand.substring(eq + 1));
      } else {
        ranges.add(operand);
      }
    }
    if (ranges.size() != 1) {
      return out.error("A noderange is required.").result();
    }
    List<String> nodes;
    try {
      nodes = db.expand(ranges.get(0));
    } catch (IllegalArgumentException e) {
      return out.error(e.getMessage()).result();
    }
    // Both SNs when neither -p nor -b: xcatd sends one request to each SN and they run in parallel.
    boolean bothAtOnce = !opts.has('p') && !opts.has('b');
    for (String node : nodes) {
      Optional<String> image = opts.value('i').or(() -> db.nodeAttribute(node, "provmethod"));
      if (image.isEmpty()) {
        out.error("Could not determine an osimage name for node '" + node + "'.");
        continue;
      }
      opts.value('i').ifPresent(i -> db.set("nodetype", node, "provmethod", i));
      if (attrs.containsKey("configdump")) {
        db.set("nimimage", image.get(), "configdump", attrs.get("configdump"));
      }
      List<String> sns = db.nodeAttribute(node, "servicenode").map(XcatDb::split).orElse(List.of());
      if (sns.isEmpty()) {
        out.error("Could not determine the service node for node '" + node + "'.");
        continue;
      }
      List<String> targets = new ArrayList<>();
      if (opts.has('b')) {
        if (sns.size() < 2) {
          out.error("No backup service node is defined for node '" + node + "'.");
          continue;
        }
        targets.add(sns.get(1));
      } else if (opts.has('p')) {
        targets.add(sns.get(0));
      } else {
        targets.addAll(sns);
      }
      if (cluster.inProgress().contains(node) || (bothAtOnce && targets.size() > 1)) {
        cluster.record(
            "mkdsklsnode: "
                + node
                + ": NIM client files in the shared /install"
                + " corrupted: mkdsklsnode ran for both of its service nodes at once");
        db.set("nodelist", node, "status", "corrupt-nim-client");
      }
      cluster.inProgress().add(node);
      for (String sn : targets) {
        if (!cluster.reachable(sn)) {
          out.error("Could not contact service node " + sn + ".");
          continue;
        }
        if (opts.has('p') && sns.size() > 1 && !cluster.nim(sns.get(1)).containsKey(node)) {
          cluster.record(
              "mkdsklsnode: "
                  + node
                  + ": -p ran before -b: "
                  + node
                  + " cannot boot from its backup service node "
                  + sns.get(1));
        }
        define(cluster, out, sn, node, image.get());
        if (opts.has('S')) {
          export(cluster, sn, sns);
        }
      }
    }
    nodes.forEach(cluster.inProgress()::remove);
    return out.result();
  }

  private static void define(XcatCluster cluster, Out out, String sn, String node, String image) {
    XcatDb db = cluster.db();
    Map<String, Map<String, String>> nim = cluster.nim(sn);
    String nfsVers =
        db.site("useNFSv4onAIX").filter(v -> v.matches("(?i)1|y|yes")).isPresent() ? "4" : "3";
    for (String type :
        List.of("spot", "shared_root", "paging", "dump", "resolv_conf", "installp_bundle")) {
      Optional<String> res = db.value("nimimage", image, type);
      if (res.isEmpty() || nim.containsKey(res.get())) {
        continue;
      }
      Map<String, String> object = new LinkedHashMap<>();
      object.put("class", "resources");
      object.put("type", type);
      // The SN's resource is a copy of the NIM primary's definition, in the same place (a dump
      // resource stays off GPFS); a SPOT's location is its /usr (lsnim -l: .../spot/NAME/usr).
      String location = "/install/nim/" + type + "/" + res.get();
      object.put(
          "location",
          primaryLocation(cluster, sn, res.get())
              .orElse(type.equals("spot") ? location + "/usr" : location));
      object.put("nfs_vers", nfsVers);
      nim.put(res.get(), object);
      directory(cluster, sn, node, type, object.get("location"));
      out.info("Copying NIM resource " + res.get() + " to service nodes.");
    }
    Map<String, String> machine = new LinkedHashMap<>();
    machine.put("class", "machines");
    machine.put("type", "diskless");
    machine.put("Cstate", "diskless or dataless boot is enabled");
    db.value("nimimage", image, "spot").ifPresent(s -> machine.put("spot", s));
    nim.put(node, machine);
    // /install is one GPFS filesystem on both SNs: the shared client file is whoever wrote last.
    for (String host : db.nodeAttribute(node, "servicenode").map(XcatDb::split).orElse(List.of())) {
      if (cluster.reachable(host)) {
        cluster.files(host).put(clientData(db, image, node), sn + "\n");
        cluster.files(host).put(snCopy(db, sn, image, node), sn + "\n");
      }
    }
  }

  /**
   * Makes a resource's directory: below /install on every SN of {@code node} (one shared GPFS
   * filesystem), elsewhere (the dump resource) on {@code sn} only. Bundles and resolv_conf are
   * files.
   */
  private static void directory(
      XcatCluster cluster, String sn, String node, String type, String location) {
    if (type.equals("installp_bundle") || type.equals("resolv_conf")) {
      return;
    }
    String install = cluster.db().site("installdir").orElse("/install");
    List<String> hosts =
        location.startsWith(install + "/")
            ? cluster.db().nodeAttribute(node, "servicenode").map(XcatDb::split).orElse(List.of())
            : List.of(sn);
    hosts.stream().filter(cluster::reachable).forEach(h -> cluster.makeDirectory(h, location));
  }

  /** Where the NIM primary (the EMS, site.master) defines resource {@code name}, if it does. */
  private static Optional<String> primaryLocation(XcatCluster cluster, String sn, String name) {
    return cluster
        .db()
        .site("master")
        .filter(master -> !master.equals(sn) && cluster.reachable(master))
        .flatMap(master -> Optional.ofNullable(cluster.nim(master).get(name)))
        .flatMap(resource -> Optional.ofNullable(resource.get("location")));
  }

  /** Writes the NFSv4 replica export of /install (seed: "Verify the NFSv4 replication setup"). */
  private static void export(XcatCluster cluster, String sn, List<String> sns) {
    StringBuilder replicas = new StringBuilder("/install@" + cluster.address(sn));
    for (String other : sns) {
      if (!other.equals(sn)) {
        replicas.append(":/install@").append(cluster.address(other));
      }
    }
    String line = "/install -replicas=" + replicas + ",vers=4,rw,noauto,root=*";
    Map<String, String> files = cluster.files(sn);
    StringBuilder kept = new StringBuilder();
    for (String l : files.getOrDefault("/etc/exports", "").split("\n", -1)) {
      if (!l.isEmpty() && !l.startsWith("/install ")) {
        kept.append(l).append('\n');
      }
    }
    boolean first = !files.getOrDefault("/etc/exports", "").contains("replicas=");
    files.put("/etc/exports", kept + line + "\n");
    if (first) {
      // First replica export on this SN: aixinstall.pm enables replication before it.
      cluster.exec(sn, "exportfs -ua");
      cluster.exec(sn, "chnfs -R on");
    }
    cluster.exec(sn, "exportfs -a");
  }

  /**
   * Whether rmdsklsnode takes {@code node} for running: aixinstall.pm checks NIM's Mstate
   * ("currently running") and nodelist.status (booted or alive); here, a booted node that answers
   * or hangs (a hung node still runs).
   */
  private static boolean running(XcatCluster cluster, String node) {
    return cluster.compute(node).isPresent() && (cluster.reachable(node) || cluster.hung(node));
  }

  /**
   * {@code rmdsklsnode [-V] [-f] [-r] [-p|-b] NODERANGE} (aixinstall.pm, rmdsklsnode): a running
   * node is refused ("The node 'N' is currently running. Use the -f flag to force the removal of
   * the NIM client definition.") unless {@code -f}, which first shuts it down with {@code xdsh N
   * "shutdown -F &"}, or {@code -r}, which removes only the definition.
   */
  static ExecResult rmdsklsnode(XcatCluster cluster, List<String> args) {
    Out out = new Out();
    Opts opts;
    try {
      opts = Opts.parse(args, "Vfhpbri:");
    } catch (Opts.BadOption e) {
      return out.err(e.getMessage()).exit(1).result();
    }
    if (opts.operands().size() != 1) {
      return out.error("A noderange is required.").result();
    }
    XcatDb db = cluster.db();
    List<String> nodes;
    try {
      nodes = db.expand(opts.operands().get(0));
    } catch (IllegalArgumentException e) {
      return out.error(e.getMessage()).result();
    }
    for (String node : nodes) {
      if (running(cluster, node) && !opts.has('r')) {
        if (!opts.has('f')) {
          out.error(
              "The node '"
                  + node
                  + "' is currently running. Use the -f flag to force the removal of the NIM"
                  + " client definition.");
          continue;
        }
        // aixinstall.pm shuts it down through xdsh and assumes it is down then.
        Xdsh.run(cluster, List.of(node, "shutdown -F &"));
      }
      List<String> sns = db.nodeAttribute(node, "servicenode").map(XcatDb::split).orElse(List.of());
      List<String> targets = new ArrayList<>();
      if (opts.has('b')) {
        targets.addAll(sns.subList(Math.min(1, sns.size()), sns.size()));
        if (!sns.isEmpty() && cluster.nim(sns.get(0)).containsKey(node)) {
          out.err(
              "Warning: "
                  + node
                  + " is still defined on its primary service node "
                  + sns.get(0)
                  + "; remove it there first.");
          cluster.record("rmdsklsnode: " + node + ": backup removed before primary");
        }
      } else if (opts.has('p')) {
        targets.addAll(sns.subList(0, Math.min(1, sns.size())));
      } else {
        targets.addAll(sns); // primary first, then backup (seed: removal is the reverse)
      }
      for (String sn : targets) {
        if (!cluster.reachable(sn)) {
          out.error("Could not contact service node " + sn + ".");
          continue;
        }
        cluster.nim(sn).remove(node);
      }
    }
    return out.result();
  }
}
