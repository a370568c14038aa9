package dev.hasnctl.apply;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.HostName;
import dev.hasnctl.plan.Backup;
import dev.hasnctl.plan.Plan;
import dev.hasnctl.plan.Planner;
import dev.hasnctl.plan.Step;
import dev.hasnctl.probe.Probe;
import dev.hasnctl.sim.SimHost;
import dev.hasnctl.sim.SimState;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.SimTransport;
import dev.hasnctl.sim.xcat.SimXcatCluster;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.testing.SimClusters;
import dev.hasnctl.transport.Transport;
import dev.hasnctl.transport.XdshRelay;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A spec, its simulated cluster, and the transport, probe and planner an apply uses on it. */
final class SimApply {
  static final HostName EMS = HostName.of("ems01");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC);

  final ClusterSpec spec;
  final DesiredState desired;
  final SimStore store;
  final Transport transport;
  final Probe probe;

  SimApply(ClusterSpec spec, SimStore store) {
    this(spec, store, new XdshRelay(new SimTransport(store), EMS));
  }

  SimApply(ClusterSpec spec, SimStore store, Transport transport) {
    this(
        spec,
        store,
        transport,
        new Probe(transport, EMS, Probe.Mode.XDSH, Duration.ofMinutes(2), SimClusters.secret()));
  }

  SimApply(ClusterSpec spec, SimStore store, Transport transport, Probe probe) {
    this.spec = spec;
    this.desired = DesiredState.of(spec);
    this.store = store;
    this.transport = transport;
    this.probe = probe;
  }

  Plan plan() {
    return plan(Planner.Options.NONE);
  }

  /** The plan, with what the admin allows. */
  Plan plan(Planner.Options options) {
    return Planner.plan(
        spec,
        "cluster.yaml",
        "spec".getBytes(StandardCharsets.UTF_8),
        desired,
        probe.observe(desired).resources(),
        CLOCK.instant(),
        options);
  }

  Verifier verifier() {
    return ids -> probe.observe(desired, ids).resources();
  }

  static Applier.Progress quiet() {
    return new Applier.Progress() {
      @Override
      public void started(Step step, int number, int total) {}

      @Override
      public void ended(StepResult result, int number, int total) {}
    };
  }

  /** Every backup of {@code plan}, as (host, copy, file). */
  static List<String[]> backups(Plan plan) {
    List<String[]> out = new ArrayList<>();
    for (Step step : plan.steps()) {
      if (step.isHeld()) {
        continue; // never runs, so keeps no backup
      }
      for (Backup backup : step.backups()) {
        if (backup.nodes().isEmpty()) {
          out.add(new String[] {step.host().value(), backup.copy(), backup.file()});
        } else {
          backup.nodes().forEach(n -> out.add(new String[] {n, backup.copy(), backup.file()}));
        }
      }
    }
    return out;
  }

  static Optional<String> file(SimState state, String host, String path) {
    return state.host(host).flatMap(h -> h.file(path));
  }

  /** What the simulator recorded as harm: hung nodes and the seed's xCAT consequences. */
  static List<String> harm(SimState state) {
    List<String> harm = new ArrayList<>();
    for (SimHost host : state.hosts.values()) {
      if (!host.hung.isEmpty()) {
        harm.add(host.name + " hung: " + host.hung);
      }
    }
    file(state, EMS.value(), SimXcatCluster.EVENTS)
        .ifPresent(
            events -> {
              for (String line : events.lines().toList()) {
                if (line.startsWith("mkdsklsnode:") || line.startsWith("rmdsklsnode:")) {
                  harm.add(line);
                }
              }
            });
    return harm;
  }
}
