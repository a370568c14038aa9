package dev.hasnctl.spec.rule;

import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ServiceOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SNs' start and stop order (seed: "Configure SN startup and shutdown"): NFS and xcatd start
 * after GPFS; at shutdown NFS stops first and the script ends with {@code exit 0}.
 */
final class ServiceOrderRules {
  /** The inittab entries the seed moves after GPFS: /etc/rc.nfs and xcatd. */
  static final List<String> MUST_FOLLOW_GPFS = List.of("rcnfs", "xcatd");

  static final String STOP_NFSD = "stopsrc -s nfsd";
  static final String EXIT = "exit 0";

  /**
   * Stop commands allowed between the first and the last line of /etc/rc.shutdown: stopping an SRC
   * subsystem or group of the NFS server or xCAT, or GPFS itself after them.
   */
  private static final Pattern KNOWN_STOP =
      Pattern.compile(
          "stopsrc -s (nfsd|rpc\\.mountd|rpc\\.statd|rpc\\.lockd|nfsrgyd|gssd|biod|xcatd)"
              + "|stopsrc -g nfs"
              + "|/usr/lpp/mmfs/bin/mmshutdown");

  private ServiceOrderRules() {}

  static List<Rule> all() {
    return List.of(
        SimpleRule.error(
            "inittab-order",
            "rcnfs and xcatd are among the inittab entries started after GPFS, each once",
            ServiceOrderRules::inittab),
        SimpleRule.error(
            "shutdown-lines",
            "/etc/rc.shutdown is 'stopsrc -s nfsd', then only known stop commands, then 'exit 0'",
            ServiceOrderRules::shutdown));
  }

  private static List<Finding> inittab(ClusterSpec spec) {
    ServiceOrder order = spec.serviceOrder();
    List<Finding> out = new ArrayList<>();
    List<String> missing =
        MUST_FOLLOW_GPFS.stream().filter(id -> !order.afterGpfs().contains(id)).toList();
    if (!missing.isEmpty()) {
      out.add(
          Finding.at(
              "/serviceOrder/afterGpfs",
              "afterGpfs lacks "
                  + String.join(" and ", missing)
                  + (missing.size() == 1 ? ", so it may" : ", so they may")
                  + " start before GPFS and serve an empty /install; NFS without"
                  + " GPFS hangs the compute nodes",
              "list rcnfs and xcatd in afterGpfs"));
    }
    if (!ServiceOrder.INITTAB_LINES.containsKey(order.gpfsInittabId())) {
      out.add(
          Finding.at(
              "/serviceOrder/gpfsInittabId",
              "hasnctl cannot write the inittab record "
                  + order.gpfsInittabId()
                  + "; it knows "
                  + String.join(", ", new java.util.TreeSet<>(ServiceOrder.INITTAB_LINES.keySet())),
              "use mmfs, the record GPFS installs"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < order.afterGpfs().size(); i++) {
      String id = order.afterGpfs().get(i);
      if (!ServiceOrder.INITTAB_LINES.containsKey(id)) {
        out.add(
            Finding.at(
                "/serviceOrder/afterGpfs/" + i,
                "hasnctl cannot write the inittab record "
                    + id
                    + "; it knows "
                    + String.join(
                        ", ", new java.util.TreeSet<>(ServiceOrder.INITTAB_LINES.keySet())),
                "list only rcnfs and xcatd after GPFS"));
      } else if (id.equals(order.gpfsInittabId()) || !seen.add(id)) {
        out.add(
            Finding.at(
                "/serviceOrder/afterGpfs/" + i,
                "afterGpfs names "
                    + id
                    + (id.equals(order.gpfsInittabId()) ? ", the GPFS entry itself" : " twice")
                    + "; the order would be ambiguous",
                "name each inittab entry once, GPFS's in gpfsInittabId only"));
      }
    }
    return out;
  }

  private static List<Finding> shutdown(ClusterSpec spec) {
    List<String> lines = spec.serviceOrder().shutdownLines();
    String at = "/serviceOrder/shutdownLines";
    if (lines.isEmpty()) {
      return List.of(
          Finding.at(
              at,
              "shutdownLines is empty; NFS would still serve /install while GPFS stops",
              "write [\"" + STOP_NFSD + "\", \"" + EXIT + "\"]"));
    }
    if (lines.size() == 1) {
      return List.of(
          Finding.at(
              at,
              "/etc/rc.shutdown would hold only '"
                  + lines.get(0)
                  + "'; NFS must stop first, before GPFS, and the script end with '"
                  + EXIT
                  + "'",
              "write [\"" + STOP_NFSD + "\", \"" + EXIT + "\"]"));
    }
    List<Finding> out = new ArrayList<>();
    if (!lines.get(0).equals(STOP_NFSD)) {
      out.add(
          Finding.at(
              at + "/0",
              "/etc/rc.shutdown would start with '"
                  + lines.get(0)
                  + "'; NFS must stop first, before GPFS",
              "make '" + STOP_NFSD + "' the first line"));
    }
    int last = lines.size() - 1;
    if (!lines.get(last).equals(EXIT)) {
      out.add(
          Finding.at(
              at + "/" + last,
              "/etc/rc.shutdown would not end with '" + EXIT + "', as the seed writes it",
              "make '" + EXIT + "' the last line"));
    }
    for (int i = 1; i < last; i++) {
      String line = lines.get(i);
      if (!KNOWN_STOP.matcher(line).matches()) {
        out.add(
            Finding.at(
                at + "/" + i,
                "'"
                    + line
                    + "' is not a stop command hasnctl knows; /etc/rc.shutdown runs as root on every"
                    + " SN",
                "keep only stopsrc -s/-g of the NFS or xCAT subsystems, or"
                    + " /usr/lpp/mmfs/bin/mmshutdown"));
      }
    }
    return out;
  }
}
