package dev.hasnctl.sim.hw;

import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.Lpar;
import dev.hasnctl.sim.Role;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.transport.ExecResult;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code nodestat NODERANGE [-p] [-f]} (xCAT-server/lib/xcat/plugins/nodestat.pm): one {@code node:
 * STATUS} line per node, sorted by name. A node whose sshd port answers is {@code sshd}; one that
 * answers ping only is {@code ping}; one that does not answer is {@code noping}, with {@code -p}
 * followed by its power state in parentheses, as {@code rpower stat} prints it.
 */
final class Nodestat {
  static final String USAGE =
      """
      Usage:
        nodestat [noderange] [-m|--usemon] [-p|powerstat] [-f|--usefping] [-u|--updatedb]
        nodestat [-h|--help|-v|--version]
      """;

  private Nodestat() {}

  static ExecResult run(Invocation in) {
    boolean power = false;
    List<String> operands = new ArrayList<>();
    for (String arg : in.args()) {
      switch (arg) {
        case "-p", "--powerstat" -> power = true;
        case "-f", "--usefping" -> {
          // fping instead of nmap: the same answer from a simulated node.
        }
        case "-h", "--help" -> {
          return Invocation.ok(USAGE);
        }
        case "-m", "--usemon", "-u", "--updatedb", "-v", "--version" -> {
          return Invocation.fail(1, "nodestat: sim: " + arg + " is not simulated\n");
        }
        default -> {
          if (arg.startsWith("-")) {
            return ExecResult.exited(1, USAGE, "");
          }
          operands.add(arg);
        }
      }
    }
    if (operands.size() != 1) {
      return ExecResult.exited(1, USAGE, "");
    }
    HardwareCommands.Nodes nodes = HardwareCommands.nodes(HardwareCommands.db(in), operands.get(0));
    if (nodes.refused().isPresent()) {
      return nodes.refused().get();
    }
    StringBuilder out = new StringBuilder();
    for (String node : new TreeSet<>(nodes.names())) {
      String status = in.state().host(node).map(Nodestat::status).orElse("noping");
      if (power && status.equals("noping")) {
        status += "(" + in.state().host(node).map(h -> Lpar.peek(h).state.shown()).orElse("") + ")";
      }
      out.append(node).append(": ").append(status).append('\n');
    }
    return Invocation.ok(out.toString());
  }

  /**
   * What nmap or fping and a connect to port 22 find: a powered-off, cut-off or not yet networked
   * node answers nothing; a node stopped in AIX's network boot (an LED code showing) has its
   * address up and no sshd; a running node's kernel completes the TCP handshake on port 22 even
   * when its processes hang on a lost NFS server.
   */
  static String status(SimHost host) {
    if (host.role != Role.COMPUTE) {
      return host.reachable ? "sshd" : "noping";
    }
    Lpar lpar = Lpar.peek(host);
    if (!lpar.running()) {
      return "noping";
    }
    if (lpar.hungInBoot()) {
      return lpar.led.isEmpty() ? "noping" : "ping";
    }
    return host.reachable ? "sshd" : "noping";
  }
}
