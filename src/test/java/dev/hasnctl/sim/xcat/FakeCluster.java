package dev.hasnctl.sim.xcat;

import dev.hasnctl.transport.ExecResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A hand-written XcatCluster: maps for files and NIM, a set of down hosts, echoing exec. */
final class FakeCluster implements XcatCluster {
  final XcatDb db = XcatFixture.db();
  final Set<String> down = new HashSet<>();
  final Map<String, Map<String, Map<String, String>>> nim = new LinkedHashMap<>();
  final Map<String, Map<String, String>> files = new LinkedHashMap<>();
  final Map<String, Node> computes = new LinkedHashMap<>();
  final List<String> executed = new ArrayList<>();
  final List<String> inProgress = new ArrayList<>();
  final List<String> events = new ArrayList<>();
  final List<Integer> fanOuts = new ArrayList<>();
  final Map<String, String> addresses =
      Map.of(
          "sn01",
          "20.10.12.1",
          "sn02",
          "20.10.12.17",
          "sn01-hfi",
          "20.0.0.1",
          "sn02-hfi",
          "20.0.0.17");

  FakeCluster() {
    for (String cn : List.of("cn0001", "cn0002")) {
      Node n = new Node();
      n.dump = "sn01-hfi:/export/nim/dump/71dskls/" + cn;
      n.gateway = "20.0.0.1";
      n.syslog = "sn01-hfi";
      n.ntp = "sn01-hfi";
      computes.put(cn, n);
    }
  }

  static final class Node implements ComputeState {
    String dump = "";
    String gateway = "";
    String syslog = "";
    String ntp = "";

    @Override
    public String dumpDevice() {
      return dump;
    }

    @Override
    public void dumpDevice(String value) {
      dump = value;
    }

    @Override
    public String defaultGateway() {
      return gateway;
    }

    @Override
    public void defaultGateway(String value) {
      gateway = value;
    }

    @Override
    public String syslog() {
      return syslog;
    }

    @Override
    public void syslog(String value) {
      syslog = value;
    }

    @Override
    public String ntp() {
      return ntp;
    }

    @Override
    public void ntp(String value) {
      ntp = value;
    }
  }

  @Override
  public XcatDb db() {
    return db;
  }

  @Override
  public boolean reachable(String host) {
    return !down.contains(host);
  }

  @Override
  public String address(String host) {
    return addresses.getOrDefault(host, host);
  }

  @Override
  public void bootServer(String node, String address) {
    bootServers.put(node, address);
  }

  /** Each node's boot server as snmove's bootlist set it. */
  final Map<String, String> bootServers = new LinkedHashMap<>();

  @Override
  public void makeDirectory(String host, String path) {
    directories.computeIfAbsent(host, h -> new java.util.TreeSet<>()).add(path);
  }

  /** Directories made on each host. */
  final Map<String, java.util.Set<String>> directories = new LinkedHashMap<>();

  @Override
  public Map<String, Map<String, String>> nim(String master) {
    return nim.computeIfAbsent(master, m -> new LinkedHashMap<>());
  }

  @Override
  public Map<String, String> files(String host) {
    return files.computeIfAbsent(host, h -> new LinkedHashMap<>());
  }

  @Override
  public Optional<ComputeState> compute(String node) {
    return Optional.ofNullable(computes.get(node));
  }

  @Override
  public List<String> inProgress() {
    return inProgress;
  }

  @Override
  public void record(String event) {
    events.add(event);
  }

  @Override
  public void chargeFanOut(int nodes) {
    fanOuts.add(nodes);
  }

  @Override
  public ExecResult exec(String host, String command) {
    executed.add(host + ": " + command);
    if (command.equals("false")) {
      return ExecResult.exited(1, "", "");
    }
    return ExecResult.exited(0, "ran " + command + " on " + host + "\n", "");
  }
}
