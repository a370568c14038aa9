package dev.hasnctl.sim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The xCAT database as generic tables: table name to rows, each row column to value, with the
 * column names of xCAT's {@code perl-xCAT/xCAT/Schema.pm} (site: key, value; nodelist: node,
 * groups, status; noderes: node, servicenode, xcatmaster, ...; statelite: node, image, statemnt,
 * mntopts, comments, disable; litefile: image, file, options, comments, disable; ...).
 *
 * <p>An absent column and an empty one are the same, as in xCAT: setters drop empty values. Rows
 * keep insertion order, which is the order {@code tabdump} prints. Group rows (a group name in the
 * {@code node} column) apply to every member unless a node row overrides them, as in xCAT.
 */
public final class XcatTables {
  private final TreeMap<String, List<Map<String, String>>> tables;

  public XcatTables() {
    this(new TreeMap<>());
  }

  @JsonCreator
  public XcatTables(Map<String, List<Map<String, String>>> tables) {
    this.tables = new TreeMap<>();
    tables.forEach(
        (name, rows) -> {
          List<Map<String, String>> copy = new ArrayList<>();
          rows.forEach(row -> copy.add(new TreeMap<>(row)));
          this.tables.put(name, copy);
        });
  }

  /** The tables as stored; rows and tables are live, mutable views. */
  @JsonValue
  public Map<String, List<Map<String, String>>> asMap() {
    return tables;
  }

  /** The rows of {@code table}, in order; empty for a table that has none. Live. */
  public List<Map<String, String>> rows(String table) {
    return tables.computeIfAbsent(table, t -> new ArrayList<>());
  }

  /** The first row of {@code table} whose {@code column} is {@code value}. */
  public Optional<Map<String, String>> find(String table, String column, String value) {
    return rows(table).stream().filter(row -> value.equals(row.get(column))).findFirst();
  }

  /** The value of {@code column} in the first row where {@code keyColumn} is {@code key}. */
  public Optional<String> get(String table, String keyColumn, String key, String column) {
    return find(table, keyColumn, key).map(row -> row.get(column)).filter(v -> !v.isEmpty());
  }

  /** The site table's {@code key} value, if set and not empty. */
  public Optional<String> site(String key) {
    return get("site", "key", key, "value");
  }

  /**
   * Sets {@code values} in the row where {@code keyColumn} is {@code key}, adding the row at the
   * end if there is none; an empty value removes the column.
   */
  public Map<String, String> upsert(
      String table, String keyColumn, String key, Map<String, String> values) {
    Map<String, String> row =
        find(table, keyColumn, key)
            .orElseGet(
                () -> {
                  Map<String, String> fresh = new TreeMap<>();
                  fresh.put(keyColumn, key);
                  rows(table).add(fresh);
                  return fresh;
                });
    values.forEach(
        (column, value) -> {
          if (value == null || value.isEmpty()) {
            row.remove(column);
          } else {
            row.put(column, value);
          }
        });
    return row;
  }

  /** Sets the site table's {@code key} to {@code value}; empty clears it. */
  public void setSite(String key, String value) {
    upsert("site", "key", key, Map.of("value", value));
  }

  /** Removes the rows of {@code table} that match; returns how many. */
  public int delete(String table, Predicate<Map<String, String>> match) {
    List<Map<String, String>> rows = rows(table);
    int before = rows.size();
    rows.removeIf(match);
    return before - rows.size();
  }

  /** The groups a node belongs to, from nodelist.groups. */
  public List<String> groupsOf(String node) {
    return get("nodelist", "node", node, "groups")
        .map(g -> List.of(g.split(",")))
        .orElse(List.of());
  }

  /**
   * A node attribute as xCAT resolves it: the node's own row first, then the rows of its groups in
   * the order nodelist.groups lists them.
   */
  public Optional<String> nodeAttribute(String table, String node, String column) {
    Optional<String> own = get(table, "node", node, column);
    if (own.isPresent()) {
      return own;
    }
    for (String group : groupsOf(node)) {
      Optional<String> inherited = get(table, "node", group, column);
      if (inherited.isPresent()) {
        return inherited;
      }
    }
    return Optional.empty();
  }
}
