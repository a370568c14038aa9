package dev.hasnctl.sim.xcat;

import dev.hasnctl.transport.ExecResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code rmnimimage [-V] [-f] [-d] [-M | -s NODERANGE] IMAGE}, as xCAT-server's aixinstall.pm
 * ({@code prermnimimage}, {@code rmnimimage}) and rmnimimage.1.pod define it:
 *
 * <ul>
 *   <li>the servers: the NIM primary only with {@code -M}, the service nodes named with {@code -s},
 *       else the NIM primary and every service node;
 *   <li>an osimage sharing a resource with another osimage is not removed without {@code -f} ("One
 *       or more resources are being used in other osimage definitions...", exit 1);
 *   <li>the lpp_source is removed only with {@code -d} ("don't remove lpp_source resource unless
 *       they specify delete");
 *   <li>a resource still allocated is kept with an informational line ("SN: The resource named 'R'
 *       is currently allocated. It will not be removed."), not an error; each one removed says "SN:
 *       Removed the NIM resource named 'R'.".
 * </ul>
 *
 * {@code -x} (remove the osimage definition) is not simulated.
 */
final class Rmnimimage {
  private static final List<String> TYPES =
      List.of(
          "lpp_source", "spot", "shared_root", "paging", "dump", "resolv_conf", "installp_bundle");

  private Rmnimimage() {}

  static ExecResult run(XcatCluster cluster, List<String> args) {
    Out out = new Out();
    List<String> rest = new ArrayList<>(args);
    rest.remove("-V");
    boolean force = rest.remove("-f");
    boolean delete = rest.remove("-d");
    boolean managementNode = rest.remove("-M");
    String range = null;
    int s = rest.indexOf("-s");
    if (s >= 0 && s + 1 < rest.size()) {
      range = rest.get(s + 1);
      rest.remove(s + 1);
      rest.remove(s);
    }
    if (rest.size() != 1 || rest.get(0).startsWith("-") || (managementNode && range != null)) {
      return out.err("sim: not simulated: rmnimimage " + String.join(" ", args)).exit(127).result();
    }
    String image = rest.get(0);
    XcatDb db = cluster.db();
    if (db.row("osimage", image).isEmpty()) {
      return out.error("'" + image + "' is not a valid xCAT image name.").result();
    }
    if (!force && sharesAResource(db, image)) {
      return out.error(
              "One or more resources are being used in other osimage definitions.  The osimage "
                  + image
                  + " will not be removed.  Use the force option to override this check.")
          .result();
    }
    List<String> servers;
    try {
      servers = servers(db, managementNode, range);
    } catch (IllegalArgumentException e) {
      return out.error(e.getMessage()).result();
    }
    for (String server : servers) {
      if (!cluster.reachable(server)) {
        out.error("Could not contact service node " + server + ".");
        continue;
      }
      Map<String, Map<String, String>> nim = cluster.nim(server);
      for (String type : TYPES) {
        if (type.equals("lpp_source") && !delete) {
          continue;
        }
        for (String resource : resources(db, image, type)) {
          if (!nim.containsKey(resource)) {
            continue;
          }
          boolean allocated =
              nim.values().stream()
                  .anyMatch(o -> "machines".equals(o.get("class")) && resource.equals(o.get(type)));
          if (allocated) {
            out.info(
                server
                    + ": The resource named '"
                    + resource
                    + "' is currently allocated. It will not be removed.");
          } else {
            nim.remove(resource);
            out.info(server + ": Removed the NIM resource named '" + resource + "'.");
          }
        }
      }
    }
    return out.result();
  }

  /** The NIM primary with -M, the SNs -s names, else the NIM primary and every SN. */
  private static List<String> servers(XcatDb db, boolean managementNode, String range) {
    String master = db.site("master").orElse("");
    if (managementNode) {
      return List.of(master);
    }
    if (range != null) {
      return db.expand(range);
    }
    Set<String> all = new LinkedHashSet<>();
    all.add(master);
    for (String node : db.nodes()) {
      db.nodeAttribute(node, "servicenode").map(XcatDb::split).ifPresent(all::addAll);
    }
    return List.copyOf(all);
  }

  private static boolean sharesAResource(XcatDb db, String image) {
    for (Map<String, String> other : db.rows("nimimage")) {
      String name = other.get("imagename");
      if (name == null || name.equals(image)) {
        continue;
      }
      for (String type : TYPES) {
        Optional<String> mine = db.value("nimimage", image, type);
        if (mine.isPresent() && !mine.get().isEmpty() && mine.get().equals(other.get(type))) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> resources(XcatDb db, String image, String type) {
    return db.value("nimimage", image, type).map(XcatDb::split).orElse(List.of());
  }
}
