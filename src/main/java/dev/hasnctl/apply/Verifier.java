package dev.hasnctl.apply;

import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceId;
import java.util.Collection;
import java.util.Map;

/** Observes resources again after a step, to check its postcondition (a probe, in production). */
@FunctionalInterface
public interface Verifier {
  /** What the cluster shows now for each of {@code ids}; never throws, unknown is a state. */
  Map<ResourceId, Observed> observe(Collection<ResourceId> ids);
}
