package dev.hasnctl.spec;

import java.util.List;
import java.util.Map;

/**
 * Start and stop order on each SN: GPFS before NFS and xcatd at boot, NFS before GPFS at shutdown.
 *
 * @param gpfsInittabId the {@code /etc/inittab} identifier of the entry that starts GPFS
 * @param afterGpfs inittab identifiers that must come after the GPFS entry, in this order
 * @param shutdownLines lines {@code /etc/rc.shutdown} must hold, in this order
 */
public record ServiceOrder(
    String gpfsInittabId, List<String> afterGpfs, List<String> shutdownLines) {
  /** The seed's order: rcnfs and xcatd after mmfs; {@code stopsrc -s nfsd} then {@code exit 0}. */
  public static final ServiceOrder DEFAULT = new ServiceOrder(null, null, null);

  /**
   * The {@code /etc/inittab} records hasnctl can write, by identifier, as AIX, GPFS and xCAT
   * install them: GPFS's autoload, /etc/rc.nfs and xCAT's restartxcatd. An order naming any other
   * record is refused (rule inittab-order): hasnctl cannot recreate a line it does not know.
   */
  public static final Map<String, String> INITTAB_LINES =
      Map.of(
          "mmfs", "mmfs:2:once:/usr/lpp/mmfs/bin/mmautoload >/dev/console 2>&1",
          "rcnfs", "rcnfs:23456789:wait:/etc/rc.nfs > /dev/console 2>&1 # Start NFS Daemons",
          "xcatd", "xcatd:2:once:/opt/xcat/sbin/restartxcatd > /dev/console 2>&1");

  public ServiceOrder {
    gpfsInittabId = Defaults.or(gpfsInittabId, "mmfs");
    afterGpfs = Defaults.list(afterGpfs, List.of("rcnfs", "xcatd"));
    shutdownLines = Defaults.list(shutdownLines, List.of("stopsrc -s nfsd", "exit 0"));
  }
}
