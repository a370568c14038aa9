package dev.hasnctl.sim.aix;

import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.HostFiles;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.transport.ExecResult;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rsync [-a|-rlptgoD] [-u] SRC... DEST} between directories of one host, as the seed copies
 * the local /install into the shared GPFS one (RsyncProject/rsync {@code rsync.1.md}).
 *
 * <p>What it decides, per regular file, is rsync's: a file missing at the destination is copied;
 * with {@code -u} one that is newer at the destination is kept ("skip files that are newer on the
 * receiver"; at an equal time it is updated if the sizes differ); otherwise the quick check skips a
 * file of the same size and modification time and copies the rest. With {@code -t} (in {@code -a})
 * the copy keeps the source's modification time, without it the copy is made now. A source with a
 * trailing slash copies its contents, without one the directory itself, into DEST. Without {@code
 * -r} a directory is skipped. Silent unless something fails; options it does not model ({@code -v},
 * {@code --delete}, remote hosts...) are refused, not guessed.
 */
public final class Rsync {
  private static final String FLAGS = "arlptgoDu";

  private Rsync() {}

  /** The command. */
  public static List<SimCommand> all() {
    return List.of(Commands.of("rsync", Rsync::rsync));
  }

  private record Options(boolean recursive, boolean times, boolean update) {}

  private static ExecResult rsync(Invocation in) {
    boolean recursive = false;
    boolean times = false;
    boolean update = false;
    List<String> operands = new ArrayList<>();
    for (String arg : in.args()) {
      if (arg.startsWith("-")) {
        if (arg.startsWith("--")
            || !arg.substring(1).chars().allMatch(c -> FLAGS.indexOf(c) >= 0)) {
          return Invocation.fail(127, "sim: not simulated: rsync " + arg + "\n");
        }
        recursive |= arg.contains("a") || arg.contains("r");
        times |= arg.contains("a") || arg.contains("t");
        update |= arg.contains("u");
      } else if (arg.contains(":")) {
        return Invocation.fail(
            127, "sim: not simulated: rsync to or from another host: " + arg + "\n");
      } else {
        operands.add(arg);
      }
    }
    if (operands.size() < 2) {
      return Invocation.fail(
          1, "sim: not simulated: rsync with no destination (it would list the source)\n");
    }
    Options options = new Options(recursive, times, update);
    SimHost host = in.host();
    long now = in.state().clock;
    String destArg = operands.get(operands.size() - 1);
    String dest = FileCommands.path(destArg);
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    if (!HostFiles.isDirectory(host, dest)) {
      if (!HostFiles.isDirectory(host, HostFiles.parent(dest))) {
        return ExecResult.exited(
            11,
            "",
            "rsync: mkdir \""
                + dest
                + "\" failed: No such file or directory (2)\n"
                + "rsync error: error in file IO (code 11)\n");
      }
      host.dirs.add(dest);
    }
    for (String sourceArg : operands.subList(0, operands.size() - 1)) {
      String source = FileCommands.path(sourceArg);
      if (!HostFiles.exists(host, source)) {
        err.append("rsync: link_stat \"")
            .append(source)
            .append("\" failed: No such file or directory (2)\n");
        continue;
      }
      String name = source.substring(source.lastIndexOf('/') + 1);
      if (HostFiles.isFile(host, source)) {
        copyFile(host, source, dest + "/" + name, options, now);
      } else if (!options.recursive()) {
        out.append("skipping directory ").append(name).append('\n');
      } else {
        boolean contents = sourceArg.endsWith("/");
        copyTree(host, source, contents ? dest : dest + "/" + name, options, now);
      }
    }
    if (err.length() > 0) {
      err.append("rsync error: some files/attrs were not transferred (see previous errors)")
          .append(" (code 23)\n");
      return ExecResult.exited(23, out.toString(), err.toString());
    }
    return Invocation.ok(out.toString());
  }

  private static void copyTree(SimHost host, String from, String to, Options options, long now) {
    host.dirs.add(to);
    for (String name : HostFiles.list(host, from)) {
      String child = from + "/" + name;
      if (HostFiles.isFile(host, child)) {
        copyFile(host, child, to + "/" + name, options, now);
      } else {
        copyTree(host, child, to + "/" + name, options, now);
      }
    }
  }

  private static void copyFile(SimHost host, String from, String to, Options options, long now) {
    long sourceTime = HostFiles.mtime(host, from);
    long size = HostFiles.size(host, from);
    if (HostFiles.isFile(host, to)) {
      long destTime = HostFiles.mtime(host, to);
      boolean sameSize = HostFiles.size(host, to) == size;
      if (options.update() && (destTime > sourceTime || (destTime == sourceTime && sameSize))) {
        return;
      }
      if (destTime == sourceTime && sameSize) {
        return;
      }
    }
    String content = host.files.get(from);
    if (content != null) {
      HostFiles.write(host, to, content, false);
    } else {
      host.files.remove(to);
      host.sizedFiles.put(to, size);
    }
    host.mtimes.put(to, options.times() ? sourceTime : now);
  }
}
