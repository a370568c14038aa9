package dev.hasnctl.sim.xcat;

import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The xCAT commands this package simulates, by program name: the entry point the simulator core
 * registers (one SimCommand per name, each delegating to {@link #run}).
 */
public final class XcatCommandSet {
  /** Program names handled here. */
  public static final Set<String> NAMES =
      Set.of(
          "lsdef",
          "chdef",
          "mkdef",
          "rmdef",
          "tabdump",
          "chtab",
          "nodels",
          "xdsh",
          "mkdsklsnode",
          "rmdsklsnode",
          "snmove",
          "mknimimage",
          "rmnimimage",
          "xdcp");

  private XcatCommandSet() {}

  /**
   * Runs {@code program} with {@code args} on the EMS; empty when the program is not one of ours.
   */
  public static Optional<ExecResult> run(XcatCluster cluster, String program, List<String> args) {
    XcatObjects objects = new XcatObjects(cluster.db());
    ExecResult result =
        switch (program) {
          case "lsdef" -> Lsdef.run(objects, args);
          case "chdef" -> Chdef.change(objects, args, false);
          case "mkdef" -> Chdef.change(objects, args, true);
          case "rmdef" -> Chdef.remove(objects, args);
          case "tabdump" -> Tables.tabdump(cluster.db(), args);
          case "chtab" -> Tables.chtab(cluster.db(), args);
          case "nodels" -> Tables.nodels(cluster.db(), args);
          case "xdsh" -> Xdsh.run(cluster, args);
          case "mkdsklsnode" -> Diskless.mkdsklsnode(cluster, args);
          case "rmdsklsnode" -> Diskless.rmdsklsnode(cluster, args);
          case "snmove" -> Snmove.run(cluster, args);
          case "mknimimage" -> Mknimimage.run(cluster, args);
          case "rmnimimage" -> Rmnimimage.run(cluster, args);
          case "xdcp" -> Xdcp.run(cluster, args);
          default -> null;
        };
    return Optional.ofNullable(result);
  }
}
