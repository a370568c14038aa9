package dev.hasnctl.sim.xcat;

import dev.hasnctl.transport.ExecResult;
import java.util.List;

/**
 * {@code xdsh NODERANGE [-e] COMMAND...}: runs the command on each node (reached through its
 * service node), prefixing each output line with {@code node: } (xdsh.1.pod, DSHCLI.pm).
 */
final class Xdsh {
  private Xdsh() {}

  static ExecResult run(XcatCluster cluster, List<String> args) {
    Out out = new Out();
    if (args.size() < 2) {
      return out.err("Usage: xdsh <noderange> [-e] <command_list>").exit(1).result();
    }
    List<String> rest = args.subList(1, args.size());
    boolean script = rest.get(0).equals("-e");
    if (script) {
      rest = rest.subList(1, rest.size());
    }
    String command = String.join(" ", rest);
    List<String> nodes;
    try {
      nodes = cluster.db().expand(args.get(0));
    } catch (IllegalArgumentException e) {
      return out.error(e.getMessage()).result();
    }
    int failed = 0;
    cluster.chargeFanOut(nodes.size());
    for (String node : nodes) {
      if (!reachableThroughServiceNode(cluster, node)) {
        out.err(node + ": ssh: connect to host " + node + " port 22: No route to host");
        out.err("Error: " + node + " remote shell had error code: 255");
        failed++;
        continue;
      }
      ExecResult r = cluster.exec(node, command);
      prefix(out, node, r.stdout(), false);
      prefix(out, node, r.stderr(), true);
      if (!r.succeeded()) {
        out.err(
            "Error:  "
                + node
                + " remote Command had return code: "
                + r.exitCode().orElse(255)
                + " ");
        failed++;
      }
    }
    return out.exit(failed).result();
  }

  /**
   * Whether xdsh gets to {@code node}: the node must be up, and one of its service nodes must be.
   * Falling back to the backup SN is recorded as slow (seed: "performance degradation while xCAT
   * times out trying to contact the primary service node").
   */
  static boolean reachableThroughServiceNode(XcatCluster cluster, String node) {
    if (!cluster.reachable(node)) {
      return false;
    }
    List<String> sns =
        cluster.db().nodeAttribute(node, "servicenode").map(XcatDb::split).orElse(List.of());
    if (sns.isEmpty() || cluster.reachable(sns.get(0))) {
      return true;
    }
    for (String backup : sns.subList(1, sns.size())) {
      if (cluster.reachable(backup)) {
        cluster.record(
            "xdsh: "
                + node
                + ": primary SN "
                + sns.get(0)
                + " down, used "
                + backup
                + " after a timeout (slow)");
        return true;
      }
    }
    return false;
  }

  private static void prefix(Out out, String node, String text, boolean err) {
    if (text.isEmpty()) {
      return;
    }
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      if (err) {
        out.err(node + ": " + line);
      } else {
        out.info(node + ": " + line);
      }
    }
  }
}
