package dev.hasnctl.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which simulated hosts see a file: one below a GPFS filesystem's mount point is on every host that
 * has that filesystem (same GPFS cluster and device), as the seed's SNs share one GPFS {@code
 * /install}; any other path is the host's own. The simulator keeps sized files (the paging files
 * the SNs write with {@code dd}) on every such host, so each SN lists what another wrote.
 */
public final class GpfsShare {
  private GpfsShare() {}

  /** The hosts that see {@code path} as {@code host} sees it, {@code host} first. */
  public static List<SimHost> hostsSeeing(SimState state, SimHost host, String path) {
    List<SimHost> out = new ArrayList<>();
    out.add(host);
    if (host.gpfs == null) {
      return out;
    }
    for (Map.Entry<String, Gpfs.Filesystem> fs : host.gpfs.filesystems.entrySet()) {
      if (!below(path, fs.getValue().mountPoint)) {
        continue;
      }
      for (SimHost other : state.hosts.values()) {
        if (other != host
            && other.gpfs != null
            && other.gpfs.cluster.equals(host.gpfs.cluster)
            && other.gpfs.filesystems.containsKey(fs.getKey())) {
          out.add(other);
        }
      }
      break;
    }
    return out;
  }

  private static boolean below(String path, String mountPoint) {
    return !mountPoint.isEmpty() && path.startsWith(mountPoint + "/");
  }
}
