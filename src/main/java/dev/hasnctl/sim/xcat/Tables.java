package dev.hasnctl.sim.xcat;

import dev.hasnctl.transport.ExecResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** {@code tabdump}, {@code chtab} and {@code nodels}: direct table access (docs/formats.md). */
final class Tables {
  private Tables() {}

  static ExecResult tabdump(XcatDb db, List<String> args) {
    Out out = new Out();
    if (args.isEmpty()) {
      new TreeSet<>(
              List.of(
                  "site",
                  "networks",
                  "nodelist",
                  "noderes",
                  "nodetype",
                  "postscripts",
                  "nodehm",
                  "hosts",
                  "osimage",
                  "nimimage",
                  "statelite",
                  "litefile"))
          .forEach(out::info);
      return out.result();
    }
    if (args.size() > 1 || args.get(0).startsWith("-")) {
      return out.err("Usage: tabdump [-d] [table]").exit(1).result();
    }
    String table = args.get(0);
    Optional<List<String>> columns = XcatSchema.columns(table);
    if (columns.isEmpty()) {
      // The simulator's own wording: no real sample of this message was found.
      return out.error("sim: table '" + table + "' is not simulated").result();
    }
    out.info("#" + String.join(",", columns.get()));
    for (Map<String, String> row : db.rows(table)) {
      List<String> cells = new ArrayList<>();
      for (String col : columns.get()) {
        String v = row.get(col);
        cells.add(v == null || v.isEmpty() ? "" : "\"" + v.replace("\"", "\"\"") + "\"");
      }
      out.info(String.join(",", cells));
    }
    return out.result();
  }

  /** {@code chtab [-d] key=value[,key=value...] table.col=value ...}; prints nothing on success. */
  static ExecResult chtab(XcatDb db, List<String> args) {
    Out out = new Out();
    boolean delete = !args.isEmpty() && args.get(0).equals("-d");
    List<String> rest = delete ? args.subList(1, args.size()) : args;
    if (rest.isEmpty() || !rest.get(0).contains("=")) {
      return out.err("Usage: chtab [-d] keycolname=keyvalue tablename.colname=newvalue ...")
          .exit(1)
          .result();
    }
    Map<String, String> keys = new LinkedHashMap<>();
    for (String pair : rest.get(0).split(",", -1)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        return out.error("Malformed key argument " + rest.get(0)).result();
      }
      keys.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    if (delete) {
      for (String table : rest.subList(1, rest.size())) {
        if (XcatSchema.columns(table).isPresent()) {
          db.deleteWhere(table, keys);
        }
      }
      return out.result();
    }
    for (String assignment : rest.subList(1, rest.size())) {
      int dot = assignment.indexOf('.');
      int eq = assignment.indexOf('=');
      if (dot < 0 || eq < dot) {
        return out.error("Malformed argument " + assignment).result();
      }
      String table = assignment.substring(0, dot);
      String column = assignment.substring(dot + 1, eq);
      Optional<List<String>> cols = XcatSchema.columns(table);
      if (cols.isEmpty() || !cols.get().contains(column)) {
        return out.error("sim: " + table + "." + column + " is not simulated").result();
      }
      if (!cols.get().containsAll(keys.keySet())) {
        return out.error("sim: key " + keys.keySet() + " is not in table " + table).result();
      }
      db.setWhere(table, keys, column, assignment.substring(eq + 1));
    }
    return out.result();
  }

  /** {@code nodels [noderange] [table.column ...]}. */
  static ExecResult nodels(XcatDb db, List<String> args) {
    Out out = new Out();
    List<String> nodes;
    try {
      nodes = args.isEmpty() ? db.nodes() : db.expand(args.get(0));
    } catch (IllegalArgumentException e) {
      return out.error(e.getMessage()).result();
    }
    List<String> attrs = args.size() > 1 ? args.subList(1, args.size()) : List.of();
    for (String node : new TreeSet<>(nodes)) {
      if (!db.isNode(node)) {
        out.error("Invalid nodes and/or groups in noderange: " + node);
        continue;
      }
      if (attrs.isEmpty()) {
        out.info(node);
      }
      for (String attr : attrs) {
        int dot = attr.indexOf('.');
        String value =
            dot < 0 ? "" : column(db, node, attr.substring(0, dot), attr.substring(dot + 1));
        out.info(attrs.size() == 1 ? node + ": " + value : node + ": " + attr + ": " + value);
      }
    }
    return out.result();
  }

  private static String column(XcatDb db, String node, String table, String column) {
    Optional<String> own = db.value(table, node, column);
    if (own.isPresent() || table.equals("nodelist")) {
      return own.orElse("");
    }
    for (String group : db.groupsOf(node)) {
      Optional<String> v = db.value(table, group, column);
      if (v.isPresent()) {
        return v.get();
      }
    }
    return "";
  }
}
