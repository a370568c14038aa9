package dev.hasnctl.sim.aix;

import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.Gpfs;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.transport.ExecResult;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mmchfs Device -T MountPoint}: the seed's switch of the shared filesystem from its
 * temporary mount point ({@code /install-gpfs}) to {@code /install} ("Change your GPFS cluster
 * configuration so the mount point ... is switched to /install"). The mount point is the GPFS
 * cluster's, so it changes for every member node, and takes effect at the next mount (IBM Storage
 * Scale, "Mountpoint directory": the default mount point "can be specified and changed with the -T
 * option of the mmcrfs and mmchfs commands").
 *
 * <p>The simulator refuses the change while any node has the filesystem mounted (its own message;
 * the real command's behaviour there was not found), and prints nothing on success.
 */
public final class Mmchfs {
  private Mmchfs() {}

  /** The command. */
  public static List<SimCommand> all() {
    return List.of(Commands.of("mmchfs", Mmchfs::mmchfs));
  }

  private static ExecResult mmchfs(Invocation in) {
    SimHost host = in.host();
    if (host.gpfs == null) {
      return Invocation.fail(1, "mmchfs: This node does not belong to a GPFS cluster.\n");
    }
    List<String> args = in.args();
    if (args.size() != 3 || !args.get(1).equals("-T") || !args.get(2).startsWith("/")) {
      return Invocation.fail(1, "mmchfs: sim: only mmchfs Device -T MountPoint is simulated\n");
    }
    String device = args.get(0).startsWith("/dev/") ? args.get(0).substring(5) : args.get(0);
    if (!host.gpfs.filesystems.containsKey(device)) {
      return Invocation.fail(
          1, "mmchfs: File system " + device + " is not known to the GPFS cluster.\n");
    }
    List<Gpfs.Filesystem> members = new ArrayList<>();
    for (SimHost member : in.state().hosts.values()) {
      Gpfs.Filesystem fs =
          member.gpfs == null || !member.gpfs.cluster.equals(host.gpfs.cluster)
              ? null
              : member.gpfs.filesystems.get(device);
      if (fs == null) {
        continue;
      }
      if (fs.mounted) {
        return Invocation.fail(
            1,
            "mmchfs: sim: "
                + device
                + " is mounted on "
                + member.name
                + ": unmount it on every node before changing its mount point\n");
      }
      members.add(fs);
    }
    members.forEach(fs -> fs.mountPoint = args.get(2));
    return Invocation.ok("");
  }
}
