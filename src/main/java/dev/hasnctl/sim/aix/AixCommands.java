package dev.hasnctl.sim.aix;

import dev.hasnctl.sim.SimCommand;
import java.util.ArrayList;
import java.util.List;

/** AIX system commands: SRC, inittab, NFS, GPFS, paging, dump, routes, software levels. */
public final class AixCommands {
  private AixCommands() {}

  /** All of them. */
  public static List<SimCommand> all() {
    List<SimCommand> all = new ArrayList<>();
    all.addAll(SrcCommands.all());
    all.addAll(InittabCommands.all());
    all.addAll(NfsServerCommands.all());
    all.addAll(GpfsCommands.all());
    all.addAll(PagingCommands.all());
    all.addAll(NodeCommands.all());
    all.addAll(SoftwareCommands.all());
    all.addAll(ShellCommands.all());
    all.addAll(DaemonCommands.all());
    all.addAll(NimCommands.all());
    all.addAll(NetworkOptions.all());
    all.addAll(Isql.all());
    all.addAll(Rsync.all());
    all.addAll(Mmchfs.all());
    return List.copyOf(all);
  }
}
