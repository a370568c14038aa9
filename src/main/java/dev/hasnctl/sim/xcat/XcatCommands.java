package dev.hasnctl.sim.xcat;

import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.transport.ExecResult;
import java.util.List;

/** The xCAT commands as simulator commands, part of {@code SimCommands.standard()}. */
public final class XcatCommands {
  private XcatCommands() {}

  /** One SimCommand per name in {@link XcatCommandSet#NAMES}. */
  public static List<SimCommand> all() {
    return XcatCommandSet.NAMES.stream().sorted().map(XcatCommands::command).toList();
  }

  private static SimCommand command(String name) {
    return new SimCommand() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public ExecResult run(Invocation invocation) {
        SimXcatCluster cluster = new SimXcatCluster(invocation.cluster());
        ExecResult r = XcatCommandSet.run(cluster, name, invocation.args()).orElseThrow();
        cluster.flush();
        return r;
      }

      @Override
      public boolean readOnly() {
        // xdsh changes nothing itself: each command it runs on a node answers for itself.
        return name.equals("lsdef")
            || name.equals("tabdump")
            || name.equals("nodels")
            || name.equals("xdsh");
      }
    };
  }
}
