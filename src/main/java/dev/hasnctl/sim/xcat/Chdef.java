package dev.hasnctl.sim.xcat;

import dev.hasnctl.transport.ExecResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code chdef}, {@code mkdef} and {@code rmdef}, as DBobjectdefs.pm {@code defch}/{@code defmk}/
 * {@code defrm} do them: attribute writes into the tables, {@code -p}/{@code -m} list edits.
 */
final class Chdef {
  private Chdef() {}

  /** chdef (create = false) or mkdef (create = true). */
  static ExecResult change(XcatObjects objects, List<String> args, boolean create) {
    Out out = new Out();
    Opts opts;
    try {
      opts = Opts.parse(args, create ? "t:o:fVh" : "t:o:pmVh");
    } catch (Opts.BadOption e) {
      return out.err(e.getMessage()).exit(1).result();
    }
    String type = opts.value('t').orElse("node");
    if (!XcatObjects.TYPES.contains(type)) {
      return out.error("\nType '" + type + "' is not a valid xCAT object type.").result();
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    List<String> plain = new ArrayList<>();
    for (String a : opts.operands()) {
      int eq = a.indexOf('=');
      if (eq > 0) {
        attrs.put(a.substring(0, eq).trim(), a.substring(eq + 1));
      } else if (eq == 0) {
        return out.error("Incorrect 'attr=val' pair - " + a + ".").result();
      } else {
        plain.add(a);
      }
    }
    if (plain.size() > 1) {
      return out.error("noderange can not contain spaces.").result();
    }
    String names = opts.value('o').orElse(plain.isEmpty() ? null : plain.get(0));
    List<String> objs;
    if (type.equals("site")) {
      objs = List.of(XcatObjects.SITE);
    } else if (names == null) {
      return out.error("No object names were provided.").result();
    } else if (type.equals("node")) {
      try {
        objs = objects.db().expand(names);
      } catch (IllegalArgumentException e) {
        return out.error("No node in '" + names + "', check the noderange syntax.").result();
      }
    } else {
      objs = XcatDb.split(names);
    }
    boolean error = false;
    Map<String, String> valid = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : attrs.entrySet()) {
      if (objects.isValidAttribute(type, e.getKey())
          && !e.getKey().equals("members")
          && !e.getKey().equals("grouptype")) {
        valid.put(e.getKey(), e.getValue());
      } else {
        out.error(
            "'"
                + e.getKey()
                + "' is not a valid attribute name for an object type of '"
                + type
                + "'.");
        out.err("Skipping to the next attribute.");
        error = true;
      }
    }
    int changed = 0;
    for (String obj : objs) {
      boolean defined = objects.exists(type, obj);
      if (!defined && opts.has('m')) {
        out.error(
            "The '-m' option is not valid since the '" + obj + "' definition does not exist.");
        error = true;
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>(valid);
      if (!defined && type.equals("node") && !values.containsKey("groups")) {
        if (create) {
          out.error(
              "Attribute 'groups' is not specified for node '"
                  + obj
                  + "', skipping to the next node.");
          error = true;
          continue;
        }
        values.put("groups", "all");
      }
      objects.create(type, obj);
      for (Map.Entry<String, String> e : values.entrySet()) {
        String now = objects.stored(type, obj, e.getKey()).orElse("");
        objects.store(type, obj, e.getKey(), edit(now, e.getValue(), opts));
      }
      changed++;
    }
    if (error) {
      out.error(
          "One or more errors occured when attempting to create or modify xCAT \n"
              + "object definitions.");
      return out.result();
    }
    return out.info(changed + " object definitions have been created or modified.").result();
  }

  /** The new value of a list attribute under -p (append) / -m (remove), else the value as given. */
  static String edit(String current, String given, Opts opts) {
    if (!opts.has('p') && !opts.has('m')) {
      return given;
    }
    Set<String> items = new LinkedHashSet<>(XcatDb.split(current));
    for (String item : XcatDb.split(given)) {
      if (opts.has('p')) {
        items.add(item);
      } else {
        items.remove(item);
      }
    }
    return String.join(",", items);
  }

  /** rmdef. */
  static ExecResult remove(XcatObjects objects, List<String> args) {
    Out out = new Out();
    Opts opts;
    try {
      opts = Opts.parse(args, "t:o:fVah");
    } catch (Opts.BadOption e) {
      return out.error("Invalid flag specified, see rmdef manpage for details.").result();
    }
    String type = opts.value('t').orElse("node");
    if (!XcatObjects.TYPES.contains(type)) {
      return out.error("\nType '" + type + "' is not a valid xCAT object type.").result();
    }
    Optional<String> names = opts.value('o').or(() -> opts.operands().stream().findFirst());
    if (names.isEmpty()) {
      return out.error("No object names were provided.").result();
    }
    List<String> objs;
    try {
      objs = type.equals("node") ? objects.db().expand(names.get()) : XcatDb.split(names.get());
    } catch (IllegalArgumentException e) {
      return out.error("No node in '" + names.get() + "', check the noderange syntax.").result();
    }
    int removed = 0;
    for (String obj : objs) {
      if (!objects.exists(type, obj)) {
        out.error("Could not find an object named '" + obj + "' of type '" + type + "'.");
        continue;
      }
      objects.remove(type, obj);
      removed++;
    }
    if (removed == 0) {
      out.info("No objects have been removed from the xCAT database.");
    } else {
      out.info(removed + " object definitions have been removed.");
    }
    // defrm returns 0 after reporting objects it could not find (DBobjectdefs.pm).
    return out.exit(0).result();
  }
}
