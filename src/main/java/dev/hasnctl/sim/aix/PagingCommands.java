package dev.hasnctl.sim.aix;

import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.HostFiles;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.PagingSpace;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Optional;

/**
 * Paging spaces: {@code lsps -a|-c -a|NAME}, {@code mkps -t nfs SERVER PATH[:flags]}, {@code rmps},
 * {@code swapon}, {@code swapoff}. For NFS paging, lsps prints the server where the physical volume
 * goes and the file where the volume group goes, as AIX does.
 */
public final class PagingCommands {
  private PagingCommands() {}

  static List<SimCommand> all() {
    return List.of(
        Commands.reading("lsps", PagingCommands::lsps),
        Commands.of("mkps", PagingCommands::mkps),
        Commands.of("rmps", PagingCommands::rmps),
        Commands.of("swapon", i -> swap(i, true)),
        Commands.of("swapoff", i -> swap(i, false)));
  }

  private static List<PagingSpace> spaces(SimHost host) {
    return NodeCommands.compute(host).paging;
  }

  private static Optional<PagingSpace> find(SimHost host, String name) {
    String bare = name.startsWith("/dev/") ? name.substring(5) : name;
    return spaces(host).stream().filter(p -> p.name.equals(bare)).findFirst();
  }

  private static ExecResult lsps(Invocation in) {
    boolean colon = in.args().contains("-c");
    List<String> rest = in.args().stream().filter(a -> !a.equals("-c") && !a.equals("-l")).toList();
    if (rest.size() != 1) {
      return Invocation.fail(1, "Usage: lsps {-s | [-c | -l] {-a | PagingSpace}}\n");
    }
    List<PagingSpace> shown;
    if (rest.get(0).equals("-a")) {
      shown = spaces(in.host());
    } else {
      Optional<PagingSpace> one = find(in.host(), rest.get(0));
      if (one.isEmpty()) {
        return Invocation.fail(1, "lsps: sim: paging space " + rest.get(0) + " not found\n");
      }
      shown = List.of(one.get());
    }
    StringBuilder out = new StringBuilder();
    if (colon) {
      out.append("#Psname:Pvname:Vgname:Size:Used:Active:Auto:Type:Chksum\n");
      for (PagingSpace p : shown) {
        out.append(
                String.join(
                    ":",
                    p.name,
                    volume(p),
                    group(p),
                    String.valueOf(Math.max(1, p.sizeMb / 32)),
                    "1",
                    p.active ? "y" : "n",
                    p.auto ? "y" : "n",
                    p.nfs() ? "nfs" : "lv",
                    "0"))
            .append('\n');
      }
    } else {
      out.append(
          "Page Space      Physical Volume   Volume Group    Size %Used Active  Auto  Type Chksum\n");
      for (PagingSpace p : shown) {
        out.append(
            String.format(
                "%-15s %-17s %-15s %5s %5d %6s %5s %5s %6d%n",
                p.name,
                volume(p),
                group(p),
                p.sizeMb + "MB",
                1,
                p.active ? "yes" : "no",
                p.auto ? "yes" : "no",
                p.nfs() ? "nfs" : "lv",
                0));
      }
    }
    return Invocation.ok(out.toString());
  }

  private static String volume(PagingSpace p) {
    return p.nfs() ? p.server : "hdisk0";
  }

  private static String group(PagingSpace p) {
    return p.nfs() ? p.path : "rootvg";
  }

  /** {@code mkps -t nfs SERVER PATH[:flags]}: names it swapnfsN, N the first free number. */
  private static ExecResult mkps(Invocation in) {
    List<String> args = in.args();
    if (args.size() != 4 || !args.get(0).equals("-t") || !args.get(1).equals("nfs")) {
      return Invocation.fail(
          1, "mkps: sim: only mkps -t nfs ServerHostName ServerFileName is simulated\n");
    }
    String file = args.get(3);
    String flags = "";
    int colon = file.indexOf(':');
    if (colon >= 0) {
      flags = file.substring(colon + 1);
      file = file.substring(0, colon);
    }
    String path = file;
    boolean exists =
        in.state().host(args.get(2)).map(server -> HostFiles.isFile(server, path)).orElse(false);
    if (!exists) {
      return Invocation.fail(1, "mkps: sim: " + args.get(2) + ":" + path + " does not exist\n");
    }
    int n = 0;
    while (find(in.host(), "swapnfs" + n).isPresent()) {
      n++;
    }
    PagingSpace space = new PagingSpace();
    space.name = "swapnfs" + n;
    space.server = args.get(2);
    space.path = path;
    space.flags = flags;
    space.sizeMb =
        in.state().host(args.get(2)).map(s -> HostFiles.size(s, path) / (1024 * 1024)).orElse(0L);
    space.auto = flags.contains("a");
    space.active = false;
    spaces(in.host()).add(space);
    return Invocation.ok(space.name + "\n");
  }

  private static ExecResult rmps(Invocation in) {
    if (in.args().size() != 1) {
      return Invocation.fail(1, "Usage: rmps PagingSpace\n");
    }
    Optional<PagingSpace> space = find(in.host(), in.args().get(0));
    if (space.isEmpty()) {
      return Invocation.fail(1, "rmps: sim: paging space " + in.args().get(0) + " not found\n");
    }
    if (space.get().active) {
      return Invocation.fail(
          1,
          "rmps: 0517-062 Cannot remove paging space "
              + space.get().name
              + " while it is active.\n");
    }
    spaces(in.host()).remove(space.get());
    return Invocation.ok("rmlv: Logical volume " + space.get().name + " is removed.\n");
  }

  private static ExecResult swap(Invocation in, boolean on) {
    if (in.args().size() != 1) {
      return Invocation.fail(1, "Usage: " + (on ? "swapon" : "swapoff") + " DeviceName\n");
    }
    Optional<PagingSpace> space = find(in.host(), in.args().get(0));
    if (space.isEmpty()) {
      return Invocation.fail(
          1, (on ? "swapon" : "swapoff") + ": sim: no paging space " + in.args().get(0) + "\n");
    }
    space.get().active = on;
    return Invocation.ok("");
  }
}
