package dev.hasnctl.sim.xcat;

import dev.hasnctl.sim.Compute;
import dev.hasnctl.sim.Execution;
import dev.hasnctl.sim.Lpar;
import dev.hasnctl.sim.NimObject;
import dev.hasnctl.sim.SimCluster;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.transport.ExecResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link XcatCluster} over the simulator core's state. NIM objects are copied in and written back
 * through a view; the in-progress markers and recorded consequences live in EMS files (the core has
 * no field for them yet), so they persist with the state.
 */
public final class SimXcatCluster implements XcatCluster {
  /** EMS file listing nodes with a mkdsklsnode in progress, one per line. */
  public static final String IN_PROGRESS = "/var/lib/hasnctl-sim/mkdsklsnode.inprogress";

  /** EMS file of recorded consequences, one per line. */
  public static final String EVENTS = "/var/log/hasnctl-sim/xcat-consequences";

  private final SimCluster cluster;
  private final XcatDb db;
  private final List<String> inProgress;

  public SimXcatCluster(SimCluster cluster) {
    this.cluster = cluster;
    this.db = new XcatDb(cluster.state().tables.asMap());
    this.inProgress =
        new ArrayList<>(XcatDb.split(emsFiles().getOrDefault(IN_PROGRESS, "").replace('\n', ',')));
  }

  private Map<String, String> emsFiles() {
    return cluster
        .state()
        .ems()
        .map(h -> (Map<String, String>) h.files)
        .orElseGet(LinkedHashMap::new);
  }

  /** Writes the in-progress markers back; call after each command. */
  void flush() {
    emsFiles().put(IN_PROGRESS, inProgress.isEmpty() ? "" : String.join("\n", inProgress) + "\n");
  }

  @Override
  public XcatDb db() {
    return db;
  }

  @Override
  public boolean reachable(String host) {
    return cluster
        .state()
        .host(host)
        .map(h -> h.reachable && h.hungReason().isEmpty())
        .orElse(false);
  }

  @Override
  public boolean hung(String host) {
    return cluster.state().host(host).map(h -> h.reachable && !h.hung.isEmpty()).orElse(false);
  }

  @Override
  public String connectFailure(String host) {
    boolean addressUp =
        cluster
            .state()
            .host(host)
            .map(Lpar::peek)
            .map(lpar -> lpar.hungInBoot() && !lpar.led.isEmpty())
            .orElse(false);
    return addressUp ? "Connection refused" : "No route to host";
  }

  @Override
  public String address(String host) {
    return cluster
        .state()
        .host(host)
        .flatMap(h -> h.aliases.stream().filter(a -> a.matches("[0-9.]+")).findFirst())
        .orElse(host);
  }

  @Override
  public Map<String, Map<String, String>> nim(String master) {
    SimHost host = cluster.state().host(master).orElseThrow();
    return new NimView(host);
  }

  @Override
  public Map<String, String> files(String host) {
    return cluster.state().host(host).orElseThrow().files;
  }

  @Override
  public Optional<ComputeState> compute(String node) {
    return cluster.state().host(node).filter(h -> h.compute != null).map(h -> new View(h.compute));
  }

  @Override
  public void bootServer(String node, String address) {
    cluster.state().host(node).ifPresent(h -> Lpar.of(h).bootServer = address);
  }

  @Override
  public void makeDirectory(String host, String path) {
    cluster.state().host(host).orElseThrow().dirs.add(path);
  }

  @Override
  public List<String> inProgress() {
    return inProgress;
  }

  @Override
  public void record(String event) {
    emsFiles().merge(EVENTS, event + "\n", String::concat);
  }

  @Override
  public void chargeFanOut(int nodes) {
    cluster.chargeFanOut(nodes);
  }

  @Override
  public ExecResult exec(String host, String command) {
    Execution e = cluster.attempt(host, command, Optional.empty());
    if (e instanceof Execution.Completed done) {
      return done.result();
    }
    return ExecResult.exited(
        255, "", "ssh: connect to host " + host + " port 22: Connection timed out\n");
  }

  /** NIM objects as attribute maps, written through to the host on put/remove. */
  private static final class NimView extends java.util.AbstractMap<String, Map<String, String>> {
    private final SimHost host;

    NimView(SimHost host) {
      this.host = host;
    }

    @Override
    public java.util.Set<Entry<String, Map<String, String>>> entrySet() {
      Map<String, Map<String, String>> copy = new LinkedHashMap<>();
      host.nim.forEach((k, v) -> copy.put(k, flat(v)));
      return copy.entrySet();
    }

    @Override
    public Map<String, String> put(String key, Map<String, String> value) {
      NimObject o = NimObject.of(value.getOrDefault("class", ""), value.getOrDefault("type", ""));
      value.forEach(
          (k, v) -> {
            if (!k.equals("class") && !k.equals("type")) {
              o.with(k, v);
            }
          });
      NimObject old = host.nim.put(key, o);
      return old == null ? null : flat(old);
    }

    @Override
    public Map<String, String> remove(Object key) {
      NimObject old = host.nim.remove(key);
      return old == null ? null : flat(old);
    }

    private static Map<String, String> flat(NimObject o) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("class", o.nimClass);
      m.put("type", o.type);
      m.putAll(o.attributes);
      return m;
    }
  }

  private record View(Compute c) implements ComputeState {
    @Override
    public String dumpDevice() {
      return c.dumpDevice;
    }

    @Override
    public void dumpDevice(String value) {
      c.dumpDevice = value;
    }

    @Override
    public String defaultGateway() {
      return c.defaultGateway;
    }

    @Override
    public void defaultGateway(String value) {
      c.defaultGateway = value;
    }

    @Override
    public String syslog() {
      return c.syslog;
    }

    @Override
    public void syslog(String value) {
      c.syslog = value;
    }

    @Override
    public String ntp() {
      return c.ntp;
    }

    @Override
    public void ntp(String value) {
      c.ntp = value;
    }
  }
}
