package dev.hasnctl.sim.xcat;

import dev.hasnctl.transport.ExecResult;
import java.util.List;

/**
 * {@code xdsh NODERANGE [-t SECONDS] [-e] COMMAND...}: runs the command on each node (reached
 * through its service node), prefixing each output line with {@code node: } (xdsh.1.pod,
 * DSHCLI.pm).
 *
 * <p>A hung node never answers. Without {@code -t} xdsh "waits indefinitely" (xdsh.1.pod, -t), so
 * the whole command hangs; with it, xdsh reports the nodes still running when no output came for
 * that long, as DSHCLI.pm's dsh loop does ("Timed out waiting for response from child processes for
 * the following nodes. Terminating the child processes." and then the nodes), and counts one more
 * failure.
 */
final class Xdsh {
  private Xdsh() {}

  static ExecResult run(XcatCluster cluster, List<String> args) {
    Out out = new Out();
    if (args.size() < 2) {
      return out.err("Usage: xdsh <noderange> [-e] <command_list>").exit(1).result();
    }
    List<String> rest = args.subList(1, args.size());
    boolean timeout = false;
    if (rest.size() > 2 && (rest.get(0).equals("-t") || rest.get(0).equals("--timeout"))) {
      if (!rest.get(1).matches("[0-9]{1,6}")) {
        return out.err("xdsh: -t needs a number of seconds, not " + rest.get(1)).exit(1).result();
      }
      timeout = true;
      rest = rest.subList(2, rest.size());
    }
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
    List<String> timedOut = new java.util.ArrayList<>();
    cluster.chargeFanOut(nodes.size());
    for (String node : nodes) {
      if (cluster.hung(node)
          && (sns(cluster, node).isEmpty()
              || sns(cluster, node).stream().anyMatch(cluster::reachable))) {
        if (!timeout) {
          throw new dev.hasnctl.sim.SimHostException(
              node,
              new dev.hasnctl.sim.Execution.Hung(
                  Long.MAX_VALUE, "xdsh waits for " + node + ", which does not answer", null));
        }
        timedOut.add(node);
        continue;
      }
      if (!reachableThroughServiceNode(cluster, node)) {
        out.err(
            node + ": ssh: connect to host " + node + " port 22: " + cluster.connectFailure(node));
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
    if (!timedOut.isEmpty()) {
      out.err(
          "Error:  Timed out waiting for response from child processes for the following nodes."
              + " Terminating the child processes. ");
      out.err("Error:  " + String.join(" ", timedOut));
      failed += timedOut.size() + 1;
    }
    return out.exit(failed).result();
  }

  private static List<String> sns(XcatCluster cluster, String node) {
    return cluster.db().nodeAttribute(node, "servicenode").map(XcatDb::split).orElse(List.of());
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
    List<String> sns = sns(cluster, node);
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
    // DSHCore.pm's pipe_handler labels every line, a blank one too ("need to preserve blank lines
    // in the output"); Perl's split drops only what follows the last newline.
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    for (String line : body.split("\n", -1)) {
      if (err) {
        out.err(node + ": " + line);
      } else {
        out.info(node + ": " + line);
      }
    }
  }
}
