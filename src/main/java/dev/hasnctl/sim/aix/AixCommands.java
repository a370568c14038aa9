package dev.hasnctl.sim.aix;

import dev.hasnctl.sim.SimCommand;
import java.util.List;

/** AIX system commands: SRC, inittab, NFS, GPFS, paging, dump, routes, software levels. */
public final class AixCommands {
  private AixCommands() {}

  /** All of them. */
  public static List<SimCommand> all() {
    return List.of();
  }
}
