package dev.hasnctl.plan;

import java.util.List;

/**
 * One ordering rule of the seed, as data: every step of phase {@code first} runs before every step
 * of phase {@code then} that it {@link Scope scopes} to.
 *
 * @param name what the rule says, as printed when a test finds it broken
 */
public record OrderRule(String name, Phase first, Phase then, Scope scope) {

  /** Which pairs of steps a rule relates. */
  public enum Scope {
    /** Every pair. */
    ALL,
    /** Steps that change the same host (lane). */
    SAME_HOST,
    /** Steps that act on at least one common compute node. */
    SHARED_NODES,
    /**
     * Steps on the two SNs of one pair, the SN whose name sorts first before its partner: the
     * pair's NFS is never interrupted on both at once, so each side's nodes keep the other.
     */
    PARTNER_SN
  }

  /** The seed's rules (see DESIGN.md, "Ordering rules the planner must enforce"). */
  public static final List<OrderRule> SEED =
      List.of(
          new OrderRule(
              "images are converted to nfs_vers=4 before nodes are defined with them",
              Phase.IMAGES,
              Phase.NODES,
              Scope.ALL),
          new OrderRule(
              "images are converted before mkdsklsnode -b",
              Phase.IMAGES,
              Phase.DISKLESS_BACKUP,
              Scope.ALL),
          new OrderRule(
              "images are converted before mkdsklsnode -p",
              Phase.IMAGES,
              Phase.DISKLESS_PRIMARY,
              Scope.ALL),
          new OrderRule(
              "xCAT tables are set before mkdsklsnode -b",
              Phase.TABLES,
              Phase.DISKLESS_BACKUP,
              Scope.ALL),
          new OrderRule(
              "xCAT tables are set before mkdsklsnode -p",
              Phase.TABLES,
              Phase.DISKLESS_PRIMARY,
              Scope.ALL),
          new OrderRule(
              "node definitions name their SNs before mkdsklsnode -b",
              Phase.NODES,
              Phase.DISKLESS_BACKUP,
              Scope.ALL),
          new OrderRule(
              "node definitions name their SNs before mkdsklsnode -p",
              Phase.NODES,
              Phase.DISKLESS_PRIMARY,
              Scope.ALL),
          new OrderRule(
              "the NFSv4 domain is set before NFS starts",
              Phase.SN_FILES,
              Phase.NFS,
              Scope.SAME_HOST),
          new OrderRule("GPFS starts before NFS", Phase.GPFS, Phase.NFS, Scope.SAME_HOST),
          new OrderRule(
              "/etc/exports is written with replicas= (and replication enabled) before GPFS and NFS"
                  + " restart",
              Phase.EXPORTS,
              Phase.GPFS,
              Scope.SAME_HOST),
          new OrderRule(
              "/etc/exports is written with replicas= (and replication enabled) before NFS starts",
              Phase.EXPORTS,
              Phase.NFS,
              Scope.SAME_HOST),
          new OrderRule(
              "/etc/exports is written before mkdsklsnode -b sets replication up",
              Phase.EXPORTS,
              Phase.DISKLESS_BACKUP,
              Scope.SAME_HOST),
          new OrderRule(
              "/etc/exports is written before mkdsklsnode -p sets replication up",
              Phase.EXPORTS,
              Phase.DISKLESS_PRIMARY,
              Scope.SAME_HOST),
          new OrderRule(
              "GPFS and NFS restart on one SN of a pair at a time",
              Phase.GPFS,
              Phase.GPFS,
              Scope.PARTNER_SN),
          new OrderRule(
              "NFS restarts on one SN of a pair at a time",
              Phase.EXPORTS,
              Phase.EXPORTS,
              Scope.PARTNER_SN),
          new OrderRule("GPFS starts before xcatd", Phase.GPFS, Phase.XCATD, Scope.SAME_HOST),
          new OrderRule(
              "GPFS /install is mounted before paging files are written on it",
              Phase.GPFS,
              Phase.PAGING,
              Scope.SAME_HOST),
          new OrderRule(
              "GPFS /install is mounted before mkdsklsnode -b writes NIM resources on it",
              Phase.GPFS,
              Phase.DISKLESS_BACKUP,
              Scope.SAME_HOST),
          new OrderRule(
              "GPFS /install is mounted before mkdsklsnode -p writes NIM resources on it",
              Phase.GPFS,
              Phase.DISKLESS_PRIMARY,
              Scope.SAME_HOST),
          new OrderRule(
              "the EMS's postscripts are written before they are copied to the shared /install",
              Phase.TABLES,
              Phase.SHARED_POSTSCRIPTS,
              Scope.ALL),
          new OrderRule(
              "GPFS /install is mounted before postscripts are copied onto it",
              Phase.GPFS,
              Phase.SHARED_POSTSCRIPTS,
              Scope.SAME_HOST),
          new OrderRule(
              "postscripts reach the shared /install before mkdsklsnode -b",
              Phase.SHARED_POSTSCRIPTS,
              Phase.DISKLESS_BACKUP,
              Scope.ALL),
          new OrderRule(
              "postscripts reach the shared /install before mkdsklsnode -p",
              Phase.SHARED_POSTSCRIPTS,
              Phase.DISKLESS_PRIMARY,
              Scope.ALL),
          new OrderRule(
              "NFS serves /install before mkdsklsnode -b",
              Phase.NFS,
              Phase.DISKLESS_BACKUP,
              Scope.SAME_HOST),
          new OrderRule(
              "NFS serves /install before mkdsklsnode -p",
              Phase.NFS,
              Phase.DISKLESS_PRIMARY,
              Scope.SAME_HOST),
          new OrderRule(
              "mkdsklsnode -b on the backup SN before mkdsklsnode -p on the primary, never both at once",
              Phase.DISKLESS_BACKUP,
              Phase.DISKLESS_PRIMARY,
              Scope.SHARED_NODES),
          new OrderRule(
              "a node is re-pointed in xCAT before its running state follows",
              Phase.NODES,
              Phase.RUNNING_NODES,
              Scope.SHARED_NODES));
}
