package dev.hasnctl.spec;

import java.util.List;

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

  public ServiceOrder {
    gpfsInittabId = Defaults.or(gpfsInittabId, "mmfs");
    afterGpfs = Defaults.list(afterGpfs, List.of("rcnfs", "xcatd"));
    shutdownLines = Defaults.list(shutdownLines, List.of("stopsrc -s nfsd", "exit 0"));
  }
}
