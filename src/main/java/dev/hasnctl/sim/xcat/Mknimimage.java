package dev.hasnctl.sim.xcat;

import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Map;

/**
 * {@code mknimimage -u IMAGE attr=value ...} (xCAT-server/lib/xcat/plugins/aixinstall.pm): updates
 * an existing osimage. {@code nfs_vers=4} is not an osimage attribute: it runs {@code nim -Fo
 * change -a nfs_vers=4 RES} on the NIM primary for each of the image's lpp_source, spot,
 * installp_bundle, root or shared_root, paging and resolv_conf resources, and sets
 * site.useNFSv4onAIX (aixinstall.pm l.2929-3000); the SNs' copies are left as they are. Creating
 * images (no {@code -u}) is not simulated.
 */
final class Mknimimage {
  /** The resources mknimimage -u nfs_vers=4 changes, for a diskless image. */
  private static final List<String> CONVERTED =
      List.of(
          "lpp_source", "spot", "installp_bundle", "root", "shared_root", "paging", "resolv_conf");

  private Mknimimage() {}

  static ExecResult run(XcatCluster cluster, List<String> args) {
    Out out = new Out();
    List<String> rest = args.stream().filter(a -> !a.equals("-V")).toList();
    if (rest.isEmpty() || !rest.get(0).equals("-u")) {
      return out.err("sim: not simulated: mknimimage " + String.join(" ", args)).exit(127).result();
    }
    if (rest.size() < 3) {
      return out.error("Usage: mknimimage -u osimage_name [attr=val [attr=val ...]]").result();
    }
    String image = rest.get(1);
    XcatDb db = cluster.db();
    if (db.row("osimage", image).isEmpty()) {
      return out.error("Could not find an xCAT osimage named '" + image + "'.").result();
    }
    for (String assignment : rest.subList(2, rest.size())) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        return out.error("Incorrect 'attr=val' pair - " + assignment + ".").result();
      }
      String attr = assignment.substring(0, eq);
      String value = assignment.substring(eq + 1);
      if (!attr.equals("nfs_vers")) {
        db.set("nimimage", image, attr, value);
        continue;
      }
      if (!value.equals("4")) {
        return out.err("sim: not simulated: mknimimage -u nfs_vers=" + value).exit(127).result();
      }
      db.set("site", "useNFSv4onAIX", "value", "yes");
      String master = db.site("master").orElse("");
      Map<String, Map<String, String>> nim = cluster.nim(master);
      for (String type : CONVERTED) {
        for (String resource :
            db.value("nimimage", image, type).map(XcatDb::split).orElse(List.of())) {
          Map<String, String> object = nim.get(resource);
          if (object == null) {
            return out.error("Could not set nfs_vers=4 for resource " + resource + ".").result();
          }
          object.put("nfs_vers", value);
          nim.put(resource, object);
        }
      }
    }
    return out.result();
  }
}
