package dev.hasnctl.probe;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.NodeHealth;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.probe.Parsers.Unparseable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a booted compute node's health in the probe's one {@code xdsh} to the nodes: {@code nfs4cl
 * showfs} (the server of every NFSv4 mount now), {@code nfs4cl showfs /} and {@code /usr} (their
 * replicas), {@code lsps -c -a} (whether swapnfs0 pages) and {@code sysdumpdev -l} (the dump
 * device). Servers are printed as addresses and read back as SNs through the names the spec knows.
 */
final class NodeHealthReader {
  /** The mounts whose replicas decide whether the node survives its SN: root and /usr. */
  static final List<String> REPLICATED = List.of("/", "/usr");

  private NodeHealthReader() {}

  static void script(Script script, Set<String> done) {
    if (!done.add("health")) {
      return;
    }
    script.run("showfs", Argv.of("nfs4cl", "showfs"));
    for (String path : REPLICATED) {
      script.run("showfs:" + path, Argv.of("nfs4cl", "showfs", path));
    }
    script.run("lsps", Argv.of("lsps", "-c", "-a"));
    script.run("sysdumpdev", Argv.of("sysdumpdev", "-l"));
  }

  /** What a node that answered shows, limited to the properties {@code want} asks about. */
  static Observed observe(Resource want, Sections sections, Function<String, Optional<String>> sn)
      throws Unparseable {
    ResourceId id = want.id();
    Map<String, String> seen = new TreeMap<>();
    seen.put(NodeHealth.RESPONDING, "yes");
    List<Showfs.Mount> mounts = Showfs.parse(section(sections, "showfs"));
    Set<String> current = new TreeSet<>();
    mounts.forEach(m -> current.add(name(m.current(), sn)));
    seen.put(NodeHealth.SERVER, current.isEmpty() ? NodeHealth.NONE : String.join(",", current));
    seen.put(NodeHealth.REPLICA, replicas(sections, sn));
    if (want.properties().containsKey(NodeHealth.SWAPNFS0)) {
      seen.put(NodeHealth.SWAPNFS0, swapnfs0(section(sections, "lsps")));
    }
    if (want.properties().containsKey(NodeHealth.DUMP)) {
      seen.put(NodeHealth.DUMP, dump(section(sections, "sysdumpdev"), sn));
    }
    return new Observed.Present(Resource.checked(id, seen, ""));
  }

  /** What a node that xCAT says runs, but that did not answer, shows: only that. */
  static Observed notResponding(ResourceId id) {
    return new Observed.Present(Resource.checked(id, Map.of(NodeHealth.RESPONDING, "no"), ""));
  }

  private static String replicas(Sections sections, Function<String, Optional<String>> sn) {
    Set<String> replicas = new TreeSet<>();
    boolean missing = false;
    for (String path : REPLICATED) {
      if (!sections.ok("showfs:" + path)) {
        continue; // not an NFSv4 mount on this node
      }
      for (Showfs.Mount mount : Showfs.parse(sections.get("showfs:" + path).orElseThrow())) {
        List<String> others = mount.replicas();
        if (others.isEmpty()) {
          missing = true;
        }
        others.forEach(r -> replicas.add(name(r, sn)));
      }
    }
    return missing || replicas.isEmpty() ? NodeHealth.NONE : String.join(",", replicas);
  }

  /** {@code lsps -c -a}: {@code Psname:Pvname:Vgname:Size:Used:Active:Auto:Type[:Chksum]} rows. */
  static String swapnfs0(List<String> lines) throws Unparseable {
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] fields = line.strip().split(":", -1);
      if (fields.length < 8) {
        throw new Unparseable("lsps -c -a: not Psname:Pvname:Vgname:...: " + line);
      }
      if (fields[0].equals("swapnfs0") && fields[5].equals("y")) {
        return "active";
      }
    }
    return "inactive";
  }

  /** {@code sysdumpdev -l}: the {@code primary} line, {@code HOST:/path} for a remote device. */
  static String dump(List<String> lines, Function<String, Optional<String>> sn) throws Unparseable {
    for (String line : lines) {
      String[] fields = Words.splitTwo(line.strip());
      if (fields.length == 2 && fields[0].equals("primary")) {
        String device = fields[1].strip();
        int colon = device.indexOf(":/");
        return colon > 0 ? name(device.substring(0, colon), sn) : NodeHealth.NONE;
      }
    }
    throw new Unparseable("sysdumpdev -l: no primary line");
  }

  private static String name(String server, Function<String, Optional<String>> sn) {
    return sn.apply(server).orElse(server);
  }

  private static List<String> section(Sections sections, String name) throws Unparseable {
    Optional<List<String>> lines = sections.get(name);
    if (lines.isEmpty() || !sections.ok(name)) {
      throw new Unparseable(name + ": no output or the command failed");
    }
    return lines.get();
  }
}
