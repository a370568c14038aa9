package dev.hasnctl.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.TreeMap;

/** A host's membership in a GPFS cluster: daemon state and the filesystems it knows. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class Gpfs {
  /** The GPFS cluster name, as {@code mmlscluster} prints it. */
  public String cluster = "";

  /**
   * The node's GPFS daemon node name when it is not the host's xCAT name, e.g. a full domain name
   * ({@code sn01.gpfs.example.com}); empty means the xCAT name. With one, {@code mmlsmount -L}
   * prints the three-column layout (address, daemon name, cluster), as IBM documents it.
   */
  public String daemonName = "";

  /** The GPFS daemon is active ({@code mmstartup} ran); false prints {@code down}. */
  public boolean active;

  /** The daemon node name GPFS prints for a member whose xCAT host name is {@code host}. */
  public String daemonName(String host) {
    return daemonName.isEmpty() ? host : daemonName;
  }

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
