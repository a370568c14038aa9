package dev.hasnctl.spec;

import dev.hasnctl.model.AbsolutePath;

/**
 * The one GPFS {@code /install} filesystem shared by every service node.
 *
 * @param gpfsCluster the admin GPFS cluster all SNs belong to (not the application cluster)
 * @param device the GPFS filesystem device, e.g. {@code /dev/gpfsinstall}
 * @param migrationMountPoint where the filesystem is mounted while local /install is migrated
 * @param blockSize GPFS block size, {@code 512K} or {@code 1M}
 * @param pagingDir where per-node paging files live; never NIM's own paging directory
 * @param pagingReplicated whether GPFS replicates {@code pagingDir}; must be false
 * @param nimPagingDir NIM's paging directory, emptied by rmdsklsnode
 * @param localDomainFile the NFSv4 domain file on the EMS and every SN
 */
public record SharedInstall(
    String gpfsCluster,
    String device,
    AbsolutePath mountPoint,
    AbsolutePath migrationMountPoint,
    String blockSize,
    AbsolutePath stateliteDir,
    AbsolutePath pagingDir,
    Boolean pagingReplicated,
    AbsolutePath nimPagingDir,
    AbsolutePath localDomainFile) {

  public SharedInstall {
    mountPoint = Defaults.or(mountPoint, AbsolutePath.of("/install"));
    migrationMountPoint = Defaults.or(migrationMountPoint, AbsolutePath.of("/install-gpfs"));
    blockSize = Defaults.or(blockSize, "1M");
    stateliteDir = Defaults.or(stateliteDir, AbsolutePath.of("/install/statelite_data"));
    pagingDir = Defaults.or(pagingDir, AbsolutePath.of("/install/paging"));
    pagingReplicated = Defaults.or(pagingReplicated, Boolean.FALSE);
    nimPagingDir = Defaults.or(nimPagingDir, AbsolutePath.of("/install/nim/paging"));
    localDomainFile = Defaults.or(localDomainFile, AbsolutePath.of("/etc/nfs/local_domain"));
  }
}
