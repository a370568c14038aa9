package dev.hasnctl.sim.aix;

import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.Subsystem;
import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Map;

/**
 * The AIX System Resource Controller: {@code lssrc -s|-g|-a}, {@code startsrc -s|-g}, {@code
 * stopsrc -s|-g}, with SRC's 0513 messages. Pids come from the logical clock.
 */
public final class SrcCommands {
  static final String HEADER = "Subsystem         Group            PID          Status\n";

  private SrcCommands() {}

  static List<SimCommand> all() {
    return List.of(
        Commands.reading("lssrc", SrcCommands::lssrc),
        Commands.of("startsrc", i -> change(i, true)),
        Commands.of("stopsrc", i -> change(i, false)));
  }

  private static ExecResult lssrc(Invocation in) {
    SimHost host = in.host();
    StringBuilder out = new StringBuilder(HEADER);
    if (in.args().size() == 1 && in.args().get(0).equals("-a")) {
      host.subsystems.forEach((name, s) -> out.append(row(name, s)));
      return Invocation.ok(out.toString());
    }
    if (in.args().size() != 2) {
      return usage("lssrc");
    }
    String target = in.args().get(1);
    switch (in.args().get(0)) {
      case "-s" -> {
        Subsystem s = host.subsystems.get(target);
        if (s == null) {
          return Invocation.fail(1, "0513-085 The " + target + " Subsystem is not on file.\n");
        }
        out.append(row(target, s));
      }
      case "-g" -> {
        List<Map.Entry<String, Subsystem>> members = group(host, target);
        if (members.isEmpty()) {
          return Invocation.fail(1, "0513-086 The " + target + " Group is not on file.\n");
        }
        members.forEach(e -> out.append(row(e.getKey(), e.getValue())));
      }
      default -> {
        return usage("lssrc");
      }
    }
    return Invocation.ok(out.toString());
  }

  static String row(String name, Subsystem s) {
    return String.format(
            " %-17s%-17s%-13s%s",
            name,
            s.group,
            s.active ? String.valueOf(s.pid) : "",
            s.active ? "active" : "inoperative")
        + "\n";
  }

  private static List<Map.Entry<String, Subsystem>> group(SimHost host, String group) {
    return host.subsystems.entrySet().stream()
        .filter(e -> e.getValue().group.equals(group))
        .toList();
  }

  private static ExecResult change(Invocation in, boolean start) {
    String command = start ? "startsrc" : "stopsrc";
    if (in.args().size() != 2
        || !(in.args().get(0).equals("-s") || in.args().get(0).equals("-g"))) {
      return usage(command);
    }
    SimHost host = in.host();
    String target = in.args().get(1);
    List<Map.Entry<String, Subsystem>> members;
    if (in.args().get(0).equals("-s")) {
      Subsystem s = host.subsystems.get(target);
      if (s == null) {
        return Invocation.fail(1, "0513-085 The " + target + " Subsystem is not on file.\n");
      }
      members = List.of(Map.entry(target, s));
    } else {
      members = group(host, target);
      if (members.isEmpty()) {
        return Invocation.fail(1, "0513-086 The " + target + " Group is not on file.\n");
      }
    }
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    boolean single = in.args().get(0).equals("-s");
    int code = 0;
    for (Map.Entry<String, Subsystem> member : members) {
      Subsystem s = member.getValue();
      String name = member.getKey();
      if (start && s.active) {
        if (single) {
          err.append("0513-029 The ")
              .append(name)
              .append(" Subsystem is already active.\n")
              .append("Multiple instances are not supported.\n");
          code = 1;
        }
      } else if (start) {
        s.active = true;
        s.pid = (int) (1000 + in.state().clock * 7 % 9_000_000);
        out.append("0513-059 The ")
            .append(name)
            .append(" Subsystem has been started. Subsystem PID is ")
            .append(s.pid)
            .append(".\n");
      } else if (s.active) {
        s.active = false;
        s.pid = 0;
        out.append("0513-044 The ").append(name).append(" Subsystem was requested to stop.\n");
      } else if (single) {
        err.append("0513-004 The Subsystem or Group, ")
            .append(name)
            .append(", is currently inoperative.\n");
        code = 1;
      }
    }
    return ExecResult.exited(code, out.toString(), err.toString());
  }

  private static ExecResult usage(String command) {
    return Invocation.fail(
        1, "Usage: " + command + " {-a|-g group|-s subsystem} (sim: other forms not simulated)\n");
  }
}
