package dev.hasnctl.sim;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One simulated host and everything observable on it.
 *
 * <p>Mutable, like the rest of {@link SimState}: it is the world the commands act on, changed only
 * by command handlers and faults while the owning {@link SimCluster} is held. Defaults are not
 * serialised, so a compute node that is as its image made it costs a few bytes in the state file.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class SimHost {
  /** The short host name, also its key in {@link SimState#hosts}. */
  public String name = "";

  public Role role = Role.COMPUTE;

  /** Other names and addresses this host answers to: its xcatmaster name, its IP addresses. */
  public TreeSet<String> aliases = new TreeSet<>();

  /** False when the host is down or cut off: transports fail to connect, nothing runs. */
  public boolean reachable = true;

  /** Why the host hangs (every command times out), or empty when it runs normally. */
  public String hung = "";

  /**
   * Whether this SN still has its own local {@code /install} filesystem (before the seed's
   * migration), which its NFS server exports until GPFS is mounted over it.
   */
  public boolean localInstall;

  /** Regular files by absolute path, to their content. */
  public TreeMap<String, String> files = new TreeMap<>();

  /** Files whose content is not kept (made by {@code dd}): absolute path to size in bytes. */
  public TreeMap<String, Long> sizedFiles = new TreeMap<>();

  /**
   * Files whose mode or owner is not the default ({@code 644 root system}), by absolute path, as
   * {@code MODE OWNER GROUP}: {@code 600 root system}.
   */
  public TreeMap<String, String> modes = new TreeMap<>();

  /** AIX network options ({@code no}) set away from their default, by name: ipforwarding. */
  public TreeMap<String, String> tunables = new TreeMap<>();

  /** Directories made explicitly; parents of files exist implicitly. */
  public TreeSet<String> dirs = new TreeSet<>();

  /**
   * Modification times of files, in the state's logical clock ({@link SimState#clock}); a file with
   * none was made before the simulation started and is older than every one that has one.
   */
  public TreeMap<String, Long> mtimes = new TreeMap<>();

  /** What a mounted filesystem hides, by mount point: the local files that were there. */
  public TreeMap<String, FileLayer> covered = new TreeMap<>();

  /** SRC subsystems by name. */
  public TreeMap<String, Subsystem> subsystems = new TreeMap<>();

  /** GPFS membership, or null when the host is not a GPFS node. */
  public Gpfs gpfs;

  /** NIM objects by name when this host is a NIM master (EMS, SNs); empty otherwise. */
  public TreeMap<String, NimObject> nim = new TreeMap<>();

  /** Installed software levels, or null when not recorded (compute nodes: the image's). */
  public Software software;

  /** Run-time state of a booted compute node, or null for other roles and unbooted nodes. */
  public Compute compute;

  /** The LPAR of a compute node once power or boot commands changed it; null: as built. */
  public Lpar lpar;

  /**
   * NFS server replication ({@code chnfs -R on}): the server issues volatile NFSv4 file handles,
   * which exports naming {@code replicas=} need (IBM AIX "NFS configuration requirements to allow
   * specification of replicas").
   */
  public boolean nfsReplication;

  public SimHost() {}

  /** A host called {@code name} with {@code role} and nothing else yet. */
  public static SimHost of(String name, Role role) {
    SimHost host = new SimHost();
    host.name = name;
    host.role = role;
    return host;
  }

  /** Why the host hangs, if it does. */
  @JsonIgnore
  public Optional<String> hungReason() {
    return hung.isEmpty() ? Optional.empty() : Optional.of(hung);
  }

  /** Marks the host hung for {@code reason}, keeping the first reason if already hung. */
  public void hang(String reason) {
    if (hung.isEmpty()) {
      hung = reason;
    }
  }

  /** Whether the subsystem {@code name} exists and is active. */
  public boolean isActive(String subsystem) {
    Subsystem s = subsystems.get(subsystem);
    return s != null && s.active;
  }

  /** Whether GPFS runs here with the filesystem mounted at {@code mountPoint}. */
  public boolean gpfsServes(String mountPoint) {
    return gpfs != null
        && gpfs.active
        && gpfs.filesystems.values().stream()
            .anyMatch(fs -> fs.mounted && fs.mountPoint.equals(mountPoint));
  }

  /** Whether this host answers to {@code nameOrAddress}. */
  public boolean answersTo(String nameOrAddress) {
    return name.equals(nameOrAddress) || aliases.contains(nameOrAddress);
  }

  /** The content of file {@code path}, if it is a file with kept content. */
  public Optional<String> file(String path) {
    return Optional.ofNullable(files.get(path));
  }
}
