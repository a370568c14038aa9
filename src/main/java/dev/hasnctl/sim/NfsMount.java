package dev.hasnctl.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * An NFSv4 mount on a compute node: the remote path, its servers with the primary first, and which
 * of them currently serves it.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class NfsMount {
  /** The exported path on the server, e.g. {@code /install/nim/spot/aix71-compute/usr}. */
  public String remote = "";

  /** Server names or addresses, the primary first, then the replicas in failover order. */
  public List<String> servers = new ArrayList<>();

  /**
   * Whether the node mounted an SN's local {@code /install} (before the migration) rather than the
   * shared GPFS one: GPFS mounted over that directory on the server leaves the node with stale file
   * handles.
   */
  public boolean local;

  /** Index into {@link #servers} of the server in use now; 0 is the primary. */
  public int serving;

  public NfsMount() {}

  /** A mount of {@code remote} from {@code servers}, served by the first. */
  public static NfsMount of(String remote, List<String> servers) {
    NfsMount mount = new NfsMount();
    mount.remote = remote;
    mount.servers = new ArrayList<>(servers);
    return mount;
  }

  /** The server in use now. */
  public String currentServer() {
    return servers.get(serving);
  }
}
