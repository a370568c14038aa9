package dev.hasnctl.sim;

/**
 * Mounting and unmounting a GPFS filesystem on a host, with what a mount does to the directory it
 * covers: while mounted, the files that were in that directory (a local /install before the seed's
 * migration) are hidden, not lost, and come back when it is unmounted; the filesystem's own files
 * are visible only while it is mounted. (AIX "Mounting overview": mounting over a directory makes
 * its previous contents inaccessible until the filesystem is unmounted.)
 */
public final class GpfsMounts {
  private GpfsMounts() {}

  /** Mounts or unmounts {@code fs} on {@code host}; doing what is already done changes nothing. */
  public static void set(SimHost host, Gpfs.Filesystem fs, boolean mounted) {
    if (fs.mounted == mounted) {
      return;
    }
    String top = fs.mountPoint;
    if (mounted) {
      FileLayer covered = FileLayer.cut(host, top);
      if (!covered.empty()) {
        host.covered.put(top, covered);
      }
      fs.content.paste(host, top);
      fs.content = new FileLayer();
      host.dirs.add(top);
    } else {
      fs.content = FileLayer.cut(host, top);
      FileLayer covered = host.covered.remove(top);
      if (covered != null) {
        covered.paste(host, top);
      }
    }
    fs.mounted = mounted;
  }

  /** Unmounts every GPFS filesystem of {@code host} (the daemon stopped or failed). */
  public static void unmountAll(SimHost host) {
    if (host.gpfs != null) {
      host.gpfs.filesystems.values().forEach(fs -> set(host, fs, false));
    }
  }
}
