package dev.hasnctl.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Injected command faults, kept in the state so they survive between processes. Host faults (down,
 * nfsd stopped, GPFS down) are not here: they change the host itself.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class Faults {
  /** Command faults in the order they were added; the first match wins. */
  public List<CommandFault> commands = new ArrayList<>();

  /** The first fault for {@code commandLine} on {@code host}. */
  public Optional<CommandFault> match(String host, String commandLine) {
    return commands.stream().filter(f -> f.matches(host, commandLine)).findFirst();
  }

  /** Removes every command fault on {@code host}; returns how many. */
  public int clear(String host) {
    int before = commands.size();
    commands.removeIf(f -> f.host.equals(host));
    return before - commands.size();
  }
}
