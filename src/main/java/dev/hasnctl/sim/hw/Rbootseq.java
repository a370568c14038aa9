package dev.hasnctl.sim.hw;

import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.Lpar;
import dev.hasnctl.sim.Role;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.xcat.XcatDb;
import dev.hasnctl.transport.ExecResult;
import java.util.Optional;

/**
 * {@code rbootseq NODERANGE hfi} for LPARs under Direct FSP Management
 * (perl-xCAT/xCAT/FSPbootseq.pm, xCAT-client/pods/man1/rbootseq.1.pod): sets the HFI device as the
 * LPAR's first boot device, its boot string naming the node's boot server, the address of its
 * xcatmaster (PPC.pm: {@code GetMasterNodeName}, noderes.xcatmaster, else site.master). Prints
 * {@code node: Success}.
 */
final class Rbootseq {
  private Rbootseq() {}

  static ExecResult run(Invocation in) {
    if (in.args().size() < 2) {
      return Invocation.fail(1, "Missing command with rbootseq in DFM, net or hfi ?\n");
    }
    String device = in.args().get(1);
    if (device.equals("net")) {
      // The net boot string carries the node's Ethernet MAC address from the mac table, which
      // the simulated database does not hold.
      return Invocation.fail(1, "rbootseq: sim: only hfi is simulated (net needs the mac table)\n");
    }
    if (!device.equals("hfi")) {
      return Invocation.fail(1, "Invalid command: " + device + "\n");
    }
    if (in.args().size() > 2) {
      return Invocation.fail(1, "Invalid Argument: " + in.args().get(2) + "\n");
    }
    XcatDb db = HardwareCommands.db(in);
    HardwareCommands.Nodes nodes = HardwareCommands.nodes(db, in.args().get(0));
    if (nodes.refused().isPresent()) {
      return nodes.refused().get();
    }
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int exit = 0;
    for (String node : nodes.names()) {
      Optional<SimHost> host = in.state().host(node).filter(h -> h.role == Role.COMPUTE);
      if (host.isEmpty()) {
        err.append(node).append(": sim: rbootseq is simulated for compute node LPARs only\n");
        exit = 1;
        continue;
      }
      Optional<String> master = db.nodeAttribute(node, "xcatmaster").or(() -> db.site("master"));
      if (master.isEmpty()) {
        err.append(node).append(": Unable to identify master\n");
        exit = 1;
        continue;
      }
      Optional<String> address = address(in.state(), master.get());
      if (address.isEmpty()) {
        err.append(node).append(": Cannot resolve '").append(master.get()).append("'\n");
        exit = 1;
        continue;
      }
      Lpar lpar = Lpar.of(host.get());
      lpar.bootDevice = device;
      lpar.bootServer = address.get();
      out.append(node).append(": Success\n");
    }
    return ExecResult.exited(exit, out.toString(), err.toString());
  }

  /** The IPv4 address {@code name} resolves to among the simulated hosts. */
  static Optional<String> address(SimState state, String name) {
    if (name.matches("[0-9]+(\\.[0-9]+){3}")) {
      return Optional.of(name);
    }
    return state
        .host(name)
        .flatMap(
            h -> h.aliases.stream().filter(a -> a.matches("[0-9]+(\\.[0-9]+){3}")).findFirst());
  }
}
