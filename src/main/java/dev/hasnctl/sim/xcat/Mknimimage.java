package dev.hasnctl.sim.xcat;

import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Map;

/**
 * {@code mknimimage -u IMAGE attr=value ...} (xCAT-server aixinstall.pm): updates an existing
 * osimage; {@code nfs_vers=N} also changes the NFS version of the image's NIM resources on the EMS
 * (seed: "mknimimage -u <osimage_name> nfs_vers=4"). Creating images (no {@code -u}) is not
 * simulated.
 */
final class Mknimimage {
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
      db.set("nimimage", image, attr, value);
      if (attr.equals("nfs_vers")) {
        String master = db.site("master").orElse("");
        Map<String, Map<String, String>> nim = cluster.nim(master);
        for (String type : List.of("lpp_source", "spot", "shared_root", "paging", "dump")) {
          db.value("nimimage", image, type)
              .map(nim::get)
              .ifPresent(resource -> resource.put("nfs_vers", value));
        }
      }
    }
    return out.result();
  }
}
