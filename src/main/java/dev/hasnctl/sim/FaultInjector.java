package dev.hasnctl.sim;

import java.util.Optional;

/**
 * Applies a fault to the state and settles its consequences: host faults change the host, command
 * faults are recorded in {@link Faults} for {@link SimCluster} to apply.
 */
public final class FaultInjector {
  private FaultInjector() {}

  /**
   * Injects {@code kind} on {@code hostName}; {@code arg} is {@code PATTERN:EXITCODE} for
   * fail-command, {@code PATTERN:SECONDS} for hang-command and {@code PATTERN} for drop-connection.
   *
   * @return what was done, one line
   * @throws IllegalArgumentException naming the bad host or argument
   */
  public static String inject(
      SimState state, FaultKind kind, String hostName, Optional<String> arg) {
    SimHost host =
        state
            .host(hostName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no host " + hostName + " in the simulated cluster"));
    String done =
        switch (kind) {
          case DOWN -> {
            host.reachable = false;
            yield host.name + " is down";
          }
          case UP -> {
            host.reachable = true;
            yield host.name + " is up";
          }
          case NFSD_STOP -> {
            Subsystem nfsd = host.subsystems.get("nfsd");
            if (nfsd == null) {
              throw new IllegalArgumentException(host.name + " has no nfsd subsystem");
            }
            nfsd.active = false;
            nfsd.pid = 0;
            yield host.name + " nfsd stopped";
          }
          case GPFS_DOWN -> {
            if (host.gpfs == null) {
              throw new IllegalArgumentException(host.name + " is not a GPFS node");
            }
            host.gpfs.active = false;
            GpfsMounts.unmountAll(state, host);
            yield host.name + " GPFS down";
          }
          case FAIL_COMMAND -> {
            String[] parts = patternAndNumber(kind, arg);
            state.faults.commands.add(
                CommandFault.of(
                    host.name, CommandFault.Kind.FAIL, parts[0], Integer.parseInt(parts[1]), 0));
            yield host.name + " commands matching '" + parts[0] + "' exit " + parts[1];
          }
          case HANG_COMMAND -> {
            String[] parts = patternAndNumber(kind, arg);
            state.faults.commands.add(
                CommandFault.of(
                    host.name, CommandFault.Kind.HANG, parts[0], 0, Long.parseLong(parts[1])));
            yield host.name + " commands matching '" + parts[0] + "' hang " + parts[1] + "s";
          }
          case DROP_CONNECTION -> {
            String pattern =
                arg.orElseThrow(
                    () -> new IllegalArgumentException("drop-connection needs a command pattern"));
            state.faults.commands.add(
                CommandFault.of(host.name, CommandFault.Kind.DROP, pattern, 0, 0));
            yield host.name + " connections drop during commands matching '" + pattern + "'";
          }
          case CLEAR -> {
            int removed = state.faults.clear(host.name);
            host.reachable = true;
            host.hung = "";
            yield host.name + " cleared (" + removed + " command faults removed, up, not hung)";
          }
        };
    Consequences.settle(state);
    return done;
  }

  private static String[] patternAndNumber(FaultKind kind, Optional<String> arg) {
    String value =
        arg.orElseThrow(
            () ->
                new IllegalArgumentException(
                    kind.cliName() + " needs PATTERN:NUMBER, e.g. 'exportfs*:3'"));
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || !value.substring(colon + 1).matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException(
          kind.cliName() + " needs PATTERN:NUMBER, e.g. 'exportfs*:3', not '" + value + "'");
    }
    return new String[] {value.substring(0, colon), value.substring(colon + 1)};
  }
}
