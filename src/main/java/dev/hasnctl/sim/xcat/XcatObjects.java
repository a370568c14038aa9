package dev.hasnctl.sim.xcat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * xCAT data objects (node, group, site, osimage, network) over the tables, as
 * lsdef/chdef/mkdef/rmdef see them (perl-xCAT/xCAT/DBobjUtils.pm).
 */
final class XcatObjects {
  /** The object types the simulator supports. */
  static final Set<String> TYPES = Set.of("node", "group", "site", "osimage", "network");

  /** The one site object's name. */
  static final String SITE = "clustersite";

  private final XcatDb db;

  XcatObjects(XcatDb db) {
    this.db = db;
  }

  XcatDb db() {
    return db;
  }

  /** Every object of {@code type}, sorted. */
  List<String> names(String type) {
    return switch (type) {
      case "node" -> db.nodes();
      case "group" -> db.groups();
      case "site" -> List.of(SITE);
      case "osimage" -> keys("osimage");
      case "network" -> keys("networks");
      default -> List.of();
    };
  }

  private List<String> keys(String table) {
    TreeSet<String> out = new TreeSet<>();
    db.rows(table).forEach(r -> out.add(r.get(XcatSchema.keyColumn(table))));
    return List.copyOf(out);
  }

  boolean exists(String type, String name) {
    return names(type).contains(name);
  }

  /** Whether {@code attr} is a valid attribute of {@code type} (site takes any name). */
  boolean isValidAttribute(String type, String attr) {
    return switch (type) {
      case "node" -> XcatSchema.nodeAttributes().containsKey(attr);
      case "group" ->
          XcatSchema.nodeAttributes().containsKey(attr)
              || attr.equals("members")
              || attr.equals("grouptype");
      case "site" -> true;
      case "osimage" -> XcatSchema.osimageAttribute(attr).isPresent();
      case "network" -> XcatSchema.isNetworkAttribute(attr) || attr.equals("netname");
      default -> false;
    };
  }

  /** The set attributes of one object, sorted by name (objtype excluded). */
  Map<String, String> attributes(String type, String name) {
    Map<String, String> out = new TreeMap<>();
    switch (type) {
      case "node" -> {
        for (String attr : XcatSchema.nodeAttributes().keySet()) {
          db.nodeAttribute(name, attr).ifPresent(v -> out.put(attr, v));
        }
        prependDefaults(out, "postscripts");
        prependDefaults(out, "postbootscripts");
      }
      case "group" -> {
        out.put("grouptype", "static");
        out.put("members", String.join(",", db.members(name)));
        XcatSchema.nodeAttributes()
            .forEach(
                (attr, col) -> {
                  if (!col.table().equals("nodelist")) {
                    db.value(col.table(), name, col.column()).ifPresent(v -> out.put(attr, v));
                  }
                });
      }
      case "site" ->
          db.rows("site")
              .forEach(
                  r -> {
                    String v = r.get("value");
                    if (v != null && !v.isEmpty()) {
                      out.put(r.get("key"), v);
                    }
                  });
      case "osimage" -> {
        copyRow(out, "osimage", name);
        copyRow(out, "nimimage", name);
      }
      case "network" -> copyRow(out, "networks", name);
      default -> {}
    }
    return out;
  }

  private void prependDefaults(Map<String, String> attrs, String column) {
    Optional<String> defaults = db.value("postscripts", "xcatdefaults", column);
    if (defaults.isEmpty()) {
      return;
    }
    String own = attrs.get(column);
    attrs.put(column, own == null ? defaults.get() : defaults.get() + "," + own);
  }

  private void copyRow(Map<String, String> out, String table, String name) {
    db.row(table, name)
        .ifPresent(
            r ->
                r.forEach(
                    (k, v) -> {
                      boolean meta =
                          k.equals(XcatSchema.keyColumn(table))
                              || k.equals("comments")
                              || k.equals("disable");
                      if (!meta && v != null && !v.isEmpty()) {
                        out.put(k, v);
                      }
                    }));
  }

  /** The stored (not inherited, no defaults) value of one attribute. */
  Optional<String> stored(String type, String name, String attr) {
    return switch (type) {
      case "node", "group" -> {
        XcatSchema.Column col = XcatSchema.nodeAttributes().get(attr);
        yield col == null ? Optional.empty() : db.value(col.table(), name, col.column());
      }
      case "site" -> db.site(attr);
      case "osimage" ->
          XcatSchema.osimageAttribute(attr).flatMap(c -> db.value(c.table(), name, attr));
      case "network" -> db.value("networks", name, attr);
      default -> Optional.empty();
    };
  }

  /** Stores one attribute; an empty value clears it. The attribute must be valid for the type. */
  void store(String type, String name, String attr, String value) {
    switch (type) {
      case "node", "group" -> {
        XcatSchema.Column col = XcatSchema.nodeAttributes().get(attr);
        db.set(col.table(), name, col.column(), value);
      }
      case "site" -> db.set("site", attr, "value", value);
      case "osimage" -> {
        XcatSchema.Column col = XcatSchema.osimageAttribute(attr).orElseThrow();
        db.set(col.table(), name, attr, value);
      }
      case "network" -> db.set("networks", name, attr, value);
      default -> throw new IllegalArgumentException("type " + type);
    }
  }

  /** Creates an empty object so that it exists (a node gets its nodelist row). */
  void create(String type, String name) {
    switch (type) {
      case "node" -> {
        if (db.row("nodelist", name).isEmpty()) {
          db.set("nodelist", name, "node", name);
        }
      }
      case "osimage" -> db.set("osimage", name, "imagename", name);
      case "network" -> db.set("networks", name, "netname", name);
      default -> {}
    }
  }

  /** Removes an object from every table keyed by it; a group is also dropped from its members. */
  void remove(String type, String name) {
    switch (type) {
      case "node" -> {
        for (String table :
            List.of("nodelist", "noderes", "nodetype", "postscripts", "nodehm", "hosts")) {
          db.delete(table, name);
        }
      }
      case "group" -> {
        for (String member : db.members(name)) {
          List<String> groups = new ArrayList<>(db.groupsOf(member));
          groups.remove(name);
          db.set("nodelist", member, "groups", String.join(",", groups));
        }
        for (String table : List.of("noderes", "nodetype", "postscripts", "nodehm")) {
          db.delete(table, name);
        }
      }
      case "osimage" -> {
        db.delete("osimage", name);
        db.delete("nimimage", name);
      }
      case "network" -> db.delete("networks", name);
      case "site" -> db.rows("site").clear();
      default -> {}
    }
  }
}
