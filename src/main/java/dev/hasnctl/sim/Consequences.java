package dev.hasnctl.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seed's consequences, evaluated on the state after every command and fault (there is no real
 * time: what would happen "soon" happens at the next evaluation).
 *
 * <ul>
 *   <li>nfsd active on an SN whose GPFS /install is not mounted hangs the compute nodes whose
 *       primary NFS server it is, even those already failed over (seed, "Configure SN startup").
 *   <li>A mount whose current server stops serving moves to the next live replica only when the
 *       server's /etc/exports line has {@code replicas=} and the node ran setupnfsv4replication;
 *       otherwise the node hangs.
 *   <li>On failover, an active NFS paging space without {@code :fur}, or a leftover active
 *       swapnfs0, hangs the node; so does a console log inside a persistent litefile directory.
 *   <li>The dump device never fails over: it keeps naming the old server.
 *   <li>Once the primary serves again, mounts fail back to it.
 * </ul>
 */
public final class Consequences {
  private Consequences() {}

  /** Applies every rule to {@code state}. Idempotent. */
  public static void settle(SimState state) {
    Map<String, SimHost> servers = new HashMap<>();
    for (SimHost host : state.hosts.values()) {
      if (host.role == Role.SERVICE_NODE || host.role == Role.EMS) {
        servers.put(host.name, host);
        host.aliases.forEach(alias -> servers.put(alias, host));
      }
    }
    String mountPoint = state.tables.site("installdir").orElse("/install");
    for (SimHost node : state.hosts.values()) {
      if (node.role != Role.COMPUTE || node.compute == null || !node.hung.isEmpty()) {
        continue;
      }
      settleNode(state, node, servers, mountPoint);
    }
  }

  /** Whether {@code server} serves {@code mount} now. */
  private static boolean serves(SimHost server, NfsMount mount, String mountPoint) {
    if (server == null || !server.reachable || !server.isActive("nfsd")) {
      return false;
    }
    return mount.local
        ? server.localInstall && !server.gpfsServes(mountPoint)
        : server.gpfsServes(mountPoint);
  }

  private static void settleNode(
      SimState state, SimHost node, Map<String, SimHost> servers, String mountPoint) {
    Compute compute = node.compute;
    boolean failedOver = false;
    for (Map.Entry<String, NfsMount> entry : compute.mounts.entrySet()) {
      NfsMount mount = entry.getValue();
      SimHost primary = servers.get(mount.servers.get(0));
      // Seed, "Configure SN startup": NFS serving the shared /install while GPFS is not mounted
      // hangs the nodes whose primary it is. An SN still on its own local /install does not.
      if (!mount.local
          && primary != null
          && primary.reachable
          && primary.isActive("nfsd")
          && !primary.localInstall
          && !primary.gpfsServes(mountPoint)) {
        node.hang(
            "nfsd runs on " + primary.name + " while its GPFS " + mountPoint + " is not mounted");
        return;
      }
      SimHost current = servers.get(mount.currentServer());
      if (mount.local && current != null && current.gpfsServes(mountPoint)) {
        node.hang(
            entry.getKey()
                + ": GPFS was mounted over the local "
                + mountPoint
                + " it mounts from "
                + current.name
                + " (stale file handles)");
        return;
      }
      if (mount.serving != 0 && serves(primary, mount, mountPoint)) {
        mount.serving = 0;
        continue;
      }
      if (serves(current, mount, mountPoint)) {
        continue;
      }
      String who = current == null ? mount.currentServer() : current.name;
      Optional<String> export = exportedLine(current, mount.remote);
      if (mount.servers.size() < 2 || export.isEmpty() || !export.get().contains("replicas=")) {
        node.hang(entry.getKey() + ": " + who + " stopped serving and its export has no replicas=");
        return;
      }
      if (!compute.nfsReplication) {
        node.hang(
            entry.getKey() + ": " + who + " stopped serving and setupnfsv4replication never ran");
        return;
      }
      int next = -1;
      for (int i = 0; i < mount.servers.size(); i++) {
        if (i != mount.serving && serves(servers.get(mount.servers.get(i)), mount, mountPoint)) {
          next = i;
          break;
        }
      }
      if (next < 0) {
        node.hang(entry.getKey() + ": no replica of " + mount.remote + " is serving");
        return;
      }
      mount.serving = next;
      failedOver = true;
    }
    if (failedOver) {
      failoverHazards(state, node).ifPresent(node::hang);
    }
  }

  private static Optional<String> failoverHazards(SimState state, SimHost node) {
    for (PagingSpace space : node.compute.paging) {
      if (space.active && space.name.equals("swapnfs0")) {
        return Optional.of("failover with NIM's swapnfs0 still active (no replica information)");
      }
      if (space.active && space.nfs() && !space.flags.contains("fur")) {
        return Optional.of("failover with paging space " + space.name + " activated without :fur");
      }
    }
    String console = node.compute.effectiveConsoleLog();
    for (Map<String, String> row : state.tables.rows("litefile")) {
      String image = row.getOrDefault("image", "");
      String file = row.getOrDefault("file", "");
      boolean applies = image.equals("ALL") || image.equals(node.compute.image);
      if (applies
          && row.getOrDefault("options", "").contains("persistent")
          && !file.isEmpty()
          && (console.equals(file) || (file.endsWith("/") && console.startsWith(file)))
          && !"1".equals(row.get("disable"))) {
        return Optional.of("failover with the console log " + console + " in persistent " + file);
      }
    }
    return Optional.empty();
  }

  /**
   * What {@code server} exports now for {@code remote}: its {@code /etc/xtab} line, written by the
   * last {@code exportfs}; a server with no xtab is read from {@code /etc/exports}. Clients learn
   * the replica locations from the export in effect, not from an edited, unexported file.
   */
  public static Optional<String> exportedLine(SimHost server, String remote) {
    if (server == null) {
      return Optional.empty();
    }
    String file = server.files.containsKey("/etc/xtab") ? "/etc/xtab" : "/etc/exports";
    return exportLine(server, file, remote);
  }

  /** The export line of {@code server}'s {@code file} whose directory holds {@code remote}. */
  static Optional<String> exportLine(SimHost server, String file, String remote) {
    String best = null;
    int bestLength = -1;
    for (String line : server.files.getOrDefault(file, "").split("\n", -1)) {
      List<String> words = List.of(line.strip().split("\\s+", -1));
      String dir = words.get(0);
      boolean holds = remote.equals(dir) || remote.startsWith(dir.endsWith("/") ? dir : dir + "/");
      if (!dir.isEmpty() && !dir.startsWith("#") && holds && dir.length() > bestLength) {
        best = line.strip();
        bestLength = dir.length();
      }
    }
    return Optional.ofNullable(best);
  }
}
