package dev.hasnctl.sim.aix;

import static dev.hasnctl.sim.Invocation.fail;
import static dev.hasnctl.sim.Invocation.ok;

import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.HostFiles;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.transport.ExecResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * File commands as AIX prints them: cat, ls, mkdir, dd, cp, mv, rm, test, hostname, echo. Paths are
 * absolute (hasnctl sends nothing else); a relative path is taken from {@code /}.
 */
public final class FileCommands {
  private FileCommands() {}

  /** All of them. */
  public static List<SimCommand> all() {
    return List.of(
        Commands.readingInput(
            Commands.reading("cat", FileCommands::cat),
            (args, commands) -> args.isEmpty() || args.contains("-")),
        Cksum.command(),
        Permissions.chmod(),
        Permissions.chown(),
        Openssl.command(),
        Commands.reading("ls", FileCommands::ls),
        Commands.of("mkdir", FileCommands::mkdir),
        Commands.of("dd", FileCommands::dd),
        Commands.of("cp", i -> copy(i, false)),
        Commands.of("mv", i -> copy(i, true)),
        Commands.of("rm", FileCommands::rm),
        Commands.reading("test", FileCommands::test),
        Commands.reading("[", FileCommands::test),
        Commands.reading("hostname", FileCommands::hostname),
        Commands.reading("echo", i -> ok(String.join(" ", i.args()) + "\n")),
        Commands.reading("true", i -> ok("")),
        Commands.reading("false", i -> ExecResult.exited(1, "", "")));
  }

  static String path(String arg) {
    return HostFiles.normalise(arg.startsWith("/") ? arg : "/" + arg);
  }

  private static ExecResult cat(Invocation in) {
    if (in.args().isEmpty()) {
      return ok(in.stdin());
    }
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int code = 0;
    for (String arg : in.args()) {
      if (arg.equals("-")) {
        out.append(in.stdin());
        continue;
      }
      String path = path(arg);
      String content = in.host().files.get(path);
      if (content != null) {
        out.append(content);
      } else if (in.host().sizedFiles.containsKey(path)) {
        out.append("\0".repeat((int) Math.min(HostFiles.size(in.host(), path), 4096)));
      } else {
        err.append("cat: 0652-050 Cannot open ").append(arg).append(".\n");
        code = 2;
      }
    }
    return ExecResult.exited(code, out.toString(), err.toString());
  }

  private static ExecResult ls(Invocation in) {
    boolean longForm = false;
    boolean directoryItself = false;
    boolean recursive = false;
    List<String> paths = new ArrayList<>();
    for (String arg : in.args()) {
      if (arg.startsWith("-") && arg.length() > 1) {
        if (!arg.substring(1).chars().allMatch(c -> "ldR".indexOf(c) >= 0)) {
          return Invocation.fail(127, "sim: not simulated: ls " + arg + "\n");
        }
        longForm |= arg.contains("l");
        directoryItself |= arg.contains("d");
        recursive |= arg.contains("R");
      } else {
        paths.add(arg);
      }
    }
    if (paths.isEmpty()) {
      paths.add("/");
    }
    SimHost host = in.host();
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int code = 0;
    boolean several = paths.size() > 1;
    for (String arg : paths) {
      String path = path(arg);
      if (!HostFiles.exists(host, path)) {
        err.append("ls: 0653-341 The file ").append(arg).append(" does not exist.\n");
        code = 2;
      } else if (HostFiles.isFile(host, path) || directoryItself) {
        out.append(longForm ? longLine(host, path, arg) : arg).append('\n');
      } else if (recursive) {
        listRecursively(host, path, arg, longForm, out);
      } else {
        if (several) {
          out.append('\n').append(arg).append(":\n");
        }
        for (String name : HostFiles.list(host, path)) {
          String child = path.equals("/") ? "/" + name : path + "/" + name;
          out.append(longForm ? longLine(host, child, name) : name).append('\n');
        }
      }
    }
    return ExecResult.exited(code, out.toString(), err.toString());
  }

  /** {@code ls -R}: each directory as {@code NAME:} and its entries, subdirectories after. */
  private static void listRecursively(
      SimHost host, String path, String shown, boolean longForm, StringBuilder out) {
    if (out.length() > 0) {
      out.append('\n');
    }
    out.append(shown).append(":\n");
    List<String> subdirectories = new ArrayList<>();
    for (String name : HostFiles.list(host, path)) {
      String child = path.equals("/") ? "/" + name : path + "/" + name;
      out.append(longForm ? longLine(host, child, name) : name).append('\n');
      if (!HostFiles.isFile(host, child)) {
        subdirectories.add(name);
      }
    }
    for (String name : subdirectories) {
      String child = path.equals("/") ? "/" + name : path + "/" + name;
      listRecursively(
          host, child, shown.endsWith("/") ? shown + name : shown + "/" + name, longForm, out);
    }
  }

  private static String longLine(SimHost host, String path, String shown) {
    boolean dir = HostFiles.isDirectory(host, path) && !HostFiles.isFile(host, path);
    return String.format(
        "%s    %d %-8s %-8s %10d Jan  1 1970  %s",
        dir ? "drwxr-xr-x" : Permissions.symbolic(host, path),
        dir ? 2 : 1,
        dir ? "root" : Permissions.owner(host, path),
        dir ? "system" : Permissions.group(host, path),
        dir ? 256 : HostFiles.size(host, path),
        shown);
  }

  private static ExecResult mkdir(Invocation in) {
    boolean parents = in.args().contains("-p");
    StringBuilder err = new StringBuilder();
    int code = 0;
    for (String arg : in.args()) {
      if (arg.startsWith("-")) {
        continue;
      }
      String path = path(arg);
      SimHost host = in.host();
      if (HostFiles.exists(host, path)) {
        if (!parents) {
          err.append("mkdir: 0653-358 Cannot create ").append(arg).append(".\n");
          err.append(arg).append(": Do not specify an existing file.\n");
          code = 2;
        }
      } else if (!parents && !HostFiles.isDirectory(host, HostFiles.parent(path))) {
        err.append("mkdir: 0653-357 Cannot access directory ")
            .append(HostFiles.parent(path))
            .append(".\n")
            .append(HostFiles.parent(path))
            .append(": A file or directory in the path name does not exist.\n");
        code = 2;
      } else {
        host.dirs.add(path);
      }
    }
    return ExecResult.exited(code, "", err.toString());
  }

  /** {@code dd if=... of=FILE bs=SIZE count=N}: records the size, never the bytes. */
  private static ExecResult dd(Invocation in) {
    Map<String, String> operands = new TreeMap<>();
    for (String arg : in.args()) {
      int eq = arg.indexOf('=');
      if (eq < 0) {
        return fail(2, "dd: 0511-048 The parameter " + arg + " is not valid.\n");
      }
      operands.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    String of = operands.get("of");
    if (of == null) {
      return fail(2, "dd: sim: only dd with of=FILE is simulated\n");
    }
    long blockSize = bytes(operands.getOrDefault("bs", "512"));
    long count = Long.parseLong(operands.getOrDefault("count", "0"));
    String path = path(of);
    SimHost host = in.host();
    if (!HostFiles.isDirectory(host, HostFiles.parent(path))) {
      return fail(2, "dd: 0511-053 The file " + of + " cannot be opened.\n");
    }
    host.files.remove(path);
    host.sizedFiles.put(path, blockSize * count);
    host.mtimes.put(path, in.cluster().state().clock);
    return ExecResult.exited(0, "", count + "+0 records in.\n" + count + "+0 records out.\n");
  }

  static long bytes(String size) {
    char unit = Character.toLowerCase(size.charAt(size.length() - 1));
    long factor =
        switch (unit) {
          case 'k' -> 1024L;
          case 'm' -> 1024L * 1024;
          case 'g' -> 1024L * 1024 * 1024;
          case 'b' -> 512L;
          default -> 1L;
        };
    String digits = factor == 1 ? size : size.substring(0, size.length() - 1);
    return Long.parseLong(digits) * factor;
  }

  private static ExecResult copy(Invocation in, boolean move) {
    List<String> operands = in.args().stream().filter(a -> !a.startsWith("-")).toList();
    String name = move ? "mv" : "cp";
    if (operands.size() != 2) {
      return fail(2, "Usage: " + name + " [-f] SourceFile TargetFile\n");
    }
    SimHost host = in.host();
    String from = path(operands.get(0));
    String to = path(operands.get(1));
    if (HostFiles.isDirectory(host, to) && !HostFiles.isFile(host, to)) {
      to = to + from.substring(from.lastIndexOf('/'));
    }
    if (!HostFiles.isFile(host, from)) {
      return fail(
          2,
          name
              + ": "
              + operands.get(0)
              + ": A file or directory in the path name does not exist.\n");
    }
    // mv and cp -p carry the mode, owner and modification time; a plain cp keeps the target's
    // mode and owner, or makes the default, and makes the copy now.
    boolean keep = move || in.args().contains("-p");
    if (keep) {
      Permissions.copy(host, from, to);
    } else if (!HostFiles.isFile(host, to)) {
      host.modes.remove(to);
    }
    long mtime = keep ? HostFiles.mtime(host, from) : in.cluster().state().clock;
    if (host.files.containsKey(from)) {
      HostFiles.write(host, to, host.files.get(from), false);
    } else {
      host.files.remove(to);
      host.sizedFiles.put(to, host.sizedFiles.get(from));
    }
    if (mtime != Long.MIN_VALUE) {
      host.mtimes.put(to, mtime);
    } else {
      host.mtimes.remove(to);
    }
    if (move) {
      host.modes.remove(from);
      host.files.remove(from);
      host.sizedFiles.remove(from);
      host.mtimes.remove(from);
    }
    return ok("");
  }

  private static ExecResult rm(Invocation in) {
    boolean force = false;
    boolean recursive = false;
    StringBuilder err = new StringBuilder();
    int code = 0;
    for (String arg : in.args()) {
      if (arg.startsWith("-")) {
        force |= arg.contains("f");
        recursive |= arg.contains("r") || arg.contains("R");
        continue;
      }
      String path = path(arg);
      SimHost host = in.host();
      if (!HostFiles.exists(host, path)) {
        if (!force) {
          err.append("rm: ")
              .append(arg)
              .append(": A file or directory in the path name does not exist.\n");
          code = 2;
        }
      } else if (!HostFiles.isFile(host, path) && !recursive) {
        err.append("rm: 0653-603 Cannot remove directory ").append(arg).append(".\n");
        code = 2;
      } else {
        HostFiles.removeTree(host, path);
        host.modes.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + "/"));
      }
    }
    return ExecResult.exited(code, "", err.toString());
  }

  private static ExecResult test(Invocation in) {
    List<String> args = new ArrayList<>(in.args());
    if (in.program().endsWith("[") && !args.isEmpty() && args.get(args.size() - 1).equals("]")) {
      args.remove(args.size() - 1);
    }
    boolean negate = !args.isEmpty() && args.get(0).equals("!");
    if (negate) {
      args.remove(0);
    }
    if (args.size() != 2) {
      return fail(2, "test: sim: only test [!] -e|-f|-d|-s PATH is simulated\n");
    }
    SimHost host = in.host();
    String path = path(args.get(1));
    boolean result =
        switch (args.get(0)) {
          case "-e" -> HostFiles.exists(host, path);
          case "-f" -> HostFiles.isFile(host, path);
          case "-d" -> HostFiles.isDirectory(host, path) && !HostFiles.isFile(host, path);
          case "-s" -> HostFiles.isFile(host, path) && HostFiles.size(host, path) > 0;
          default -> false;
        };
    return ExecResult.exited(result != negate ? 0 : 1, "", "");
  }

  private static ExecResult hostname(Invocation in) {
    return ok(in.host().name + "\n");
  }
}
