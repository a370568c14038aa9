package dev.hasnctl.model;

/** The closed set of things hasnctl manages or checks on a cluster. */
public enum ResourceKind {
  /** An attribute of xCAT's site table, keyed by attribute name. */
  SITE_ATTRIBUTE("site"),
  /** A row of xCAT's networks table, keyed by network name. */
  NETWORK("network"),
  /** A compute node definition (servicenode, xcatmaster, groups, postscripts, provmethod). */
  NODE("node"),
  /** A row of xCAT's statelite table, keyed by {@code node|image}. */
  STATELITE("statelite"),
  /** A row of xCAT's litefile table, keyed by {@code image|file}. */
  LITEFILE("litefile"),
  /** An xCAT osimage and its NIM resources' NFS version. */
  OSIMAGE("osimage"),
  /** A whole file's content, keyed by path. */
  FILE("file"),
  /** One {@code /etc/exports} entry, keyed by exported directory. */
  EXPORT("export"),
  /** The order of {@code /etc/inittab} entries around GPFS. */
  INITTAB_ORDER("inittab"),
  /** The lines {@code /etc/rc.shutdown} must run, in order. */
  SHUTDOWN_ORDER("rc.shutdown"),
  /** An SRC subsystem or daemon that must be running, keyed by name. */
  SERVICE("service"),
  /** The shared GPFS filesystem mounted on an SN, keyed by device. */
  GPFS_MOUNT("gpfs-mount"),
  /** A per-node paging file on the shared filesystem, keyed by path. */
  PAGING_FILE("paging-file"),
  /** The tunables of the setupnfsv4replication postscript. */
  NFS_TUNABLES("nfs-tunables"),
  /** A node's NIM diskless definition on one SN (mkdsklsnode -b or -p), keyed by node. */
  DISKLESS_NODE("diskless-node"),
  /**
   * An SN's copies of an image's NIM resources (mkdsklsnode defines them on each SN serving the
   * image), keyed by image; their NFS version is what {@code lsnim -a nfs_vers} shows there.
   */
  NIM_RESOURCES("nim-resources"),
  /**
   * What a booted compute node runs with from its SN, keyed by node on the node itself: the server
   * in {@code /etc/xcatinfo} and the default gateway. A node that has not booted from xCAT yet has
   * nothing to check.
   */
  RUNNING_NODE("running-node"),
  /**
   * How a booted compute node fares, keyed by node on the node itself, checked and never changed:
   * whether it answers, which SN serves its NFS mounts now and which replica they list, whether
   * NIM's swapnfs0 still pages, and where its dump device points. A node xCAT does not say is
   * running has nothing to check.
   */
  NODE_HEALTH("node-health"),
  /**
   * A file of the TEAL utility node's DB2 client configuration, keyed by path, on the EMS (under
   * the client directory, and the copies in the TEAL image's spot): its content, mode and owner.
   * Content holding the password is compared without being read back (see {@code probe.TealReader})
   * and shows the password as {@code (sensitive)}.
   */
  DB2_CLIENT_FILE("db2-client-file"),
  /**
   * An AIX network option ({@code no}) on a host, keyed by name: {@code ipforwarding} on the SN
   * that routes the TEAL utility node's traffic to the EMS.
   */
  NETWORK_OPTION("no"),
  /**
   * Whether the booted TEAL utility node connects to the xCAT database through its DB2 client,
   * keyed by DSN on the node: {@code /usr/local/bin/isql -v DSN} (seed). Checked and never changed;
   * a utility node that does not answer (not installed yet, down) has nothing to check.
   */
  DB2_CONNECTION("db2-connection"),
  /**
   * A software level or fix that must be present; checked and reported, never installed. A probe
   * reports the desired properties when the level is met and the actual ones otherwise.
   */
  SOFTWARE("software");

  /**
   * The key prefix of a {@link #SOFTWARE} level that is an installp fileset on the TEAL utility
   * node ({@code fileset:gpfs.base}): observed by {@code lslpp -Lc} there, never absent when the
   * node answers.
   */
  public static final String FILESET_KEY = "fileset:";

  private final String label;

  ResourceKind(String label) {
    this.label = label;
  }

  /** The short name printed in plans, e.g. {@code export}. */
  public String label() {
    return label;
  }
}
