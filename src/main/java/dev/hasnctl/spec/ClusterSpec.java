package dev.hasnctl.spec;

import java.util.List;
import java.util.Optional;

/**
 * The whole desired configuration of one xCAT cluster with HA service-node pairs, as written in
 * {@code cluster.yaml}. Immutable; missing sections take the seed's defaults.
 */
public record ClusterSpec(
    int version,
    String name,
    Ems ems,
    Site site,
    List<Network> networks,
    SharedInstall sharedInstall,
    List<ServiceNode> serviceNodes,
    List<SnPair> pairs,
    Exports exports,
    ServiceOrder serviceOrder,
    List<OsImage> images,
    List<ComputeGroup> groups,
    NfsFailover nfsFailover,
    List<StateliteEntry> statelite,
    List<LiteFileEntry> litefile,
    Optional<ConsoleRedirect> consoleRedirect,
    NodeServices nodeServices,
    Software software,
    Optional<Teal> teal) {

  /** The only spec format version this hasnctl reads. */
  public static final int VERSION = 1;

  public ClusterSpec {
    networks = Defaults.list(networks);
    serviceNodes = Defaults.list(serviceNodes);
    pairs = Defaults.list(pairs);
    exports = exports == null ? Exports.DEFAULT : exports;
    serviceOrder = serviceOrder == null ? ServiceOrder.DEFAULT : serviceOrder;
    images = Defaults.list(images);
    groups = Defaults.list(groups);
    nfsFailover = nfsFailover == null ? NfsFailover.DEFAULT : nfsFailover;
    statelite =
        statelite == null && sharedInstall != null
            ? List.of(StateliteEntry.forDir(sharedInstall.stateliteDir()))
            : Defaults.list(statelite);
    litefile = Defaults.list(litefile);
    consoleRedirect = Defaults.optional(consoleRedirect);
    nodeServices = nodeServices == null ? NodeServices.DEFAULT : nodeServices;
    software = software == null ? Software.DEFAULT : software;
    teal = Defaults.optional(teal);
  }

  /** The service node called {@code name}, if the spec declares one. */
  public Optional<ServiceNode> serviceNode(String name) {
    return serviceNodes.stream().filter(sn -> sn.name().value().equals(name)).findFirst();
  }

  /** The OS image called {@code name}, if the spec declares one. */
  public Optional<OsImage> image(String name) {
    return images.stream().filter(image -> image.name().equals(name)).findFirst();
  }

  /** The compute group called {@code name}, if the spec declares one. */
  public Optional<ComputeGroup> group(String name) {
    return groups.stream().filter(group -> group.name().equals(name)).findFirst();
  }
}
