package dev.hasnctl.sim.hw;

import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.sim.xcat.XcatDb;
import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Optional;

/**
 * xCAT's hardware control and node status commands for the p775 compute node LPARs, run on the EMS:
 * {@code rpower}, {@code rbootseq} and {@code nodestat}. A node powered on boots from NIM on its
 * service node ({@link NetBoot}).
 */
public final class HardwareCommands {
  private HardwareCommands() {}

  /** All of them. */
  public static List<SimCommand> all() {
    return List.of(
        Commands.of("rpower", Rpower::run),
        Commands.of("rbootseq", Rbootseq::run),
        Commands.reading("nodestat", Nodestat::run));
  }

  /** The xCAT database of the EMS the command runs on. */
  static XcatDb db(Invocation in) {
    return new XcatDb(in.state().tables.asMap());
  }

  /**
   * The nodes of {@code noderange}, or the failure xCAT prints when it names something that is
   * neither a node nor a group ({@code Invalid nodes in noderange}, xcatd's noderange check).
   */
  static Nodes nodes(XcatDb db, String noderange) {
    List<String> nodes;
    try {
      nodes = db.expand(noderange);
    } catch (IllegalArgumentException e) {
      return new Nodes(
          List.of(), Optional.of(Invocation.fail(1, "Error: " + e.getMessage() + "\n")));
    }
    List<String> unknown = nodes.stream().filter(n -> !db.isNode(n)).toList();
    if (!unknown.isEmpty() || nodes.isEmpty()) {
      return new Nodes(
          List.of(),
          Optional.of(
              Invocation.fail(
                  1, "Error: Invalid nodes in noderange:" + String.join(",", unknown) + "\n")));
    }
    return new Nodes(nodes, Optional.empty());
  }

  /** A noderange's nodes, or the result to return instead when it names unknown ones. */
  record Nodes(List<String> names, Optional<ExecResult> refused) {}
}
