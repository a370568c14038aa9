package dev.hasnctl.sim;

import java.util.Optional;

/**
 * Running nodes keep writing their persistent statelite data until they are shut down (seed,
 * "Migrate statelite data": "since the compute nodes in your cluster are currently running, they
 * are still updating their persistent files"). After every command, each running node that answers
 * rewrites its file on the SN that serves it now, stamped with the state's clock, so the newest
 * copy of a node's data is on that SN and a copy taken earlier is older.
 *
 * <p>A node writes only where its data is visible: a GPFS filesystem mounted over the SN's local
 * /install hides the file (and hangs the node, {@link Consequences}), and nothing is written.
 */
public final class StateliteWriters {
  /** The persistent file the simulated nodes write, below their own statelite directory. */
  public static final String ERRLOG = "/var/adm/ras/errlog";

  private StateliteWriters() {}

  /** Lets every running node that writes statelite data write it once, now. */
  public static void write(SimState state) {
    for (SimHost node : state.hosts.values()) {
      Compute compute = node.compute;
      if (node.role != Role.COMPUTE
          || compute == null
          || compute.stateliteFile.isEmpty()
          || !node.reachable
          || !node.hung.isEmpty()) {
        continue;
      }
      NfsMount root = compute.mounts.get("/");
      Optional<SimHost> server = root == null ? Optional.empty() : state.host(root.currentServer());
      if (server.isEmpty()
          || !server.get().reachable
          || !HostFiles.isFile(server.get(), compute.stateliteFile)) {
        continue;
      }
      HostFiles.write(
          server.get(),
          compute.stateliteFile,
          content(node.name, server.get().name, state.clock),
          false,
          state.clock);
    }
  }

  /** What {@code node} writes on {@code server} at {@code clock}. */
  public static String content(String node, String server, long clock) {
    return "errlog of " + node + " written on " + server + " at " + clock + "\n";
  }
}
