package dev.hasnctl.desired;

import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.spec.ClusterSpec;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a spec asks of the cluster, as resources with identities. Pure and deterministic: the
 * same spec always gives equal states, in {@link ResourceId} order.
 *
 * @param conflicts two parts of the spec asking different things of one resource; a spec with
 *     conflicts must not be planned
 */
public record DesiredState(Map<ResourceId, Resource> resources, List<String> conflicts) {
  public DesiredState {
    resources = Collections.unmodifiableMap(new TreeMap<>(resources));
    conflicts = List.copyOf(conflicts);
  }

  /** Expands {@code spec}, which must be valid (see {@code SpecLoader.Result.valid()}). */
  public static DesiredState of(ClusterSpec spec) {
    Expansion out = new Expansion();
    ClusterResources.add(spec, out);
    ServiceNodeResources.add(spec, out);
    NodeResources.add(spec, out);
    return new DesiredState(out.resources(), out.conflicts());
  }

  /** The resource with {@code id}, if the spec asks for it. */
  public Optional<Resource> get(ResourceId id) {
    return Optional.ofNullable(resources.get(id));
  }

  /** The resources in identity order. */
  public List<Resource> list() {
    return List.copyOf(resources.values());
  }
}
