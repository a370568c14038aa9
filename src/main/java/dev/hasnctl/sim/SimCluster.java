package dev.hasnctl.sim;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.sim.ShellParser.ShellSyntaxException;
import dev.hasnctl.sim.ShellScript.Redirect;
import dev.hasnctl.sim.ShellScript.Simple;
import dev.hasnctl.sim.ShellScript.Step;
import dev.hasnctl.transport.ExecResult;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs commands on the hosts of a {@link SimState}, applying injected faults and then the seed's
 * consequences ({@link Consequences}) to the state.
 *
 * <p>Not thread-safe: callers serialise access (the transport and the SSH server hold the cluster's
 * monitor around each command).
 */
public final class SimCluster {
  private final SimState state;
  private final SimCommands commands;
  private final CostModel cost;
  private Duration charged = Duration.ZERO;
  private boolean changed;
  private int depth;

  /** Simulated seconds the commands nested in the current one hung before they completed. */
  private long nestedDelay;

  private String nestedDelayReason = "";

  /** A cluster over {@code state} knowing every simulated command. */
  public SimCluster(SimState state) {
    this(state, SimCommands.standard());
  }

  public SimCluster(SimState state, SimCommands commands) {
    this(state, commands, CostModel.FREE);
  }

  /** A cluster that charges what {@code cost} says for each command (see {@link #charged}). */
  public SimCluster(SimState state, SimCommands commands, CostModel cost) {
    this.state = state;
    this.commands = commands;
    this.cost = cost;
  }

  /** The time the commands run so far would have taken on a real cluster, per the cost model. */
  public Duration charged() {
    return charged;
  }

  /** Charges an xdsh or xdcp fan-out over {@code nodes} nodes. */
  public void chargeFanOut(int nodes) {
    charged = charged.plus(cost.fanOut(nodes));
  }

  public SimState state() {
    return state;
  }

  public SimCommands commands() {
    return commands;
  }

  /** Whether any command since the last {@link #clearChanged} may have changed the state. */
  public boolean changed() {
    return changed;
  }

  /** Forgets earlier changes, e.g. after the state was saved. */
  public void clearChanged() {
    changed = false;
  }

  /** Records that the state changed outside a command (a fault was injected). */
  public void markChanged() {
    changed = true;
  }

  /**
   * Runs {@code argv} on {@code host} as the host's shell would run {@code argv.toShell()}.
   *
   * @throws SimHostException when the host is unreachable or hung, or the connection dropped
   */
  public ExecResult exec(HostName host, Argv argv, Optional<String> stdin) {
    return execShell(host, argv.toShell(), stdin);
  }

  /**
   * Runs {@code commandLine} through the simulated shell on {@code host}.
   *
   * @throws SimHostException when the host is unreachable or hung, or the connection dropped
   */
  public ExecResult execShell(HostName host, String commandLine, Optional<String> stdin) {
    Execution execution = attempt(host.value(), commandLine, stdin);
    if (execution instanceof Execution.Completed done) {
      return done.result();
    }
    if (execution instanceof Execution.Hung hung && hung.after() != null && depth > 0) {
      // A nested command that hangs, then completes, makes the command around it that much slower.
      nestedDelay += hung.seconds();
      nestedDelayReason = hung.reason();
      return hung.after();
    }
    throw new SimHostException(host.value(), execution);
  }

  /** Runs {@code commandLine} on the host called {@code hostName}, reporting what became of it. */
  public Execution attempt(String hostName, String commandLine, Optional<String> stdin) {
    Optional<SimHost> found = state.host(hostName);
    if (found.isEmpty()) {
      return new Execution.Unreachable("no such host");
    }
    SimHost host = found.get();
    if (!host.reachable) {
      return new Execution.Unreachable("host is down");
    }
    if (host.hungReason().isPresent()) {
      return new Execution.Hung(Long.MAX_VALUE, host.hung, null);
    }
    // The clock moves with every command, and with it what running nodes write (statelite) and
    // what follows from the state (Consequences). None of that needs saving when nothing else
    // changed: a later process that loads the state from before these commands sees a cluster
    // where less time has passed, and the same consequences follow from the same state.
    state.tick();
    if (depth == 0) {
      charged = charged.plus(cost.exec()); // a nested command's cost is its caller's (xdsh's waves)
    }
    Optional<CommandFault> fault = state.faults.match(host.name, commandLine);
    if (fault.isPresent() && fault.get().kind == CommandFault.Kind.FAIL) {
      return new Execution.Completed(
          ExecResult.exited(
              fault.get().exitCode,
              "",
              "sim: injected failure (" + fault.get().pattern + "): " + commandLine + "\n"),
          0);
    }
    depth++;
    long outerDelay = nestedDelay;
    String outerReason = nestedDelayReason;
    nestedDelay = 0;
    ExecResult result;
    Execution interrupted = null;
    try {
      result = runScript(host, commandLine, stdin.orElse(""));
    } catch (SimHostException e) {
      // A command nested in this one (sh -c) did not complete: neither does this one. What already
      // ran stays done, as on a real host.
      result = null;
      interrupted = e.execution();
    } finally {
      depth--;
    }
    long delay = nestedDelay;
    String delayReason = nestedDelayReason;
    nestedDelay = outerDelay;
    nestedDelayReason = outerReason;
    if (depth == 0) {
      StateliteWriters.write(state);
      Consequences.settle(state);
    }
    if (interrupted instanceof Execution.Hung hung) {
      return new Execution.Hung(Long.MAX_VALUE, hung.reason(), null);
    }
    if (interrupted != null) {
      return new Execution.Dropped("");
    }
    if (fault.isPresent() && fault.get().kind == CommandFault.Kind.HANG) {
      return new Execution.Hung(
          fault.get().seconds + delay, "injected hang (" + fault.get().pattern + ")", result);
    }
    if (fault.isPresent() && fault.get().kind == CommandFault.Kind.DROP) {
      String out = result.stdout();
      return new Execution.Dropped(out.substring(0, out.length() / 2));
    }
    if (delay > 0) {
      return new Execution.Hung(delay, delayReason, result);
    }
    return new Execution.Completed(result, 0);
  }

  private ExecResult runScript(SimHost host, String commandLine, String stdin) {
    ShellScript script;
    try {
      script = ShellParser.parse(commandLine);
    } catch (ShellSyntaxException e) {
      return ExecResult.exited(2, "", "sim: unsupported shell syntax " + e.getMessage() + "\n");
    }
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int status = 0;
    for (Step step : script.steps()) {
      boolean run =
          switch (step.join()) {
            case ALWAYS -> true;
            case AND -> status == 0;
            case OR -> status != 0;
          };
      if (!run) {
        continue;
      }
      String input = stdin;
      ExecResult last = ExecResult.exited(0, "", "");
      for (Simple simple : step.pipeline()) {
        last = runSimple(host, simple, input, err);
        input = last.stdout();
      }
      out.append(last.stdout());
      status = last.exitCode().orElse(1);
      if (step.negated()) {
        status = status == 0 ? 1 : 0;
      }
      if (step.background()) {
        // Run to completion at once (the simulator has no concurrency), its status not waited for.
        status = 0;
      }
    }
    return ExecResult.exited(status, out.toString(), err.toString());
  }

  /** Runs one simple command; stderr that is not redirected goes to {@code err}. */
  private ExecResult runSimple(SimHost host, Simple simple, String stdin, StringBuilder err) {
    String input = stdin;
    for (Redirect redirect : simple.redirects()) {
      if (redirect.fd() == 0) {
        // Every AIX host has /dev/null, an empty input.
        Optional<String> content =
            redirect.target().equals("/dev/null") ? Optional.of("") : host.file(redirect.target());
        if (content.isEmpty()) {
          err.append("ksh: ").append(redirect.target()).append(": cannot open\n");
          return ExecResult.exited(1, "", "");
        }
        input = content.get();
      }
    }
    String program = simple.words().get(0);
    Optional<SimCommand> command = commands.find(program);
    ExecResult result;
    if (command.isEmpty()) {
      result =
          ExecResult.exited(
              127, "", "sim: not simulated: " + new Argv(simple.words()).toShell() + "\n");
    } else {
      result =
          command
              .get()
              .run(
                  new Invocation(
                      this,
                      host,
                      program,
                      simple.words().subList(1, simple.words().size()),
                      input));
    }
    String stdout = result.stdout();
    String stderr = result.stderr();
    for (Redirect redirect : simple.redirects()) {
      if (redirect.fd() == 2 && redirect.toStdout()) {
        stdout = stdout + stderr;
        stderr = "";
      } else if (redirect.fd() == 1) {
        HostFiles.write(host, redirect.target(), stdout, redirect.append(), state.clock);
        stdout = "";
      } else if (redirect.fd() == 2) {
        HostFiles.write(host, redirect.target(), stderr, redirect.append(), state.clock);
        stderr = "";
      }
    }
    err.append(stderr);
    // What a command wrote on a shared GPFS filesystem reaches the other hosts mounting it. A
    // command that only reads writes nothing there, nor does sh or xdsh, whose own commands each
    // got here.
    boolean wroteNothing =
        command.isPresent()
            && command.get().readOnly(simple.words().subList(1, simple.words().size()))
            && simple.redirects().stream()
                .allMatch(
                    r -> r.fd() == 0 || r.toStdout() || r.target().equals(HostFiles.DEV_NULL));
    if (!wroteNothing) {
      changed = true;
      GpfsMounts.propagate(state, host);
    }
    return ExecResult.exited(result.exitCode().orElse(1), stdout, "");
  }
}
