package dev.hasnctl.sim.aix;

import dev.hasnctl.sim.SimCommand;
import java.util.List;

/** File commands: cat, ls, mkdir, dd, cp, mv, rm, test, hostname. */
public final class FileCommands {
  private FileCommands() {}

  /** All of them. */
  public static List<SimCommand> all() {
    return List.of();
  }
}
