package dev.hasnctl.sim.aix;

import dev.hasnctl.sim.Commands;
import dev.hasnctl.sim.HostFiles;
import dev.hasnctl.sim.Invocation;
import dev.hasnctl.sim.SimCommand;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.transport.ExecResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code exportfs}: no arguments lists what is exported now (AIX keeps that in {@code /etc/xtab}),
 * {@code -a} exports every {@code /etc/exports} line, {@code -ua} unexports all, {@code -u DIR}
 * unexports one, {@code DIR} exports one line of {@code /etc/exports}; a line naming {@code
 * replicas=} is refused while replication is off. {@code chnfs -R on|off} switches replication,
 * only while nothing is exported (IBM AIX "NFS configuration requirements to allow specification of
 * replicas": "In order to change the file handle mode with chnfs -R, no file systems can be
 * exported for NFSv4 access"). The refusal texts are the simulator's own.
 */
public final class NfsServerCommands {
  /** The configured exports. */
  public static final String EXPORTS = "/etc/exports";

  /** What is exported now. */
  public static final String XTAB = "/etc/xtab";

  private NfsServerCommands() {}

  static List<SimCommand> all() {
    return List.of(
        // exportfs alone lists what is exported; with options it exports or unexports.
        Commands.readingWhen("exportfs", NfsServerCommands::exportfs, List::isEmpty),
        Commands.of("chnfs", NfsServerCommands::chnfs));
  }

  /** The export lines of {@code file} on {@code host} by directory, in file order. */
  public static Map<String, String> exportLines(SimHost host, String file) {
    Map<String, String> lines = new LinkedHashMap<>();
    for (String line : host.files.getOrDefault(file, "").split("\n", -1)) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        lines.put(trimmed.split("\\s+", -1)[0], trimmed);
      }
    }
    return lines;
  }

  /** The configured {@code /etc/exports} line for {@code dir}, if any. */
  public static Optional<String> configured(SimHost host, String dir) {
    return Optional.ofNullable(exportLines(host, EXPORTS).get(dir));
  }

  private static ExecResult exportfs(Invocation in) {
    SimHost host = in.host();
    List<String> args = in.args();
    Map<String, String> exported = exportLines(host, XTAB);
    if (args.isEmpty()) {
      StringBuilder out = new StringBuilder();
      exported.values().forEach(line -> out.append(line).append('\n'));
      return Invocation.ok(out.toString());
    }
    Map<String, String> configured = exportLines(host, EXPORTS);
    switch (args.get(0)) {
      case "-a" -> exported = new LinkedHashMap<>(configured);
      case "-ua" -> exported.clear();
      case "-u" -> {
        if (args.size() != 2) {
          return usage();
        }
        if (exported.remove(HostFiles.normalise(args.get(1))) == null) {
          return Invocation.fail(1, "exportfs: " + args.get(1) + ": sim: not exported\n");
        }
      }
      default -> {
        if (args.get(0).startsWith("-")) {
          return usage();
        }
        String dir = HostFiles.normalise(args.get(0));
        String line = configured.get(dir);
        if (line == null) {
          return Invocation.fail(1, "exportfs: " + dir + ": sim: not found in /etc/exports\n");
        }
        exported.put(dir, line);
      }
    }
    if (!host.nfsReplication) {
      for (String line : exported.values()) {
        if (line.contains("replicas=")) {
          return Invocation.fail(
              1,
              "exportfs: "
                  + line.split("\\s+", -1)[0]
                  + ": sim: replicas need NFS replication (chnfs -R on)\n");
        }
      }
    }
    List<String> lines = new ArrayList<>(exported.values());
    HostFiles.write(host, XTAB, lines.isEmpty() ? "" : String.join("\n", lines) + "\n", false);
    return Invocation.ok("");
  }

  private static ExecResult chnfs(Invocation in) {
    List<String> args = in.args();
    if (args.size() != 2
        || !args.get(0).equals("-R")
        || !List.of("on", "off").contains(args.get(1))) {
      return Invocation.fail(1, "chnfs: sim: only chnfs -R on|off is simulated\n");
    }
    SimHost host = in.host();
    if (!exportLines(host, XTAB).isEmpty()) {
      return Invocation.fail(
          1, "chnfs: sim: cannot change the file handle mode while file systems are exported\n");
    }
    host.nfsReplication = args.get(1).equals("on");
    return Invocation.ok("");
  }

  private static ExecResult usage() {
    return Invocation.fail(
        1, "Usage: exportfs [-a|-ua|-u Directory|Directory] (sim: other forms not simulated)\n");
  }
}
