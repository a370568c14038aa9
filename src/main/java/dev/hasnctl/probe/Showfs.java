package dev.hasnctl.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses {@code nfs4cl showfs [PATH]} (AIX): a header {@code Server Remote Path fsid Local Path}, a
 * dashed line, then one row per NFSv4 mount whose first field is the server in use, as an address.
 * With a path, each row may be followed by {@code Current Server: ADDR:/path}, one {@code Replica
 * Server: ADDR:/path} per replica and {@code options : ...} (xCAT wiki, "HA NFS on AIX service
 * nodes"). Both layouts are read; a row without detail lines has no replica known.
 */
public final class Showfs {
  private Showfs() {}

  /**
   * One mount as the node sees it.
   *
   * @param current the server in use, as printed (an address)
   * @param servers every server the detail lines name, current and replicas, as printed; empty when
   *     there were no detail lines
   */
  public record Mount(String localPath, String remotePath, String current, List<String> servers) {
    public Mount {
      servers = List.copyOf(servers);
    }

    /** Whether {@code Current Server:} or {@code Replica Server:} lines followed the row. */
    public boolean detailed() {
      return !servers.isEmpty();
    }

    /** The servers other than the current one, as printed. */
    public List<String> replicas() {
      return servers.stream().filter(s -> !s.equals(current)).toList();
    }
  }

  /** The mounts of one node's output. */
  public static List<Mount> parse(List<String> lines) {
    List<Mount> out = new ArrayList<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith("Current Server:") || line.startsWith("Replica Server:")) {
        if (out.isEmpty()) {
          continue;
        }
        String server = serverOf(line.substring(line.indexOf(':') + 1).strip());
        Mount last = out.remove(out.size() - 1);
        List<String> servers = new ArrayList<>(last.servers());
        String current = last.current();
        if (line.startsWith("Current")) {
          // After a failover the row and this line could differ; this line is the one that says.
          current = server;
        }
        if (!servers.contains(server)) {
          servers.add(server);
        }
        out.add(new Mount(last.localPath(), last.remotePath(), current, servers));
        continue;
      }
      String[] fields = Words.split(line);
      if (fields.length < 4
          || fields[0].equals("Server")
          || fields[0].startsWith("-")
          || line.startsWith("options")) {
        continue;
      }
      out.add(new Mount(fields[fields.length - 1], fields[1], fields[0], List.of()));
    }
    return out;
  }

  /** Node to its mounts, from {@code xdsh NODES nfs4cl showfs [PATH]}; silent nodes are absent. */
  public static Map<String, List<Mount>> parseXdsh(String xdshOutput) {
    Map<String, List<String>> perNode = new TreeMap<>();
    for (String line : xdshOutput.split("\n", -1)) {
      int colon = line.indexOf(": ");
      if (colon > 0) {
        perNode
            .computeIfAbsent(line.substring(0, colon), n -> new ArrayList<>())
            .add(line.substring(colon + 2));
      }
    }
    Map<String, List<Mount>> out = new TreeMap<>();
    perNode.forEach((node, lines) -> out.put(node, parse(lines)));
    return out;
  }

  /** {@code 20.10.12.1:/install} is server {@code 20.10.12.1}; an IPv6 address keeps its colons. */
  private static String serverOf(String serverAndPath) {
    int slash = serverAndPath.indexOf(":/");
    return slash < 0 ? serverAndPath : serverAndPath.substring(0, slash);
  }
}
