package dev.hasnctl.sim;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The logical partition a compute node runs in, as its service processor (xCAT's Direct FSP
 * Management) sees it: powered on or not, the network boot string {@code rbootseq} set, and where
 * its last network boot stopped when it did not reach AIX's multi-user state.
 *
 * <p>A host with no recorded LPAR ({@link SimHost#lpar} null) is as its scenario built it: running
 * when it has booted ({@link SimHost#compute} set), not activated otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class Lpar {
  /** The LPAR states {@code rpower stat} prints for an LPAR (FSPpower.pm, xCAT's own tests). */
  public enum State {
    RUNNING("Running"),
    NOT_ACTIVATED("Not Activated");

    private final String shown;

    State(String shown) {
      this.shown = shown;
    }

    /** As {@code rpower stat} prints it. */
    public String shown() {
      return shown;
    }
  }

  public State state = State.RUNNING;

  /** The first boot device {@code rbootseq} set ({@code hfi}); empty when never set here. */
  public String bootDevice = "";

  /** The boot server address in the boot string: the node's xcatmaster when rbootseq ran. */
  public String bootServer = "";

  /** Why the last network boot stopped before AIX came up; empty when it booted or is off. */
  public String bootHang = "";

  /**
   * The LED (operator panel) code the hang shows, {@code 611} when AIX's boot could not mount its
   * NFS filesystems; empty when the firmware never got a boot image (no AIX code running yet).
   */
  public String led = "";

  public Lpar() {}

  /** The LPAR of {@code host} as recorded, or as its scenario built it; never stored here. */
  public static Lpar peek(SimHost host) {
    if (host.lpar != null) {
      return host.lpar;
    }
    Lpar built = new Lpar();
    built.state = host.compute != null ? State.RUNNING : State.NOT_ACTIVATED;
    return built;
  }

  /** The LPAR of {@code host}, recorded on it from now on so that changes to it stay. */
  public static Lpar of(SimHost host) {
    if (host.lpar == null) {
      host.lpar = peek(host);
    }
    return host.lpar;
  }

  /** Whether the partition is powered on. */
  public boolean running() {
    return state == State.RUNNING;
  }

  /** Whether it is powered on but stopped in its network boot. */
  public boolean hungInBoot() {
    return running() && !bootHang.isEmpty();
  }

  /**
   * Halts {@code host} at once, as {@code shutdown -F} ends in {@code halt} and {@code rpower off}
   * powers the partition off: its NFS mounts and paging go with the operating system, it answers
   * nothing and writes no more statelite data, and its partition is not activated (AIX's halt
   * powers the system down unless {@code -p}, IBM "halt or fasthalt Command").
   */
  public static void halt(SimHost host) {
    if (host.compute != null) {
      host.compute.mounts.clear();
      host.compute.paging.clear();
      host.compute.image = "";
      host.compute.stateliteFile = "";
    }
    host.reachable = false;
    host.hung = "";
    Lpar lpar = of(host);
    lpar.state = State.NOT_ACTIVATED;
    lpar.bootHang = "";
    lpar.led = "";
  }
}
