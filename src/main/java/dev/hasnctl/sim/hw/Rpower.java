package dev.hasnctl.sim.hw;

import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.Lpar;
import dev.hasnctl.sim.Role;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.xcat.XcatDb;
import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Optional;

/**
 * {@code rpower NODERANGE on|off|stat|state} for LPARs under Direct FSP Management
 * (perl-xCAT/xCAT/PPCpower.pm parse_args, FSPpower.pm powercmd and state): {@code stat} and {@code
 * state} print the LPAR state ({@code Running}, {@code Not Activated}); {@code on} and {@code off}
 * print {@code Success} per node and set nodelist.status to {@code powering-on} or {@code
 * powering-off} (monitorctrl::setNodeStatusAttributes, forced). A node powered on boots ({@link
 * NetBoot}); one powered off halts at once, without AIX's shutdown.
 */
final class Rpower {
  /** PPCpower.pm's actions; only some are simulated. */
  private static final List<String> ACTIONS =
      List.of(
          "on",
          "onstandby",
          "off",
          "softoff",
          "stat",
          "state",
          "reset",
          "boot",
          "of",
          "sms",
          "rackstandby",
          "exit_rackstandby",
          "lowpower",
          "resetsp",
          "cycle");

  private Rpower() {}

  static ExecResult run(Invocation in) {
    List<String> args = in.args();
    if (args.isEmpty()) {
      return Invocation.fail(1, "rpower: sim: a noderange and an action are needed\n");
    }
    if (args.size() == 1) {
      return Invocation.fail(1, "No command specified\n");
    }
    String action = args.get(1);
    if (action.startsWith("-")) {
      return Invocation.fail(1, "rpower: sim: option " + action + " is not simulated\n");
    }
    if (!ACTIONS.contains(action)) {
      return Invocation.fail(1, "Invalid command: " + action + "\n");
    }
    if (args.size() > 2) {
      return Invocation.fail(1, "Invalid Argument: " + args.get(2) + "\n");
    }
    if (!List.of("on", "off", "stat", "state").contains(action)) {
      return Invocation.fail(1, "rpower: sim: only on, off, stat and state are simulated\n");
    }
    XcatDb db = HardwareCommands.db(in);
    HardwareCommands.Nodes nodes = HardwareCommands.nodes(db, args.get(0));
    if (nodes.refused().isPresent()) {
      return nodes.refused().get();
    }
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int exit = 0;
    for (String node : nodes.names()) {
      Optional<SimHost> host = in.state().host(node).filter(h -> h.role == Role.COMPUTE);
      if (host.isEmpty()) {
        err.append(node).append(": sim: rpower is simulated for compute node LPARs only\n");
        exit = 1;
        continue;
      }
      Optional<String> refused = act(in, db, host.get(), action);
      if (refused.isPresent()) {
        err.append(node).append(": ").append(refused.get()).append('\n');
        exit = 1;
      } else {
        String shown = action.startsWith("stat") ? Lpar.peek(host.get()).state.shown() : "Success";
        out.append(node).append(": ").append(shown).append('\n');
      }
    }
    return ExecResult.exited(exit, out.toString(), err.toString());
  }

  /** Does {@code action} to {@code node}; the reason when the simulator does not. */
  private static Optional<String> act(Invocation in, XcatDb db, SimHost node, String action) {
    Lpar lpar = Lpar.peek(node);
    switch (action) {
      case "on" -> {
        if (lpar.running()) {
          // fsp-api's answer for an LPAR already running is in no source at hand.
          return Optional.of(
              "sim: rpower on of an LPAR that is Running is not simulated; rpower off first");
        }
        db.set("nodelist", node.name, "status", "powering-on");
        Lpar.of(node).state = Lpar.State.RUNNING;
        NetBoot.boot(in.cluster(), db, node);
        return Optional.empty();
      }
      case "off" -> {
        if (!lpar.running()) {
          return Optional.of("sim: rpower off of an LPAR that is Not Activated is not simulated");
        }
        db.set("nodelist", node.name, "status", "powering-off");
        Lpar.halt(node);
        return Optional.empty();
      }
      default -> {
        return Optional.empty();
      }
    }
  }
}
