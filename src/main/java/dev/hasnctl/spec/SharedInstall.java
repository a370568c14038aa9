package dev.hasnctl.spec;

import dev.hasnctl.model.AbsolutePath;
import java.util.List;
import java.util.Optional;

/**
 * The one GPFS {@code /install} filesystem shared by every service node.
 *
 * @param gpfsCluster the admin GPFS cluster all SNs belong to (not the application cluster)
 * @param device the GPFS filesystem device, {@code /dev/NAME}
 * @param mountPoint where the filesystem is mounted and exported: {@code /install}
 * @param blockSize GPFS block size, {@code 512K} or {@code 1M}
 * @param stateliteDir the persistent statelite directory, below {@code mountPoint}
 * @param pagingDir where per-node paging files live, below {@code mountPoint}; never NIM's own
 *     paging directory
 * @param pagingReplicated whether GPFS replicates {@code pagingDir}; must be false
 * @param migrationMountPoint where the migration from a local /install mounts the GPFS filesystem
 *     while the local /install still serves the running nodes (seed: "a temporary mount point on
 *     the SNs, such as /install-gpfs")
 * @param migrationDirs directories of the local /install, besides xCAT's own, that the migration
 *     copies from one SN into the shared filesystem (names directly below /install)
 * @param migrationPerSnDirs directories of the local /install whose content differs from SN to SN
 *     (seed: "create a directory structure to support unique files for each SN"): the migration
 *     copies each SN's into a directory of its own, {@code DIR/SN}, in the shared filesystem
 * @param migrationBackup where, on each SN's own disk, the migration's online preparation first
 *     copies the whole local /install ({@code rsync -a}, once); absent for no such copy (the outage
 *     keeps the local /install anyway, hidden under the GPFS mount)
 */
public record SharedInstall(
    String gpfsCluster,
    String device,
    AbsolutePath mountPoint,
    String blockSize,
    AbsolutePath stateliteDir,
    AbsolutePath pagingDir,
    Boolean pagingReplicated,
    AbsolutePath migrationMountPoint,
    List<String> migrationDirs,
    List<String> migrationPerSnDirs,
    Optional<AbsolutePath> migrationBackup) {

  /**
   * The NFSv4 domain file on the EMS and every SN. Fixed by AIX (seed: "NFSv4 requires that the
   * file /etc/nfs/local_domain contains a single entry with your cluster domain name"), so it is
   * not a spec key: no spec can point hasnctl's write of the domain at another file.
   */
  public static final AbsolutePath LOCAL_DOMAIN_FILE = AbsolutePath.of("/etc/nfs/local_domain");

  /**
   * The temporary mount point of the GPFS filesystem while local /install is migrated (seed: "such
   * as /install-gpfs"); a path there is on GPFS too.
   */
  public static final AbsolutePath MIGRATION_MOUNT_POINT = AbsolutePath.of("/install-gpfs");

  /**
   * xCAT's own directories of /install, which every SN's copy holds alike, so the migration copies
   * them from one SN (seed: "It will only be necessary to copy these subdirectories from one SN").
   */
  public static final List<String> XCAT_DIRS =
      List.of("custom", "post", "prescripts", "postscripts");

  public SharedInstall {
    mountPoint = Defaults.or(mountPoint, AbsolutePath.of("/install"));
    blockSize = Defaults.or(blockSize, "1M");
    stateliteDir = Defaults.or(stateliteDir, AbsolutePath.of("/install/statelite_data"));
    pagingDir = Defaults.or(pagingDir, AbsolutePath.of("/install/paging"));
    pagingReplicated = Defaults.or(pagingReplicated, Boolean.FALSE);
    migrationMountPoint = Defaults.or(migrationMountPoint, MIGRATION_MOUNT_POINT);
    migrationDirs = Defaults.list(migrationDirs);
    migrationPerSnDirs = Defaults.list(migrationPerSnDirs);
    migrationBackup = Defaults.optional(migrationBackup);
  }

  /**
   * NIM's own paging directory, where mkdsklsnode puts each node's swapnfs0 and which rmdsklsnode
   * empties: {@code nim/paging} under the shared /install, as xCAT lays out its NIM resources. Not
   * a spec key: NIM decides it.
   */
  public AbsolutePath nimPagingDir() {
    return mountPoint.resolve("nim/paging");
  }

  /** The NFSv4 domain file; see {@link #LOCAL_DOMAIN_FILE}. */
  public AbsolutePath localDomainFile() {
    return LOCAL_DOMAIN_FILE;
  }
}
