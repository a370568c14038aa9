package dev.hasnctl.spec.rule;

import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.Ems;
import java.util.ArrayList;
import java.util.List;

/**
 * The NFS exports hasnctl writes: the shared /install on each SN and the DB2 directory on the EMS,
 * NFS version 4 only, with {@code replicas=} derived from the pairs and never written by hand.
 */
final class ExportRules {
  private ExportRules() {}

  static List<Rule> all() {
    return List.of(
        SimpleRule.error(
            "exports-vers4",
            "export options name vers=4 and no other version, and no replicas= (hasnctl derives it)",
            ExportRules::vers4),
        SimpleRule.error(
            "db2-export", "db2Export is given only with database: db2", ExportRules::db2));
  }

  private static List<Finding> vers4(ClusterSpec spec) {
    List<Finding> out = new ArrayList<>();
    check(spec.exports().options(), "/exports/options", "the /install export", out);
    spec.ems()
        .db2Export()
        .ifPresent(
            export ->
                check(
                    List.of(export.options().split(",", -1)),
                    "/ems/db2Export/options",
                    "the DB2 export",
                    out));
    return out;
  }

  private static void check(List<String> options, String at, String what, List<Finding> out) {
    List<String> versions = options.stream().filter(o -> o.startsWith("vers=")).toList();
    if (!versions.equals(List.of("vers=4"))) {
      out.add(
          Finding.at(
              at,
              what
                  + " has "
                  + (versions.isEmpty() ? "no vers=4" : String.join(",", versions))
                  + "; only NFS version 4 carries the replica information nodes fail over with",
              "write vers=4 once and no other vers="));
    }
    for (String option : options) {
      if (option.startsWith("replicas=")) {
        out.add(
            Finding.at(
                at,
                what
                    + " writes its own replicas=; hasnctl derives it from the pairs (this SN, then"
                    + " its partner), so a hand-written one can name a wrong or a single server",
                "remove the replicas= option"));
      }
    }
  }

  private static List<Finding> db2(ClusterSpec spec) {
    if (spec.ems().db2Export().isPresent() && spec.ems().database() != Ems.Database.DB2) {
      return List.of(
          Finding.at(
              "/ems/db2Export",
              "db2Export is given but the database is "
                  + spec.ems().database().name().toLowerCase(java.util.Locale.ROOT)
                  + "; the seed exports the DB2 directory only for a DB2 xCAT database",
              "set database: db2, or remove db2Export"));
    }
    return List.of();
  }
}
