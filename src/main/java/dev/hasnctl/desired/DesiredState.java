package dev.hasnctl.desired;

import dev.hasnctl.model.HostName;
import dev.hasnctl.model.IdOrder;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ServiceNode;
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
 * @param serviceNodes every name and address a service node is known by (its host name, its
 *     xcatmaster name, its address on the nodes' network) to the SN: how a node's view of its
 *     servers, which AIX prints as addresses, is read back as SNs
 */
public record DesiredState(
    Map<ResourceId, Resource> resources,
    List<String> conflicts,
    Map<String, HostName> serviceNodes) {
  public DesiredState {
    resources = IdOrder.copy(resources);
    conflicts = List.copyOf(conflicts);
    serviceNodes = Collections.unmodifiableMap(new TreeMap<>(serviceNodes));
  }

  /** A desired state that knows no service node addresses. */
  public DesiredState(Map<ResourceId, Resource> resources, List<String> conflicts) {
    this(resources, conflicts, Map.of());
  }

  /** The SN known as {@code nameOrAddress}, if it is one. */
  public Optional<HostName> serviceNode(String nameOrAddress) {
    HostName sn = serviceNodes.get(nameOrAddress);
    if (sn == null && nameOrAddress.contains(".")) {
      sn = serviceNodes.get(nameOrAddress.substring(0, nameOrAddress.indexOf('.')));
    }
    return Optional.ofNullable(sn);
  }

  /** Expands {@code spec}, which must be valid (see {@code SpecLoader.Result.valid()}). */
  public static DesiredState of(ClusterSpec spec) {
    Expansion out = new Expansion();
    ClusterResources.add(spec, out);
    ServiceNodeResources.add(spec, out);
    NodeResources.add(spec, out);
    NimCopies.add(spec, out);
    TealResources.add(spec, out);
    SharedPostscripts.add(spec, out);
    Map<String, HostName> names = new TreeMap<>();
    for (ServiceNode sn : spec.serviceNodes()) {
      names.put(sn.name().value(), sn.name());
      names.put(sn.name().shortName(), sn.name());
      names.put(sn.xcatmaster().value(), sn.name());
      names.put(sn.address(), sn.name());
    }
    return new DesiredState(out.resources(), out.conflicts(), names);
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
