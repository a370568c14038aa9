package dev.hasnctl.sim.aix;

import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.Gpfs;
import dev.hasnctl.sim.GpfsMounts;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Map;

/**
 * GPFS administration as seen from one node of the admin cluster: {@code mmgetstate [-a]}, {@code
 * mmlsmount DEV|all [-L]}, {@code mmlsfs DEV -B}, {@code mmlscluster}, {@code mmshutdown}, {@code
 * mmstartup}. Only the local node is started or stopped ({@code -a} is not simulated).
 */
public final class GpfsCommands {
  /** GPFS prints a date on its progress lines; the simulator has no wall time. */
  static final String DATE = "Thu Jan  1 00:00:00 UTC 1970";

  private GpfsCommands() {}

  static List<SimCommand> all() {
    return List.of(
        Commands.reading("mmgetstate", GpfsCommands::mmgetstate),
        Commands.reading("mmlsmount", GpfsCommands::mmlsmount),
        Commands.reading("mmlsfs", GpfsCommands::mmlsfs),
        Commands.reading("mmlscluster", GpfsCommands::mmlscluster),
        Commands.of("mmshutdown", i -> startStop(i, false)),
        Commands.of("mmstartup", i -> startStop(i, true)));
  }

  private static ExecResult notGpfs(String command) {
    return Invocation.fail(1, command + ": This node does not belong to a GPFS cluster.\n");
  }

  /** The hosts of the GPFS cluster {@code host} belongs to, in name order. */
  private static List<SimHost> members(Invocation in) {
    String cluster = in.host().gpfs.cluster;
    return in.state().hosts.values().stream()
        .filter(h -> h.gpfs != null && h.gpfs.cluster.equals(cluster))
        .toList();
  }

  private static ExecResult mmgetstate(Invocation in) {
    if (in.host().gpfs == null) {
      return notGpfs("mmgetstate");
    }
    List<SimHost> shown = in.args().contains("-a") ? members(in) : List.of(in.host());
    List<SimHost> all = members(in);
    StringBuilder out = new StringBuilder();
    out.append("\n Node number  Node name        GPFS state \n");
    out.append("------------------------------------------\n");
    for (SimHost h : shown) {
      String state = !h.reachable ? "unknown" : h.gpfs.active ? "active" : "down";
      // mmgetstate's "Node name" column is the daemon node name's short form.
      String daemon = h.gpfs.daemonName(h.name);
      String shortName = daemon.contains(".") ? daemon.substring(0, daemon.indexOf('.')) : daemon;
      out.append(String.format("  %6d      %-16s %s%n", all.indexOf(h) + 1, shortName, state));
    }
    return Invocation.ok(out.toString());
  }

  private static String device(String arg) {
    return arg.startsWith("/dev/") ? arg.substring(5) : arg;
  }

  private static ExecResult mmlsmount(Invocation in) {
    if (in.host().gpfs == null) {
      return notGpfs("mmlsmount");
    }
    if (in.args().isEmpty()) {
      return Invocation.fail(1, "Usage: mmlsmount {Device | all} [-L]\n");
    }
    String target = device(in.args().get(0));
    boolean list = in.args().contains("-L");
    Map<String, Gpfs.Filesystem> known = in.host().gpfs.filesystems;
    List<String> devices = target.equals("all") ? List.copyOf(known.keySet()) : List.of(target);
    StringBuilder out = new StringBuilder();
    for (String dev : devices) {
      if (!known.containsKey(dev)) {
        return Invocation.fail(
            1, "mmlsmount: File system " + dev + " is not known to the GPFS cluster.\n");
      }
      List<SimHost> mounted =
          members(in).stream()
              .filter(h -> h.reachable && h.gpfs.active)
              .filter(
                  h -> h.gpfs.filesystems.containsKey(dev) && h.gpfs.filesystems.get(dev).mounted)
              .toList();
      if (mounted.isEmpty()) {
        out.append("File system ").append(dev).append(" is not mounted.\n");
      } else if (list) {
        out.append("\nFile system ")
            .append(dev)
            .append(" is mounted on ")
            .append(mounted.size())
            .append(" nodes:\n");
        for (SimHost h : mounted) {
          String address =
              h.aliases.stream().filter(a -> a.matches("[0-9.]+")).findFirst().orElse(h.name);
          if (h.gpfs.daemonName.isEmpty()) {
            out.append(String.format("  %-15s %-28s%n", address, h.name));
          } else {
            out.append(
                String.format(
                    "  %-15s %-28s %s%n", address, h.gpfs.daemonName, in.host().gpfs.cluster));
          }
        }
      } else {
        out.append("File system ")
            .append(dev)
            .append(" is mounted on ")
            .append(mounted.size())
            .append(" nodes.\n");
      }
    }
    return Invocation.ok(out.toString());
  }

  private static final String MMLSFS_HEADER =
      """
      flag                value                    description
      ------------------- ------------------------ -----------------------------------
      """;

  private static ExecResult mmlsfs(Invocation in) {
    if (in.host().gpfs == null) {
      return notGpfs("mmlsfs");
    }
    List<String> flags = in.args().size() < 2 ? List.of() : in.args().subList(1, in.args().size());
    if (flags.isEmpty() || !List.of("-B", "-T").containsAll(flags)) {
      return Invocation.fail(1, "mmlsfs: sim: only mmlsfs Device -B and -T are simulated\n");
    }
    Gpfs.Filesystem fs = in.host().gpfs.filesystems.get(device(in.args().get(0)));
    if (fs == null) {
      return Invocation.fail(
          1,
          "mmlsfs: File system "
              + device(in.args().get(0))
              + " is not known to the GPFS cluster.\n");
    }
    StringBuilder out = new StringBuilder(MMLSFS_HEADER);
    for (String flag : flags) {
      if (flag.equals("-B")) {
        out.append(
            String.format(
                " -B                 %-24s Block size%n", FileCommands.bytes(fs.blockSize)));
      } else {
        out.append(String.format(" -T                 %-24s Default mount point%n", fs.mountPoint));
      }
    }
    String text = out.toString();
    return Invocation.ok(text);
  }

  private static ExecResult mmlscluster(Invocation in) {
    if (in.host().gpfs == null) {
      return notGpfs("mmlscluster");
    }
    List<SimHost> members = members(in);
    StringBuilder out = new StringBuilder();
    out.append("\nGPFS cluster information\n========================\n");
    out.append("  GPFS cluster name:         ").append(in.host().gpfs.cluster).append('\n');
    out.append("  Remote shell command:      /usr/bin/ssh\n");
    out.append("  Remote file copy command:  /usr/bin/scp\n\n");
    out.append("GPFS cluster configuration servers:\n-----------------------------------\n");
    out.append("  Primary server:    ")
        .append(members.get(0).gpfs.daemonName(members.get(0).name))
        .append('\n');
    if (members.size() > 1) {
      out.append("  Secondary server:  ")
          .append(members.get(1).gpfs.daemonName(members.get(1).name))
          .append('\n');
    }
    out.append(
        "\n Node  Daemon node name            IP address       Admin node name             Designation\n");
    out.append("-".repeat(95)).append('\n');
    for (int i = 0; i < members.size(); i++) {
      SimHost h = members.get(i);
      String address = h.aliases.stream().filter(a -> a.matches("[0-9.]+")).findFirst().orElse("");
      out.append(
          String.format(
              "   %-4d %-27s %-16s %-27s %s%n",
              i + 1,
              h.gpfs.daemonName(h.name),
              address,
              h.gpfs.daemonName(h.name),
              i < 3 ? "quorum" : ""));
    }
    return Invocation.ok(out.toString());
  }

  private static ExecResult startStop(Invocation in, boolean start) {
    SimHost host = in.host();
    String command = start ? "mmstartup" : "mmshutdown";
    if (host.gpfs == null) {
      return notGpfs(command);
    }
    if (!in.args().isEmpty()) {
      return Invocation.fail(
          1, command + ": sim: only the local node is simulated (no -a or -N)\n");
    }
    StringBuilder out = new StringBuilder();
    if (start) {
      out.append(DATE).append(": mmstartup: Starting GPFS ...\n");
      host.gpfs.active = true;
      host.gpfs.filesystems.forEach(
          (device, fs) -> GpfsMounts.set(in.state(), host, device, fs.automount));
    } else {
      out.append(DATE).append(": mmshutdown: Starting force unmount of GPFS file systems\n");
      out.append(DATE).append(": mmshutdown: Shutting down GPFS daemons\n");
      out.append(DATE).append(": mmshutdown: Finished\n");
      host.gpfs.active = false;
      GpfsMounts.unmountAll(in.state(), host);
    }
    return Invocation.ok(out.toString());
  }
}
