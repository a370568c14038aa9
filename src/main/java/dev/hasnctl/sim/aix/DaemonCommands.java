package dev.hasnctl.sim.aix;

import dev.hasnctl.model.HostName;
import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.Gpfs;
import dev.hasnctl.sim.GpfsMounts;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.Subsystem;
import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Optional;

/**
 * Starting what hasnctl's steps start: {@code mmmount DEVICE} and {@code mmumount DEVICE} (this
 * node only), and xCAT's {@code restartxcatd} (xCAT-server/sbin/restartxcatd).
 */
public final class DaemonCommands {
  private DaemonCommands() {}

  /** All of them. */
  public static List<SimCommand> all() {
    return List.of(
        Commands.of("mmmount", in -> mount(in, true)),
        Commands.of("mmumount", in -> mount(in, false)),
        Commands.of("restartxcatd", DaemonCommands::restartxcatd));
  }

  private static ExecResult mount(Invocation in, boolean mount) {
    String command = mount ? "mmmount" : "mmumount";
    SimHost host = in.host();
    if (host.gpfs == null) {
      return Invocation.fail(1, command + ": This node does not belong to a GPFS cluster.\n");
    }
    if (in.args().size() != 1) {
      return Invocation.fail(
          1, command + ": sim: only " + command + " DEVICE on the local node is simulated\n");
    }
    String device = in.args().get(0);
    String name = device.startsWith("/dev/") ? device.substring(5) : device;
    Gpfs.Filesystem fs = host.gpfs.filesystems.get(name);
    if (fs == null) {
      return Invocation.fail(
          1, command + ": File system " + name + " is not known to the GPFS cluster.\n");
    }
    if (!host.gpfs.active) {
      return Invocation.fail(
          1, command + ": GPFS is not active on this node: start it with mmstartup.\n");
    }
    GpfsMounts.set(in.state(), host, name, mount);
    return Invocation.ok(
        GpfsCommands.DATE
            + ": "
            + command
            + ": "
            + (mount ? "Mounting" : "Unmounting")
            + " file systems ...\n");
  }

  /**
   * As xCAT-server/sbin/restartxcatd does on AIX: {@code stopsrc -s xcatd} when it is active, then
   * {@code startsrc -s xcatd}; what it prints is what those print ({@code -V} messages aside).
   */
  private static ExecResult restartxcatd(Invocation in) {
    if (!in.args().isEmpty()) {
      return Invocation.fail(
          1, "restartxcatd [[-h|--help] | [-v|--version] | [-r|--reload]] [-V|--verbose]\n");
    }
    HostName host = HostName.of(in.host().name);
    Subsystem xcatd = in.host().subsystems.get("xcatd");
    StringBuilder out = new StringBuilder();
    if (xcatd != null && xcatd.active) {
      ExecResult stop = in.cluster().execShell(host, "stopsrc -s xcatd", Optional.empty());
      out.append(stop.stdout());
      if (!stop.succeeded()) {
        return ExecResult.exited(
            1, out.toString(), "Error: Cannot run stopsrc command correctly.\n");
      }
    }
    ExecResult start = in.cluster().execShell(host, "startsrc -s xcatd", Optional.empty());
    out.append(start.stdout());
    if (!start.succeeded()) {
      return ExecResult.exited(
          1, out.toString(), start.stderr() + "Error: Cannot run startsrc command correctly.\n");
    }
    return Invocation.ok(out.toString());
  }
}
