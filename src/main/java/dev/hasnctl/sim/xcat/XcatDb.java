package dev.hasnctl.sim.xcat;

import dev.hasnctl.model.Noderange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The xCAT database as the simulator keeps it: generic tables of rows keyed by their first column,
 * read and written in place, with xCAT's node/group attribute resolution on top.
 *
 * <p>Rows are found through an index by key column, built on first use per table and kept up to
 * date by this class's writers, so a command costs what it touches rather than a scan of the table
 * per lookup. {@link #rows} hands out the live list, which its caller may change: it drops that
 * table's index, and the next lookup builds it again.
 *
 * <p>Not thread-safe: the simulator runs one command at a time against one state, and a new {@code
 * XcatDb} wraps the tables for each command.
 */
public final class XcatDb {
  private final Map<String, List<Map<String, String>>> tables;
  private final Map<String, Map<String, Map<String, String>>> byKey = new HashMap<>();

  /** Wraps {@code tables} (mutated in place; table name to rows). */
  public XcatDb(Map<String, List<Map<String, String>>> tables) {
    this.tables = tables;
  }

  /** The rows of {@code table}, possibly empty, live: the caller may change them. */
  public List<Map<String, String>> rows(String table) {
    byKey.remove(table);
    return live(table);
  }

  private List<Map<String, String>> live(String table) {
    return tables.computeIfAbsent(table, t -> new ArrayList<>());
  }

  /** The first row of each key of {@code table}, as a scan in row order would find it. */
  private Map<String, Map<String, String>> index(String table) {
    return byKey.computeIfAbsent(
        table,
        t -> {
          String keyCol = XcatSchema.keyColumn(t);
          Map<String, Map<String, String>> index = new HashMap<>();
          for (Map<String, String> row : live(t)) {
            String key = row.get(keyCol);
            if (key != null) {
              index.putIfAbsent(key, row);
            }
          }
          return index;
        });
  }

  /** The row of {@code table} whose key column is {@code key}. */
  public Optional<Map<String, String>> row(String table, String key) {
    return Optional.ofNullable(index(table).get(key));
  }

  /** Sets one column of the row keyed {@code key}, creating the row; an empty value clears it. */
  public void set(String table, String key, String column, String value) {
    Map<String, String> row =
        row(table, key)
            .orElseGet(
                () -> {
                  Map<String, String> created = new LinkedHashMap<>();
                  created.put(XcatSchema.keyColumn(table), key);
                  live(table).add(created);
                  index(table).put(key, created);
                  return created;
                });
    if (column.equals(XcatSchema.keyColumn(table))) {
      byKey.remove(table);
    }
    if (value == null || value.isEmpty()) {
      row.remove(column);
    } else {
      row.put(column, value);
    }
  }

  /**
   * Sets {@code column} of the row whose columns equal {@code keys} (chtab's {@code
   * key=value[,key=value...]}), creating the row when none matches.
   */
  public void setWhere(String table, Map<String, String> keys, String column, String value) {
    byKey.remove(table);
    Map<String, String> row =
        rows(table).stream()
            .filter(
                r -> keys.entrySet().stream().allMatch(k -> k.getValue().equals(r.get(k.getKey()))))
            .findFirst()
            .orElseGet(
                () -> {
                  Map<String, String> created = new LinkedHashMap<>(keys);
                  rows(table).add(created);
                  return created;
                });
    if (value == null || value.isEmpty()) {
      row.remove(column);
    } else {
      row.put(column, value);
    }
  }

  /** Removes the rows whose columns equal {@code keys}; whether one was there. */
  public boolean deleteWhere(String table, Map<String, String> keys) {
    byKey.remove(table);
    return live(table)
        .removeIf(
            r -> keys.entrySet().stream().allMatch(k -> k.getValue().equals(r.get(k.getKey()))));
  }

  /** Removes the row keyed {@code key} from {@code table}; whether one was there. */
  public boolean delete(String table, String key) {
    String keyCol = XcatSchema.keyColumn(table);
    byKey.remove(table);
    return live(table).removeIf(r -> key.equals(r.get(keyCol)));
  }

  /** One value of the row keyed {@code key}, empty when unset. */
  public Optional<String> value(String table, String key, String column) {
    return row(table, key).map(r -> r.get(column)).filter(v -> !v.isEmpty());
  }

  /** Every defined node (a nodelist row), sorted. */
  public List<String> nodes() {
    return List.copyOf(new TreeSet<>(index("nodelist").keySet()));
  }

  /** Whether {@code name} is a defined node. */
  public boolean isNode(String name) {
    return row("nodelist", name).isPresent();
  }

  /** The groups {@code node} belongs to, in its nodelist order. */
  public List<String> groupsOf(String node) {
    return value("nodelist", node, "groups").map(XcatDb::split).orElse(List.of());
  }

  /** Every static group: named in some node's groups, sorted. */
  public List<String> groups() {
    TreeSet<String> out = new TreeSet<>();
    for (String node : nodes()) {
      out.addAll(groupsOf(node));
    }
    return List.copyOf(out);
  }

  /** The member nodes of {@code group}, sorted; empty if no node names it. */
  public List<String> members(String group) {
    return nodes().stream().filter(n -> groupsOf(n).contains(group)).toList();
  }

  /**
   * Expands an xCAT noderange against the defined groups.
   *
   * @throws IllegalArgumentException when the range does not parse
   */
  public List<String> expand(String noderange) {
    return Noderange.expand(
        noderange,
        name -> {
          if (isNode(name)) {
            return Optional.empty();
          }
          List<String> members = members(name);
          return members.isEmpty() ? Optional.empty() : Optional.of(members);
        });
  }

  /**
   * A node attribute as xCAT resolves it: the node's own row, else the first of its groups (in its
   * groups order) with a row setting the column.
   */
  public Optional<String> nodeAttribute(String node, String attr) {
    if (attr.equals("groups")) {
      return value("nodelist", node, "groups");
    }
    XcatSchema.Column col = XcatSchema.nodeAttributes().get(attr);
    if (col == null) {
      return Optional.empty();
    }
    Optional<String> own = value(col.table(), node, col.column());
    if (own.isPresent()) {
      return own;
    }
    for (String group : groupsOf(node)) {
      Optional<String> inherited = value(col.table(), group, col.column());
      if (inherited.isPresent()) {
        return inherited;
      }
    }
    return Optional.empty();
  }

  /** A site attribute. */
  public Optional<String> site(String key) {
    return value("site", key, "value");
  }

  /** Splits a comma list, dropping empty entries. */
  public static List<String> split(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
