package dev.hasnctl.probe;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which NFS servers each compute node is using now, from {@code xdsh NODES nfs4cl showfs}: lines
 * {@code node: Server Remote Path fsid Local Path} after a header and a dashed line (AIX Commands
 * Reference, nfs4cl).
 */
public final class ShowfsServers {
  private ShowfsServers() {}

  /** Node to the servers of its NFSv4 mounts; a node that printed no mount has none. */
  public static Map<String, Set<String>> parse(String xdshOutput) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (String line : xdshOutput.split("\n", -1)) {
      int colon = line.indexOf(": ");
      if (colon <= 0) {
        continue;
      }
      String node = line.substring(0, colon);
      String[] fields = line.substring(colon + 2).strip().split("\\s+", -1);
      Set<String> servers = out.computeIfAbsent(node, n -> new TreeSet<>());
      if (fields.length >= 4 && !fields[0].equals("Server") && !fields[0].startsWith("-")) {
        servers.add(fields[0]);
      }
    }
    return out;
  }
}
