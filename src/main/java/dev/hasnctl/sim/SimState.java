package dev.hasnctl.sim;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole simulated world, persisted as one JSON file by {@link SimStore}: hosts, the xCAT
 * database, injected faults and a logical clock.
 *
 * <p>There is no wall time in the state: {@link #clock} counts executed commands, so the same
 * commands on the same state give the same file, byte for byte.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class SimState {
  /** The state file format this simulator reads and writes. */
  public static final int FORMAT = 1;

  public int format = FORMAT;

  /** The cluster name from the spec. */
  public String cluster = "";

  /** Hosts by short name. */
  public TreeMap<String, SimHost> hosts = new TreeMap<>();

  /** {@link #byAlias()}, once built; never saved. */
  @JsonIgnore private Map<String, SimHost> byAlias;

  /** The xCAT database on the EMS. */
  public XcatTables tables = new XcatTables();

  public Faults faults = new Faults();

  /**
   * The files of each GPFS filesystem, by device name without {@code /dev/}, paths relative to its
   * mount point: one content for the whole GPFS cluster, whichever hosts mount it (see {@link
   * GpfsMounts}).
   */
  public TreeMap<String, FileLayer> gpfsFiles = new TreeMap<>();

  /** Commands executed so far; also the source of simulated pids. */
  public long clock;

  public SimState() {}

  /** Adds {@code host}, replacing one of the same name; returns it. */
  public SimHost add(SimHost host) {
    hosts.put(host.name, host);
    return host;
  }

  /** The host whose name (or short name, or alias) is {@code name}. */
  public Optional<SimHost> host(String name) {
    SimHost exact = hosts.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    int dot = name.indexOf('.');
    if (dot > 0 && hosts.containsKey(name.substring(0, dot))) {
      return Optional.of(hosts.get(name.substring(0, dot)));
    }
    SimHost known = byAlias().get(name);
    if (known != null && hosts.get(known.name) == known && known.aliases.contains(name)) {
      return Optional.of(known);
    }
    if (known != null) {
      byAlias = null; // out of date: built again at the next look-up
    }
    // Not indexed (an alias given since, or none), or out of date: the hosts themselves say.
    return hosts.values().stream().filter(h -> h.aliases.contains(name)).findFirst();
  }

  /**
   * Each alias to the first host, in name order, that has it: a node's mounts name their servers by
   * alias, and a scan of 16,000 hosts for each made a simulated 16k cluster's xdsh quadratic. Only
   * a hint: {@link #host} checks what it finds against the hosts.
   */
  private Map<String, SimHost> byAlias() {
    if (byAlias == null) {
      Map<String, SimHost> index = new HashMap<>();
      hosts.values().forEach(h -> h.aliases.forEach(alias -> index.putIfAbsent(alias, h)));
      byAlias = index;
    }
    return byAlias;
  }

  /** Hosts with {@code role}, in name order. */
  public List<SimHost> hostsWith(Role role) {
    return hosts.values().stream().filter(h -> h.role == role).toList();
  }

  /** The EMS, if the state has one. */
  @JsonIgnore
  public Optional<SimHost> ems() {
    return hostsWith(Role.EMS).stream().findFirst();
  }

  /** Advances the logical clock; returns the new value. */
  public long tick() {
    return ++clock;
  }
}
