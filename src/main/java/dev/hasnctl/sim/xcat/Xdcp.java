package dev.hasnctl.sim.xcat;

import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Map;

/**
 * {@code xdcp NODERANGE SOURCE TARGET}: copies a file of the EMS to each node, reached like xdsh
 * reaches it (through its SN), printing nothing on success and xdsh's messages for a node it cannot
 * reach (both are perl-xCAT/xCAT/DSHCLI.pm). A TARGET ending in {@code /} is a directory. Pulling
 * ({@code -P}) and the other flags are not simulated.
 */
final class Xdcp {
  private Xdcp() {}

  static ExecResult run(XcatCluster cluster, List<String> args) {
    Out out = new Out();
    if (args.stream().anyMatch(a -> a.startsWith("-"))) {
      return out.err("sim: not simulated: xdcp " + String.join(" ", args)).exit(127).result();
    }
    if (args.size() != 3) {
      return out.err("Usage: xdcp <noderange> <source> <target>").exit(1).result();
    }
    String master = cluster.db().site("master").orElse("");
    Map<String, String> emsFiles = cluster.files(master);
    String source = args.get(1);
    String content = emsFiles.get(source);
    if (content == null) {
      return out.error("xdcp: " + source + ": No such file or directory").result();
    }
    String target = args.get(2);
    if (target.endsWith("/")) {
      target = target + source.substring(source.lastIndexOf('/') + 1);
    }
    List<String> nodes;
    try {
      nodes = cluster.db().expand(args.get(0));
    } catch (IllegalArgumentException e) {
      return out.error(e.getMessage()).result();
    }
    int failed = 0;
    cluster.chargeFanOut(nodes.size());
    for (String node : nodes) {
      if (!Xdsh.reachableThroughServiceNode(cluster, node)) {
        out.err(node + ": ssh: connect to host " + node + " port 22: No route to host");
        out.err("Error: " + node + " remote shell had error code: 255");
        failed++;
        continue;
      }
      cluster.files(node).put(target, content);
    }
    return out.exit(failed).result();
  }
}
