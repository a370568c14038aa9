package dev.hasnctl.plan;

/** The stage of the seed's procedure a step belongs to; the order rules are stated over these. */
public enum Phase {
  /**
   * The migration from a local /install, online: GPFS at its temporary mount point beside the live
   * local /install, and the copies into it. Nothing here interrupts a running node.
   */
  MIGRATION_ONLINE,
  /**
   * The migration's outage, which needs the compute nodes down and runs only when the admin asks
   * for it ({@code --outage}): the nodes shut down, their NIM definitions and resources removed on
   * the SNs, the local /install unexported, the final copies, GPFS switched to /install.
   */
  MIGRATION_OUTAGE,
  /** NIM images converted to NFSv4 and their xCAT osimage attributes (on the EMS). */
  IMAGES,
  /** xCAT tables other than node definitions, and files on the EMS (postscripts). */
  TABLES,
  /** Compute node definitions: servicenode, xcatmaster, groups, postscripts. */
  NODES,
  /** Files on an SN that take effect at its next boot or NFS start: domain, inittab, shutdown. */
  SN_FILES,
  /**
   * The SN's {@code /etc/exports}: written, with {@code replicas=}, before NFS (re)starts or
   * re-exports, so clients never get /install without its replica.
   */
  EXPORTS,
  /** GPFS started and /install mounted on an SN. */
  GPFS,
  /** The SN's NFS exports and server. */
  NFS,
  /** The SN's xcatd. */
  XCATD,
  /** Paging files on the shared /install. */
  PAGING,
  /**
   * The EMS's postscripts copied to the shared /install, where the nodes run them ({@code xdcp <one
   * SN>}, as the seed copies them).
   */
  SHARED_POSTSCRIPTS,
  /** {@code mkdsklsnode -b}: NIM definitions on the backup SN. */
  DISKLESS_BACKUP,
  /** {@code mkdsklsnode -p}: NIM definitions and client files on the primary SN. */
  DISKLESS_PRIMARY,
  /** Booted compute nodes: {@code /etc/xcatinfo} and the default route, through {@code xdsh}. */
  RUNNING_NODES,
  /**
   * Compute nodes that are down booted from the new setup ({@code --boot}): {@code rbootseq} and
   * {@code rpower on} a batch at a time, each batch checked healthy before the next starts.
   */
  BOOT
}
