package dev.hasnctl.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.TreeMap;

/** A host's membership in a GPFS cluster: daemon state and the filesystems it knows. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class Gpfs {
  /** The GPFS cluster name, as {@code mmlscluster} prints it. */
  public String cluster = "";

  /** The GPFS daemon is active ({@code mmstartup} ran); false prints {@code down}. */
  public boolean active;

  /** Filesystems by device name without {@code /dev/}, e.g. {@code gpfsinstall}. */
  public TreeMap<String, Filesystem> filesystems = new TreeMap<>();

  /** One GPFS filesystem as seen from this host. */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public static final class Filesystem {
    /** Where it is mounted when mounted, e.g. {@code /install}. */
    public String mountPoint = "";

    /** The block size, e.g. {@code 1M} or {@code 512K}. */
    public String blockSize = "";

    /** Whether it is mounted on this host; a down daemon never has it mounted. */
    public boolean mounted;

    /** Whether it mounts automatically when the daemon starts ({@code -A yes}). */
    public boolean automount;

    public Filesystem() {}

    /** A filesystem mounted at {@code mountPoint} with {@code blockSize}. */
    public static Filesystem of(String mountPoint, String blockSize, boolean mounted) {
      Filesystem fs = new Filesystem();
      fs.mountPoint = mountPoint;
      fs.blockSize = blockSize;
      fs.mounted = mounted;
      fs.automount = true;
      return fs;
    }
  }
}
