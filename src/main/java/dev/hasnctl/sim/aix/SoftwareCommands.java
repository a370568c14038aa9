package dev.hasnctl.sim.aix;

import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.sim.Software;
import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Map;

/**
 * Software levels: {@code oslevel -s}, {@code lslpp -l|-Lc [FILESET]}, {@code emgr -l}, {@code rpm
 * -q NAME...}.
 */
public final class SoftwareCommands {
  private SoftwareCommands() {}

  static List<SimCommand> all() {
    return List.of(
        Commands.reading("oslevel", SoftwareCommands::oslevel),
        Commands.reading("lslpp", SoftwareCommands::lslpp),
        Commands.reading("emgr", SoftwareCommands::emgr),
        Commands.reading("rpm", SoftwareCommands::rpm));
  }

  private static Software software(Invocation in) {
    return in.host().software == null ? new Software() : in.host().software;
  }

  private static ExecResult oslevel(Invocation in) {
    if (!in.args().equals(List.of("-s"))) {
      return Invocation.fail(1, "oslevel: sim: only oslevel -s is simulated\n");
    }
    return Invocation.ok(software(in).oslevel + "\n");
  }

  private static ExecResult lslpp(Invocation in) {
    List<String> args = in.args();
    if (args.isEmpty() || !(args.get(0).equals("-l") || args.get(0).equals("-Lc"))) {
      return Invocation.fail(1, "lslpp: sim: only lslpp -l|-Lc [fileset] is simulated\n");
    }
    Map<String, String> filesets = software(in).filesets;
    List<String> wanted =
        args.size() > 1 ? args.subList(1, args.size()) : List.copyOf(filesets.keySet());
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    boolean colon = args.get(0).equals("-Lc");
    if (colon) {
      out.append("#Package Name:Fileset:Level:State:PTF Id:Fix State:Type:Description:")
          .append("Destination Dir.:Uninstaller:Message Catalog:Message Set:Message Number:")
          .append("Parent:Automatic:EFIX Locked:Install Path:Build Date\n");
    } else {
      out.append("  Fileset                      Level  State      Description         \n");
      out.append("  ").append("-".repeat(76)).append('\n');
      out.append("Path: /usr/lib/objrepos\n");
    }
    int code = 0;
    for (String name : wanted) {
      String level = filesets.get(name);
      if (level == null) {
        err.append("lslpp: 0504-132  Fileset ").append(name).append(" not installed.\n");
        code = 1;
        continue;
      }
      String pkg = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
      if (colon) {
        out.append(pkg)
            .append(':')
            .append(name)
            .append(':')
            .append(level)
            .append(": : :C:F:")
            .append(name)
            .append(": : : : : : :0:0:/:\n");
      } else {
        out.append(String.format("  %-28s %-7s %-10s %s%n", name, level, "COMMITTED", name));
      }
    }
    return ExecResult.exited(code, out.toString(), err.toString());
  }

  private static ExecResult emgr(Invocation in) {
    if (!in.args().equals(List.of("-l"))) {
      return Invocation.fail(1, "emgr: sim: only emgr -l is simulated\n");
    }
    Map<String, String> fixes = software(in).ifixes;
    if (fixes.isEmpty()) {
      return Invocation.ok("There is no efix data on this system.\n");
    }
    StringBuilder out = new StringBuilder();
    out.append("ID  STATE LABEL      INSTALL TIME      UPDATED BY ABSTRACT\n");
    out.append(
        "=== ===== ========== ================= ========== ======================================\n");
    int id = 0;
    for (Map.Entry<String, String> fix : fixes.entrySet()) {
      out.append(
          String.format(
              "%-3d  %-4s %-10s %-17s %-10s %s%n",
              ++id, "S", fix.getKey(), "01/01/70 00:00:00", "", fix.getValue()));
    }
    out.append("\nSTATE codes:\n S = STABLE\n");
    return Invocation.ok(out.toString());
  }

  /**
   * {@code rpm -q NAME...}: {@code NAME-VERSION-RELEASE} per installed package (the default query
   * format of the AIX Toolbox's rpm 3/4, no architecture), {@code package NAME is not installed}
   * otherwise; the exit status counts the packages not installed (rpm(8)).
   */
  private static ExecResult rpm(Invocation in) {
    List<String> args = in.args();
    if (args.size() < 2 || !args.get(0).equals("-q")) {
      return Invocation.fail(1, "rpm: sim: only rpm -q NAME... is simulated\n");
    }
    Map<String, String> rpms = software(in).rpms;
    StringBuilder out = new StringBuilder();
    int missing = 0;
    for (String name : args.subList(1, args.size())) {
      String level = rpms.get(name);
      if (level == null) {
        out.append("package ").append(name).append(" is not installed\n");
        missing++;
      } else {
        out.append(name).append('-').append(level).append('\n');
      }
    }
    return ExecResult.exited(missing, out.toString(), "");
  }
}
