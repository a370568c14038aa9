package dev.hasnctl.sim;

import java.time.Duration;

/**
 * What a real cluster charges in time, which the simulator then really waits: {@code execLatency}
 * for each command a client runs on a host (an SSH connection and exec), {@code hostTime} for each
 * command a host runs, and for xdsh/xdcp over N nodes ceil(N / {@code fanout}) waves, each costing
 * {@code hopLatency} (the EMS's SSH to a node through its service node) plus {@code hostTime}.
 *
 * <p>xCAT runs at most {@code fanout} remote shells at once, 64 unless {@code -f} or {@code
 * DSH_FANOUT} says otherwise (xdsh.1.pod; DSHCLI.pm {@code fork_fanout_dsh}, which starts the next
 * node as one finishes: with equal per-node times that is waves). {@link #FREE}, all zero, is the
 * default, for tests.
 */
public record CostModel(Duration execLatency, int fanout, Duration hopLatency, Duration hostTime) {
  /** xdsh's default fanout (xdsh.1.pod: "a default fanout value of 64 is used"). */
  public static final int XCAT_FANOUT = 64;

  /** Nothing costs anything: commands return as fast as the simulator computes them. */
  public static final CostModel FREE =
      new CostModel(Duration.ZERO, XCAT_FANOUT, Duration.ZERO, Duration.ZERO);

  public CostModel {
    for (Duration d : new Duration[] {execLatency, hopLatency, hostTime}) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("a cost cannot be negative: " + d);
      }
    }
    if (fanout < 1) {
      throw new IllegalArgumentException("the fanout must be at least 1, not " + fanout);
    }
  }

  /** What one command a client runs on a host costs. */
  public Duration exec() {
    return execLatency.plus(hostTime);
  }

  /** What an xdsh or xdcp over {@code nodes} nodes costs, in waves of {@link #fanout}. */
  public Duration fanOut(int nodes) {
    long waves = (nodes + (long) fanout - 1) / fanout;
    return hopLatency.plus(hostTime).multipliedBy(waves);
  }
}
