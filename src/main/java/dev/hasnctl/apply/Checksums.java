package dev.hasnctl.apply;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.plan.Backup;
import dev.hasnctl.plan.Step;
import dev.hasnctl.transport.ExecResult;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads, before a step runs, the POSIX {@code cksum} of each file it will back up, so the journal
 * can say what content each backup must hold: one {@code cksum} on the step's host, or one {@code
 * xdsh NODERANGE cksum FILE} for files on compute nodes.
 */
final class Checksums {
  private Checksums() {}

  /** The backups of {@code step}, each with the checksum of the file as it is now. */
  static List<KeptBackup> before(Transport transport, Step step, Duration timeout) {
    List<KeptBackup> out = new ArrayList<>();
    for (Backup backup : step.backups()) {
      if (backup.nodes().isEmpty()) {
        out.add(
            new KeptBackup(
                step.host().value(),
                backup.file(),
                backup.copy(),
                onHost(transport, step, backup.file(), timeout)));
      } else {
        Map<String, String> sums = onNodes(transport, step, backup, timeout);
        for (String node : new TreeSet<>(backup.nodes())) {
          out.add(
              new KeptBackup(
                  node,
                  backup.file(),
                  backup.copy(),
                  sums.getOrDefault(node, "unread: xdsh printed nothing for " + node)));
        }
      }
    }
    return out;
  }

  private static String onHost(Transport transport, Step step, String file, Duration timeout) {
    try {
      ExecResult result = transport.exec(step.host(), Argv.of("cksum", file), timeout);
      if (!result.succeeded()) {
        return "absent";
      }
      return sum(result.stdout().strip()).orElse("unread: " + result.stdout().strip());
    } catch (TransportException e) {
      return "unread: " + e.getMessage();
    }
  }

  private static Map<String, String> onNodes(
      Transport transport, Step step, Backup backup, Duration timeout) {
    Map<String, String> sums = new TreeMap<>();
    String range = Noderange.compress(new TreeSet<>(backup.nodes()));
    try {
      ExecResult result =
          transport.exec(
              step.host(),
              Argv.of("xdsh", range, Argv.of("cksum", backup.file()).toShell()),
              timeout);
      for (String line : result.stdout().lines().toList()) {
        int colon = line.indexOf(": ");
        if (colon > 0) {
          sum(line.substring(colon + 2).strip())
              .ifPresent(sum -> sums.put(line.substring(0, colon), sum));
        }
      }
      backup.nodes().forEach(node -> sums.putIfAbsent(node, "absent"));
    } catch (TransportException e) {
      backup.nodes().forEach(node -> sums.put(node, "unread: " + e.getMessage()));
    }
    return sums;
  }

  /** {@code CRC OCTETS} from a cksum line {@code CRC OCTETS FILE}. */
  private static java.util.Optional<String> sum(String line) {
    String[] fields = line.split(" ", 3);
    if (fields.length < 2 || !fields[0].matches("[0-9]+") || !fields[1].matches("[0-9]+")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(fields[0] + " " + fields[1]);
  }
}
