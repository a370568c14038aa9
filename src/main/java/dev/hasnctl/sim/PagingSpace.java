package dev.hasnctl.sim;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A paging space on a host: a local logical volume or an NFS file made with {@code mkps}. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class PagingSpace {
  /** The paging space name, e.g. {@code hd6}, {@code swapnfs0}. */
  public String name = "";

  /** The NFS server holding the file; empty for a local logical volume. */
  public String server = "";

  /** The file on the server, or the volume group of a local logical volume. */
  public String path = "";

  /** The mkps flags after the path's colon, e.g. {@code fur}, {@code wam}; empty if none. */
  public String flags = "";

  /** Size in MB, as {@code lsps} prints it. */
  public long sizeMb;

  /** Whether the paging space is in use ({@code swapon} ran). */
  public boolean active;

  /** Whether it is activated at boot ({@code /etc/swapspaces}). */
  public boolean auto;

  public PagingSpace() {}

  /** The size the simulator gives NIM's swapnfs0 (no source gives NIM's default), in MB. */
  public static final long NIM_SWAPNFS0_MB = 512;

  /**
   * NIM's own paging space of a diskless client, {@code swapnfs0}: the file {@code NODE/swapnfs0}
   * of the image's paging resource on {@code server}, active and activated at every boot.
   */
  public static PagingSpace nimSwapnfs0(String server, String resourceLocation, String node) {
    PagingSpace swap = new PagingSpace();
    swap.name = "swapnfs0";
    swap.server = server;
    swap.path = resourceLocation + "/" + node + "/swapnfs0";
    swap.sizeMb = NIM_SWAPNFS0_MB;
    swap.active = true;
    swap.auto = true;
    return swap;
  }

  /** Whether this is an NFS paging space. */
  public boolean nfs() {
    return !server.isEmpty();
  }
}
