package dev.hasnctl.sim.xcat;

import dev.hasnctl.transport.ExecResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code rmnimimage [-V] [-s NODERANGE] IMAGE} (xCAT-server aixinstall.pm): removes the NIM
 * resources of an osimage from the EMS's NIM master, or with {@code -s} from the service nodes
 * named (seed: "rmnimimage -V -s service <image name>"; run it on one SN first, then the rest). A
 * resource still allocated to a NIM machine is kept and reported. Other flags are not simulated.
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
    String range = null;
    int s = rest.indexOf("-s");
    if (s >= 0 && s + 1 < rest.size()) {
      range = rest.get(s + 1);
      rest.remove(s + 1);
      rest.remove(s);
    }
    if (rest.size() != 1 || rest.get(0).startsWith("-")) {
      return out.err("sim: not simulated: rmnimimage " + String.join(" ", args)).exit(127).result();
    }
    String image = rest.get(0);
    XcatDb db = cluster.db();
    if (db.row("osimage", image).isEmpty()) {
      return out.error("Could not find an xCAT osimage named '" + image + "'.").result();
    }
    List<String> masters;
    try {
      masters = range == null ? List.of(db.site("master").orElse("")) : db.expand(range);
    } catch (IllegalArgumentException e) {
      return out.error(e.getMessage()).result();
    }
    boolean failed = false;
    for (String master : masters) {
      if (!cluster.reachable(master)) {
        out.error("Could not contact service node " + master + ".");
        failed = true;
        continue;
      }
      Map<String, Map<String, String>> nim = cluster.nim(master);
      for (String type : TYPES) {
        for (String resource :
            db.value("nimimage", image, type).map(XcatDb::split).orElse(List.of())) {
          boolean allocated =
              nim.values().stream()
                  .anyMatch(o -> "machines".equals(o.get("class")) && resource.equals(o.get(type)));
          if (allocated) {
            out.error(
                "Could not remove "
                    + resource
                    + " from "
                    + master
                    + ": it is allocated to a node.");
            failed = true;
          } else {
            nim.remove(resource);
          }
        }
      }
    }
    return failed ? out.exit(1).result() : out.result();
  }
}
