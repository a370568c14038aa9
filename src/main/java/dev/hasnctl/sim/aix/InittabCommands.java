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
 * {@code /etc/inittab} records ({@code Identifier:RunLevel:Action:Command}): {@code lsitab -a|ID},
 * {@code mkitab [-i ID] RECORD}, {@code chitab RECORD}, {@code rmitab ID}.
 */
public final class InittabCommands {
  static final String INITTAB = "/etc/inittab";

  private InittabCommands() {}

  static List<SimCommand> all() {
    return List.of(
        Commands.reading("lsitab", InittabCommands::lsitab),
        Commands.of("mkitab", InittabCommands::mkitab),
        Commands.of("chitab", InittabCommands::chitab),
        Commands.of("rmitab", InittabCommands::rmitab));
  }

  /** The record lines of the host's inittab (comment lines starting with ':' excluded). */
  static List<String> records(SimHost host) {
    String content = host.files.getOrDefault(INITTAB, "");
    List<String> records = new ArrayList<>();
    for (String line : content.split("\n", -1)) {
      if (!line.isEmpty() && !line.startsWith(":")) {
        records.add(line);
      }
    }
    return records;
  }

  static String id(String record) {
    int colon = record.indexOf(':');
    return colon < 0 ? record : record.substring(0, colon);
  }

  private static int indexOf(List<String> lines, String id) {
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith(":") && id(lines.get(i)).equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> lines(SimHost host) {
    String content = host.files.getOrDefault(INITTAB, "");
    List<String> lines = new ArrayList<>(List.of(content.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  private static void store(SimHost host, List<String> lines) {
    HostFiles.write(host, INITTAB, lines.isEmpty() ? "" : String.join("\n", lines) + "\n", false);
  }

  private static ExecResult lsitab(Invocation in) {
    if (in.args().size() != 1) {
      return Invocation.fail(1, "Usage: lsitab {-a | Identifier}\n");
    }
    if (in.args().get(0).equals("-a")) {
      StringBuilder out = new StringBuilder();
      records(in.host()).forEach(r -> out.append(r).append('\n'));
      return Invocation.ok(out.toString());
    }
    List<String> lines = lines(in.host());
    int at = indexOf(lines, in.args().get(0));
    return at < 0 ? ExecResult.exited(1, "", "") : Invocation.ok(lines.get(at) + "\n");
  }

  private static boolean wellFormed(String record) {
    return record.split(":", -1).length >= 4 && !id(record).isEmpty() && id(record).length() <= 14;
  }

  private static ExecResult mkitab(Invocation in) {
    List<String> args = in.args();
    String after = null;
    String record;
    if (args.size() == 3 && args.get(0).equals("-i")) {
      after = args.get(1);
      record = args.get(2);
    } else if (args.size() == 1) {
      record = args.get(0);
    } else {
      return Invocation.fail(
          1, "Usage: mkitab [-i Identifier] {[Identifier]:[RunLevel]:[Action]:[Command]}\n");
    }
    if (!wellFormed(record)) {
      return Invocation.fail(1, "mkitab: sim: malformed inittab record: " + record + "\n");
    }
    List<String> lines = lines(in.host());
    if (indexOf(lines, id(record)) >= 0) {
      return Invocation.fail(
          1, "mkitab: sim: identifier " + id(record) + " already in /etc/inittab\n");
    }
    int at = lines.size();
    if (after != null) {
      int target = indexOf(lines, after);
      if (target >= 0) {
        at = target + 1;
      }
    }
    lines.add(at, record);
    store(in.host(), lines);
    return Invocation.ok("");
  }

  private static ExecResult chitab(Invocation in) {
    if (in.args().size() != 1 || !wellFormed(in.args().get(0))) {
      return Invocation.fail(1, "Usage: chitab {[Identifier]:[RunLevel]:[Action]:[Command]}\n");
    }
    String record = in.args().get(0);
    List<String> lines = lines(in.host());
    int at = indexOf(lines, id(record));
    if (at < 0) {
      return Invocation.fail(1, "chitab: sim: identifier " + id(record) + " not in /etc/inittab\n");
    }
    lines.set(at, record);
    store(in.host(), lines);
    return Invocation.ok("");
  }

  private static ExecResult rmitab(Invocation in) {
    if (in.args().size() != 1) {
      return Invocation.fail(1, "Usage: rmitab Identifier\n");
    }
    List<String> lines = lines(in.host());
    int at = indexOf(lines, in.args().get(0));
    if (at < 0) {
      return Invocation.fail(
          1, "rmitab: sim: identifier " + in.args().get(0) + " not in /etc/inittab\n");
    }
    lines.remove(at);
    store(in.host(), lines);
    return Invocation.ok("");
  }
}
