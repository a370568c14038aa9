package dev.hasnctl.probe;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.IdOrder;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceId;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a probe saw: every resource it was asked about, present, absent or unknown, in id order.
 *
 * @param roundTrips how many commands the probe ran on each host (the EMS runs the xdsh ones)
 */
public record ObservedState(
    Map<ResourceId, Observed> resources, Map<HostName, Integer> roundTrips) {
  public ObservedState {
    resources = IdOrder.copy(resources);
    roundTrips = Collections.unmodifiableMap(new TreeMap<>(roundTrips));
  }

  /** Whether some resource could not be observed. */
  public boolean partial() {
    return resources.values().stream().anyMatch(o -> o instanceof Observed.Unknown);
  }
}
