package dev.hasnctl.sim.hw;

import dev.hasnctl.sim.Compute;
import dev.hasnctl.sim.NfsMount;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.StateliteWriters;
import dev.hasnctl.sim.xcat.XcatDb;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A booting node's persistent statelite directory: the statelite table row for the node or one of
 * its groups names the mount ({@code $noderes.xcatmaster:/install/statelite_data}, the xcatmaster
 * substituted); the litefile table says what in it is persistent. A node whose {@code
 * /var/adm/ras/} is persistent keeps writing its error log there ({@link StateliteWriters}).
 */
final class Statelite {
  static final String MOUNT_POINT = "/.statelite/persistent";

  private Statelite() {}

  static void mount(
      SimState state,
      XcatDb db,
      String node,
      Compute compute,
      SimHost server,
      List<String> servers) {
    Optional<Map<String, String>> row =
        db.rows("statelite").stream()
            .filter(r -> appliesTo(db, node, r.getOrDefault("node", "")))
            .filter(
                r -> r.getOrDefault("image", "").isEmpty() || r.get("image").equals(compute.image))
            .filter(r -> !"1".equals(r.get("disable")))
            .findFirst();
    if (row.isEmpty()) {
      return;
    }
    String statemnt = row.get().getOrDefault("statemnt", "");
    String master = db.nodeAttribute(node, "xcatmaster").orElse("");
    statemnt = statemnt.replace("$noderes.xcatmaster", master);
    int colon = statemnt.indexOf(':');
    String host = colon < 0 ? master : statemnt.substring(0, colon);
    String path = colon < 0 ? statemnt : statemnt.substring(colon + 1);
    boolean fromBootServer = state.host(host).map(h -> h == server).orElse(false);
    NfsMount mount = NfsMount.of(path, fromBootServer ? servers : List.of(host));
    mount.local = fromBootServer && NetBoot.servesLocalInstall(state, server);
    compute.mounts.put(MOUNT_POINT, mount);
    if (persistent(db, compute.image, StateliteWriters.ERRLOG)) {
      compute.stateliteFile = path + "/" + node + StateliteWriters.ERRLOG;
    }
  }

  private static boolean appliesTo(XcatDb db, String node, String key) {
    return key.equals(node) || db.groupsOf(node).contains(key);
  }

  /** Whether a litefile row for {@code image} (or ALL) makes {@code file} persistent. */
  private static boolean persistent(XcatDb db, String image, String file) {
    return db.rows("litefile").stream()
        .filter(r -> List.of("ALL", image).contains(r.getOrDefault("image", "")))
        .filter(r -> r.getOrDefault("options", "").contains("persistent"))
        .filter(r -> !"1".equals(r.get("disable")))
        .map(r -> r.getOrDefault("file", ""))
        .anyMatch(f -> f.equals(file) || (f.endsWith("/") && file.startsWith(f)));
  }
}
