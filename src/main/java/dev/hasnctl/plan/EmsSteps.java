package dev.hasnctl.plan;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.model.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Steps that change the xCAT database on the EMS, the way the seed does by hand: {@code chdef} for
 * site, networks, osimages and nodes, {@code mknimimage -u} to convert a NIM image to NFSv4, and
 * {@code chtab} for the statelite and litefile tables.
 */
final class EmsSteps {
  private final HostName ems;
  private final List<Step> out = new ArrayList<>();

  EmsSteps(HostName ems) {
    this.ems = ems;
  }

  List<Step> build(List<Change> changes) {
    site(of(changes, ResourceKind.SITE_ATTRIBUTE));
    of(changes, ResourceKind.NETWORK).forEach(this::network);
    of(changes, ResourceKind.OSIMAGE).forEach(this::osimage);
    of(changes, ResourceKind.STATELITE).forEach(this::statelite);
    of(changes, ResourceKind.LITEFILE).forEach(this::litefile);
    nodes(of(changes, ResourceKind.NODE));
    return out;
  }

  static List<Change> of(List<Change> changes, ResourceKind kind) {
    return changes.stream().filter(c -> c.id().kind() == kind).toList();
  }

  private void add(
      String id, Phase phase, Set<String> nodes, Argv command, String why, List<Change> fixes) {
    out.add(
        new Step(
            id,
            ems,
            ems,
            phase,
            nodes,
            command,
            why,
            fixes.stream().map(Change::id).toList(),
            Set.of()));
  }

  /** One chdef for every site attribute; an empty value clears the attribute. */
  private void site(List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Argv chdef = Argv.of("chdef", "-t", "site", "clustersite");
    for (Change change : changes) {
      requireNoDelete(change);
      chdef = chdef.plus(change.id().key() + "=" + change.after().get("value"));
    }
    add("ems/site", Phase.TABLES, Set.of(), chdef, "site attributes as the spec says", changes);
  }

  private void network(Change change) {
    String name = change.id().key();
    String id = "ems/network/" + name;
    switch (change.action()) {
      case CREATE ->
          add(
              id,
              Phase.TABLES,
              Set.of(),
              assignments(Argv.of("mkdef", "-t", "network", "-o", name), change.after()),
              "define network " + name,
              List.of(change));
      case UPDATE ->
          add(
              id,
              Phase.TABLES,
              Set.of(),
              assignments(Argv.of("chdef", "-t", "network", "-o", name), changed(change)),
              "network " + name + " as the spec says",
              List.of(change));
      case DELETE ->
          add(
              id,
              Phase.TABLES,
              Set.of(),
              Argv.of("rmdef", "-t", "network", "-o", name),
              "network " + name + " is not in the spec",
              List.of(change));
      default -> throw unexpected(change);
    }
  }

  /**
   * The osimage's attributes with chdef, then NFS version 4 through {@code mknimimage -u}, which
   * changes the NIM resources the osimage names (seed: "mknimimage -u <osimage_name> nfs_vers=4";
   * xCAT-server aixinstall.pm runs {@code nim -Fo change -a nfs_vers=4} on each of them): the
   * attributes first, so that it converts the resources the spec names and none it drops.
   */
  private void osimage(Change change) {
    requireNoDelete(change);
    String name = change.id().key();
    Map<String, String> changed = changed(change);
    String nfs = changed.remove("nfs_vers");
    String attributes = "ems/osimage/" + name;
    if (!changed.isEmpty()) {
      // Verified by the conversion after it when there is one: the resource is whole only then.
      out.add(
          new Step(
              attributes,
              ems,
              ems,
              Phase.IMAGES,
              Set.of(),
              assignments(Argv.of("chdef", "-t", "osimage", "-o", name), changed),
              "image " + name + " as the spec says",
              nfs == null ? List.of(change.id()) : List.of(),
              Set.of()));
    }
    if (nfs != null) {
      out.add(
          new Step(
              "ems/osimage/" + name + "/nfs_vers",
              ems,
              ems,
              Phase.IMAGES,
              Set.of(),
              Argv.of("mknimimage", "-u", name, "nfs_vers=" + nfs),
              "convert image " + name + "'s NIM resources to NFS version " + nfs,
              List.of(change.id()),
              changed.isEmpty() ? Set.of() : Set.of(attributes)));
    }
  }

  /** The statelite table is keyed by node (or group); the desired key is {@code node|image}. */
  private void statelite(Change change) {
    String node = change.id().key().substring(0, change.id().key().indexOf('|'));
    String image = change.id().key().substring(node.length() + 1);
    String id = "ems/statelite/" + change.id().key();
    if (change.action() == Action.DELETE) {
      add(
          id,
          Phase.TABLES,
          Set.of(),
          Argv.of("chtab", "-d", "node=" + node, "statelite"),
          "statelite row for " + node + " is not in the spec",
          List.of(change));
      return;
    }
    requireCreateOrUpdate(change);
    add(
        id,
        Phase.TABLES,
        Set.of(),
        Argv.of(
            "chtab",
            "node=" + node,
            "statelite.image=" + image,
            "statelite.statemnt=" + change.after().get("statemnt"),
            "statelite.mntopts=" + change.after().get("mntopts")),
        "statelite row for " + node + " as the spec says",
        List.of(change));
  }

  private void litefile(Change change) {
    String image = change.id().key().substring(0, change.id().key().indexOf('|'));
    String file = change.id().key().substring(image.length() + 1);
    String key = "image=" + image + ",file=" + file;
    String id = "ems/litefile/" + change.id().key();
    if (change.action() == Action.DELETE) {
      add(
          id,
          Phase.TABLES,
          Set.of(),
          Argv.of("chtab", "-d", key, "litefile"),
          "litefile row " + file + " is not in the spec",
          List.of(change));
      return;
    }
    requireCreateOrUpdate(change);
    add(
        id,
        Phase.TABLES,
        Set.of(),
        Argv.of("chtab", key, "litefile.options=" + change.after().get("options")),
        "litefile row " + file + " as the spec says",
        List.of(change));
  }

  /**
   * One command per distinct set of attributes: a group of 512 nodes that all need the same
   * servicenode takes one chdef over a compressed noderange, not 512. A node's groups are a set the
   * site may add to: an update adds the missing ones with {@code chdef -p groups=...} (a command of
   * its own, as {@code -p} applies to every attribute given) and never drops the others.
   */
  private void nodes(List<Change> changes) {
    Map<String, List<Change>> creates = new TreeMap<>();
    Map<String, List<Change>> updates = new TreeMap<>();
    Map<String, SortedMap<String, String>> attributes = new TreeMap<>();
    for (Change change : changes) {
      requireNoDelete(change);
      SortedMap<String, String> attrs =
          change.action() == Action.CREATE ? change.after() : new TreeMap<>(changed(change));
      if (change.action() == Action.UPDATE && attrs.containsKey("groups")) {
        attrs.put("groups", String.join(",", missingGroups(change)));
      }
      String signature = attrs.toString();
      attributes.put(signature, attrs);
      Map<String, List<Change>> into = change.action() == Action.CREATE ? creates : updates;
      into.computeIfAbsent(signature, k -> new ArrayList<>()).add(change);
    }
    nodeCommands(creates, attributes, "mkdef", "define");
    nodeCommands(updates, attributes, "chdef", "update");
  }

  /** The groups the spec puts the node in that xCAT does not, in the spec's order. */
  private static List<String> missingGroups(Change change) {
    List<String> have = List.of(change.before().getOrDefault("groups", "").split(",", -1));
    return java.util.Arrays.stream(change.after().get("groups").split(",", -1))
        .filter(g -> !g.isEmpty() && !have.contains(g))
        .distinct()
        .toList();
  }

  private void nodeCommands(
      Map<String, List<Change>> bySignature,
      Map<String, SortedMap<String, String>> attributes,
      String program,
      String verb) {
    int n = 0;
    for (Map.Entry<String, List<Change>> entry : bySignature.entrySet()) {
      n++;
      List<String> nodes = entry.getValue().stream().map(c -> c.id().key()).toList();
      String range = Noderange.compress(nodes);
      String id = "ems/nodes/" + program + "/" + n;
      SortedMap<String, String> attrs = new TreeMap<>(attributes.get(entry.getKey()));
      String plus = program.equals("chdef") ? attrs.remove("groups") : null;
      String what = verb + " " + nodes.size() + " node definition" + (nodes.size() == 1 ? "" : "s");
      if (!attrs.isEmpty()) {
        add(
            id,
            Phase.NODES,
            Set.copyOf(nodes),
            assignments(Argv.of(program, "-t", "node", "-o", range), attrs),
            what,
            plus == null ? entry.getValue() : List.of());
      }
      if (plus != null) {
        out.add(
            new Step(
                id + "/groups",
                ems,
                ems,
                Phase.NODES,
                Set.copyOf(nodes),
                Argv.of("chdef", "-t", "node", "-o", range, "-p", "groups=" + plus),
                "add " + nodes.size() + " node" + (nodes.size() == 1 ? "" : "s") + " to " + plus,
                entry.getValue().stream().map(Change::id).toList(),
                attrs.isEmpty() ? Set.of() : Set.of(id)));
      }
    }
  }

  private static Argv assignments(Argv command, Map<String, String> attributes) {
    Argv out = command;
    for (Map.Entry<String, String> a : attributes.entrySet()) {
      out = out.plus(a.getKey() + "=" + a.getValue());
    }
    return out;
  }

  /** The desired values of the properties that differ, in name order. */
  static Map<String, String> changed(Change change) {
    Map<String, String> out = new LinkedHashMap<>();
    change
        .changedProperties()
        .forEach((name, values) -> out.put(name, values[1] == null ? "" : values[1]));
    return out;
  }

  private static void requireNoDelete(Change change) {
    if (change.action() == Action.DELETE) {
      throw unexpected(change);
    }
  }

  private static void requireCreateOrUpdate(Change change) {
    if (change.action() != Action.CREATE && change.action() != Action.UPDATE) {
      throw unexpected(change);
    }
  }

  static IllegalStateException unexpected(Change change) {
    return new IllegalStateException(
        "hasnctl has no step to " + change.action() + " " + change.id() + "; change it by hand");
  }
}
