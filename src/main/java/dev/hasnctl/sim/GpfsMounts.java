package dev.hasnctl.sim;

import java.util.Map;

/**
 * Mounting and unmounting GPFS filesystems, and what makes one GPFS filesystem one filesystem.
 *
 * <p>A mount hides what the directory it covers held (a local /install before the seed's
 * migration); those files come back when it is unmounted (AIX "Mounting overview"). The files of a
 * GPFS filesystem are the cluster's, kept once in {@link SimState#gpfsFiles}: every host that has
 * it mounted sees them below its own mount point, and what one host writes there every other host
 * sees from its next command on (commands run one at a time under the state's lock, so this is what
 * a shared filesystem shows them).
 */
public final class GpfsMounts {
  private GpfsMounts() {}

  /**
   * Mounts or unmounts {@code device} on {@code host}; doing what is already done changes nothing.
   */
  public static void set(SimState state, SimHost host, String device, boolean mounted) {
    Gpfs.Filesystem fs = host.gpfs.filesystems.get(device);
    if (fs.mounted == mounted) {
      return;
    }
    String top = fs.mountPoint;
    if (mounted) {
      FileLayer covered = FileLayer.cut(host, top);
      if (!covered.empty()) {
        host.covered.put(top, covered);
      }
      state.gpfsFiles.getOrDefault(device, new FileLayer()).paste(host, top);
      host.dirs.add(top);
      fs.mounted = true;
    } else {
      propagate(state, host);
      FileLayer.cut(host, top);
      FileLayer covered = host.covered.remove(top);
      if (covered != null) {
        covered.paste(host, top);
      }
      fs.mounted = false;
    }
  }

  /** Unmounts every GPFS filesystem of {@code host} (the daemon stopped or failed). */
  public static void unmountAll(SimState state, SimHost host) {
    if (host.gpfs != null) {
      for (String device : host.gpfs.filesystems.keySet()) {
        set(state, host, device, false);
      }
    }
  }

  /**
   * Makes what {@code host} sees of its mounted GPFS filesystems the filesystems' content, and
   * shows it to every other host that has them mounted. Run after each command on a host.
   */
  public static void propagate(SimState state, SimHost host) {
    if (host.gpfs == null) {
      return;
    }
    for (Map.Entry<String, Gpfs.Filesystem> entry : host.gpfs.filesystems.entrySet()) {
      Gpfs.Filesystem fs = entry.getValue();
      if (!fs.mounted) {
        continue;
      }
      String device = entry.getKey();
      if (state.gpfsFiles.getOrDefault(device, new FileLayer()).isBelow(host, fs.mountPoint)) {
        continue;
      }
      FileLayer seen = FileLayer.copyBelow(host, fs.mountPoint);
      state.gpfsFiles.put(device, seen);
      for (SimHost other : state.hosts.values()) {
        Gpfs.Filesystem theirs =
            other == host || other.gpfs == null ? null : other.gpfs.filesystems.get(device);
        if (theirs != null && theirs.mounted) {
          FileLayer.cut(other, theirs.mountPoint);
          seen.paste(other, theirs.mountPoint);
        }
      }
    }
  }

  /**
   * Makes the files every host was given below its mounted GPFS filesystems (by a scenario) one
   * content per filesystem, the union of them, seen by every host that mounts it.
   */
  public static void adopt(SimState state) {
    for (SimHost host : state.hosts.values()) {
      if (host.gpfs == null) {
        continue;
      }
      host.gpfs.filesystems.forEach(
          (device, fs) -> {
            if (fs.mounted) {
              FileLayer union = state.gpfsFiles.computeIfAbsent(device, d -> new FileLayer());
              FileLayer.copyBelow(host, fs.mountPoint).addTo(union);
            }
          });
    }
    for (SimHost host : state.hosts.values()) {
      if (host.gpfs != null) {
        host.gpfs.filesystems.forEach(
            (device, fs) -> {
              if (fs.mounted) {
                state.gpfsFiles.getOrDefault(device, new FileLayer()).paste(host, fs.mountPoint);
              }
            });
      }
    }
  }
}
