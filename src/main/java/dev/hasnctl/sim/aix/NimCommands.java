package dev.hasnctl.sim.aix;

import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.NimObject;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.transport.ExecResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code lsnim} on a NIM master (the EMS or an SN), from its NIM objects: {@code lsnim [-c CLASS |
 * -t TYPE]} lists {@code name class type}, one object a line; with {@code -l}, and {@code lsnim -l
 * NAME}, each object's stanza ({@code NAME:} then {@code attribute = value} lines), as the AIX
 * Commands Reference describes. Other flags exit 127, not simulated.
 */
public final class NimCommands {
  private static final String NOT_A_MASTER =
      """
      0042-001 lsnim: processing error encountered on "master":
         0042-021 lsnim: This machine is not a NIM master.
      """;

  private NimCommands() {}

  /** All of them. */
  public static List<SimCommand> all() {
    return List.of(
        Commands.reading("lsnim", NimCommands::lsnim), Commands.of("nim", NimCommands::nim));
  }

  private static ExecResult lsnim(Invocation in) {
    Map<String, NimObject> nim = in.host().nim;
    List<String> args = in.args();
    if (nim.isEmpty()) {
      return Invocation.fail(1, NOT_A_MASTER);
    }
    if (!args.isEmpty() && args.get(0).equals("-a")) {
      return attributes(nim, args);
    }
    if (args.size() == 2 && args.get(0).equals("-l")) {
      NimObject object = nim.get(args.get(1));
      if (object == null) {
        return Invocation.fail(
            1, "0042-053 lsnim: there is no NIM object named \"" + args.get(1) + "\"\n");
      }
      StringBuilder out = new StringBuilder();
      stanza(out, args.get(1), object);
      return Invocation.ok(out.toString());
    }
    String field = null;
    String wanted = null;
    boolean long_ = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if ((arg.equals("-t") || arg.equals("-c")) && i + 1 < args.size() && field == null) {
        field = arg;
        wanted = args.get(++i);
      } else if (arg.equals("-l") && !long_) {
        long_ = true;
      } else {
        return Invocation.fail(127, "sim: not simulated: lsnim " + String.join(" ", args) + "\n");
      }
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, NimObject> e : nim.entrySet()) {
      NimObject object = e.getValue();
      if (field != null && !(field.equals("-t") ? object.type : object.nimClass).equals(wanted)) {
        continue;
      }
      if (long_) {
        stanza(out, e.getKey(), object);
      } else {
        out.append(
            String.format(
                Locale.ROOT, "%-16s %-16s %s%n", e.getKey(), object.nimClass, object.type));
      }
    }
    return Invocation.ok(out.toString());
  }

  /**
   * {@code lsnim -a ATTR [-a ATTR ...] [NAME ...]}: each object (all of them when none is named) as
   * a stanza of only those attributes it has (seed: "Run 'lsnim -a nfs_vers' on the EMS and each
   * service node"); the stanza layout is lsnim -l's.
   */
  private static ExecResult attributes(Map<String, NimObject> nim, List<String> args) {
    List<String> wanted = new java.util.ArrayList<>();
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("-a") && i + 1 < args.size()) {
        wanted.add(args.get(++i));
      } else if (args.get(i).startsWith("-")) {
        return Invocation.fail(127, "sim: not simulated: lsnim " + String.join(" ", args) + "\n");
      } else {
        names.add(args.get(i));
      }
    }
    StringBuilder out = new StringBuilder();
    for (String name : names.isEmpty() ? List.copyOf(nim.keySet()) : names) {
      NimObject object = nim.get(name);
      if (object == null) {
        return Invocation.fail(
            1, "0042-053 lsnim: there is no NIM object named \"" + name + "\"\n");
      }
      out.append(name).append(":\n");
      for (String attribute : wanted) {
        String value =
            attribute.equals("class")
                ? object.nimClass
                : attribute.equals("type") ? object.type : object.attributes.get(attribute);
        if (value != null) {
          line(out, attribute, value);
        }
      }
    }
    return Invocation.ok(out.toString());
  }

  /**
   * {@code nim -o change -a ATTR=VALUE ... OBJECT} and {@code nim -o remove OBJECT}; they print
   * nothing on success. Other operations are not simulated.
   */
  private static ExecResult nim(Invocation in) {
    List<String> args = new java.util.ArrayList<>(in.args());
    // -F forces the operation on an allocated resource, as xCAT runs it (nim -Fo change -a
    // nfs_vers=4 RES, aixinstall.pm l.2979); nothing is allocated here, so it changes nothing.
    if (!args.isEmpty() && args.get(0).equals("-Fo")) {
      args.set(0, "-o");
    } else if (args.size() > 1 && args.get(0).equals("-F") && args.get(1).equals("-o")) {
      args.remove(0);
    }
    if (args.size() < 3 || !args.get(0).equals("-o")) {
      return Invocation.fail(127, "sim: not simulated: nim " + String.join(" ", args) + "\n");
    }
    String operation = args.get(1);
    String name = args.get(args.size() - 1);
    NimObject object = in.host().nim.get(name);
    if (object == null) {
      return Invocation.fail(1, "0042-053 nim: there is no NIM object named \"" + name + "\"\n");
    }
    if (operation.equals("remove") && args.size() == 3) {
      in.host().nim.remove(name);
      return Invocation.ok("");
    }
    if (operation.equals("change")) {
      List<String> middle = args.subList(2, args.size() - 1);
      for (int i = 0; i < middle.size(); i += 2) {
        if (!middle.get(i).equals("-a")
            || i + 1 >= middle.size()
            || !middle.get(i + 1).contains("=")) {
          return Invocation.fail(127, "sim: not simulated: nim " + String.join(" ", args) + "\n");
        }
        String assignment = middle.get(i + 1);
        object.with(
            assignment.substring(0, assignment.indexOf('=')),
            assignment.substring(assignment.indexOf('=') + 1));
      }
      return Invocation.ok("");
    }
    return Invocation.fail(127, "sim: not simulated: nim " + String.join(" ", args) + "\n");
  }

  private static void stanza(StringBuilder out, String name, NimObject object) {
    out.append(name).append(":\n");
    line(out, "class", object.nimClass);
    line(out, "type", object.type);
    object.attributes.forEach((attribute, value) -> line(out, attribute, value));
  }

  private static void line(StringBuilder out, String name, String value) {
    out.append(String.format(Locale.ROOT, "   %-14s = %s%n", name, value));
  }
}
