package dev.hasnctl.model;

/**
 * The properties of a {@link ResourceKind#NODE_HEALTH} resource, as the desired state asks them and
 * the probe observes them. SNs are named by their host names, whatever address the node used.
 */
public final class NodeHealth {
  /** {@code yes} when the node answers; {@code no} when xCAT says it runs but it does not. */
  public static final String RESPONDING = "responding";

  /** The SNs serving the node's NFS mounts now, by name, comma-separated; {@code none}. */
  public static final String SERVER = "server";

  /** The SNs the node's mounts list as replicas, comma-separated, or {@code none}. */
  public static final String REPLICA = "replica";

  /** Whether NIM's swapnfs0 pages: {@code active} or {@code inactive}. */
  public static final String SWAPNFS0 = "swapnfs0";

  /** The SN the node's primary dump device is on, or {@code none}. */
  public static final String DUMP = "dump";

  /** What {@link #REPLICA} and {@link #DUMP} say when there is none. */
  public static final String NONE = "none";

  private NodeHealth() {}
}
