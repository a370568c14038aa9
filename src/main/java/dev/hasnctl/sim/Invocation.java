package dev.hasnctl.sim;

import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Optional;

/**
 * One run of a simulated command: the cluster (for commands that reach other hosts, such as {@code
 * xdsh}), the host it runs on, its arguments after the program name and its standard input.
 */
public record Invocation(
    SimCluster cluster, SimHost host, String program, List<String> args, String stdin) {
  public Invocation {
    args = List.copyOf(args);
    stdin = stdin == null ? "" : stdin;
  }

  /** The whole state. */
  public SimState state() {
    return cluster.state();
  }

  /** Argument {@code index}, if there is one. */
  public Optional<String> arg(int index) {
    return index < args.size() ? Optional.of(args.get(index)) : Optional.empty();
  }

  /** A successful result printing {@code stdout}. */
  public static ExecResult ok(String stdout) {
    return ExecResult.exited(0, stdout, "");
  }

  /** A failed result printing {@code stderr}. */
  public static ExecResult fail(int code, String stderr) {
    return ExecResult.exited(code, "", stderr);
  }
}
