package dev.hasnctl.sim.xcat;

import dev.hasnctl.transport.ExecResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code lsdef}, as DBobjectdefs.pm {@code defls} prints it (docs/formats.md). */
final class Lsdef {
  static final String USAGE =
      """

      Usage: lsdef - List xCAT data object definitions.

        lsdef [-h | --help ] [-t object-types]

        lsdef [-V | --verbose] [-t object-types] [-o object-names]
          [ -l | --long] [-s | --short] [-a | --all] [-z | --stanza ] [-S]
          [-i attr-list] [-w attr==val [-w attr=~val] ...] [noderange]
      """;

  private Lsdef() {}

  static ExecResult run(XcatObjects objects, List<String> args) {
    Out out = new Out();
    Opts opts;
    try {
      opts = Opts.parse(args, "t:o:i:clsVSh");
    } catch (Opts.BadOption e) {
      out.err(e.getMessage()).info(USAGE);
      return out.exit(1).result();
    }
    if (opts.has('c') && !opts.has('i')) {
      out.error("The flags '-c' and '-i' must be used together.").info(USAGE);
      return out.result();
    }
    if (opts.has('i') && opts.has('s')) {
      out.error("The flags '-i' and '-s' cannot be used together.").info(USAGE);
      return out.result();
    }
    if (opts.operands().size() > 1) {
      out.error("noderange can not contain spaces.").info(USAGE);
      return out.result();
    }
    List<String> types = XcatDb.split(opts.value('t').orElse("node"));
    for (String t : types) {
      if (!XcatObjects.TYPES.contains(t)) {
        return out.error("\nType '" + t + "' is not a valid xCAT object type.").result();
      }
    }
    String names =
        opts.value('o').orElse(opts.operands().isEmpty() ? null : opts.operands().get(0));
    boolean long_ = opts.has('l') || opts.has('i') || names != null || types.contains("site");
    if (opts.has('s')) {
      long_ = false;
    }
    List<String> attrList = opts.value('i').map(XcatDb::split).orElse(List.of());
    List<String> lines = new ArrayList<>();
    for (String type : types) {
      List<String> all = objects.names(type);
      if (all.isEmpty()) {
        out.info("Could not find any objects of type '" + type + "'.");
        continue;
      }
      List<String> wanted;
      if (type.equals("site")) {
        wanted = all;
      } else if (names == null) {
        wanted = all;
      } else {
        try {
          wanted = type.equals("node") ? objects.db().expand(names) : XcatDb.split(names);
        } catch (IllegalArgumentException e) {
          return out.error("No node in '" + names + "', check the noderange syntax.").result();
        }
      }
      Set<String> known = new HashSet<>(all);
      List<String> shown = new ArrayList<>();
      for (String name : new TreeSet<>(wanted)) {
        if (known.contains(name)) {
          shown.add(name);
        } else {
          out.info("Could not find an object named '" + name + "' of type '" + type + "'.");
        }
      }
      List<String> attrs = new ArrayList<>();
      for (String a : attrList) {
        if (type.equals("site") || objects.isValidAttribute(type, a)) {
          attrs.add(a);
        } else {
          out.error(
              "'" + a + "' is not a valid attribute name for an object type of '" + type + "'.");
        }
      }
      attrs = attrs.stream().sorted().distinct().toList();
      for (String name : shown) {
        if (!long_) {
          lines.add(name + "  (" + type + ")");
          continue;
        }
        print(lines, objects.attributes(type, name), name, type, types.size() > 1, opts, attrs);
      }
    }
    lines.forEach(out::info);
    return out.result();
  }

  private static void print(
      List<String> lines,
      Map<String, String> values,
      String name,
      String type,
      boolean manyTypes,
      Opts opts,
      List<String> attrs) {
    boolean compress = opts.has('c');
    if (manyTypes) {
      lines.add("Object name: " + name + "  (" + type + ")");
    } else if (!compress) {
      lines.add("Object name: " + name);
    }
    if (opts.has('i')) {
      for (String a : attrs) {
        String v = values.getOrDefault(a, "");
        lines.add(compress ? name + ": " + a + "=" + v : "    " + a + "=" + v);
      }
      return;
    }
    values.forEach((a, v) -> lines.add("    " + a + "=" + v));
  }
}
