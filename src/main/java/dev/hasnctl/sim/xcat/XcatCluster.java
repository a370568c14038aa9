package dev.hasnctl.sim.xcat;

import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the cross-host xCAT commands (xdsh, mkdsklsnode, rmdsklsnode, snmove) need of the simulated
 * cluster. It is deliberately narrow so that the simulator core adapts to it in a few lines
 * (SimState/SimHost/Compute map field for field); single-threaded like the simulator.
 */
public interface XcatCluster {
  /** The EMS's xCAT database. */
  XcatDb db();

  /** Whether {@code host} answers (not down). */
  boolean reachable(String host);

  /**
   * Whether {@code host} is up but hung: a connection opens, and the command never ends (an AIX
   * diskless node whose NFS server vanished blocks in every program it loads).
   */
  default boolean hung(String host) {
    return false;
  }

  /**
   * Why ssh cannot connect to {@code host}, which does not answer, as ssh words it: {@code No route
   * to host} when nothing answers at its address, {@code Connection refused} when its address is up
   * without an sshd (a node stopped in its network boot).
   */
  default String connectFailure(String host) {
    return "No route to host";
  }

  /** The address {@code host} is known by (its IP), or the name itself when none is known. */
  String address(String host);

  /**
   * The NIM objects of the NIM master {@code master}: name to attributes (class, type, ...). Live.
   */
  Map<String, Map<String, String>> nim(String master);

  /** The regular files of {@code host}: path to content. Live. */
  Map<String, String> files(String host);

  /** The run-time state of a booted compute node, if {@code node} is one. */
  Optional<ComputeState> compute(String node);

  /**
   * Sets the boot server of running node {@code node}'s normal boot list to {@code address}, as
   * {@code bootlist -m normal ... bserver=ADDRESS} run on the node does (snmove).
   */
  void bootServer(String node, String address);

  /** Makes directory {@code path} (and its parents) on {@code host}. */
  void makeDirectory(String host, String path);

  /** Nodes with a mkdsklsnode in progress (for "both SNs at once"), live across commands. */
  List<String> inProgress();

  /** Records a consequence the cluster now carries (corrupt NIM client files, slow xdsh, ...). */
  void record(String event);

  /** Charges the time a fan-out to {@code nodes} nodes (xdsh, xdcp) takes, in waves. */
  void chargeFanOut(int nodes);

  /** Runs {@code command} (a shell command line) on {@code host}; the host is reachable. */
  ExecResult exec(String host, String command);

  /** The mutable run-time state of one compute node. */
  interface ComputeState {
    String dumpDevice();

    void dumpDevice(String value);

    String defaultGateway();

    void defaultGateway(String value);

    String syslog();

    void syslog(String value);

    String ntp();

    void ntp(String value);
  }
}
