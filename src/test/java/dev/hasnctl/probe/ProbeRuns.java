package dev.hasnctl.probe;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.HostName;
import dev.hasnctl.sim.SimStore;
import dev.hasnctl.sim.SimTransport;
import dev.hasnctl.testing.SimClusters;
import dev.hasnctl.transport.XdshRelay;
import java.time.Duration;

/** Probes of a simulated cluster, as plan runs them. */
final class ProbeRuns {
  static final HostName EMS = HostName.of("ems01");

  private ProbeRuns() {}

  /** The probe through xdsh on the EMS. */
  static ObservedState xdsh(SimStore store, DesiredState desired) {
    return new Probe(
            new XdshRelay(new SimTransport(store), EMS),
            EMS,
            Probe.Mode.XDSH,
            Duration.ofMinutes(5),
            SimClusters.secret())
        .observe(desired);
  }
}
