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

  /**
   * Whether {@code value} names one of the service nodes: the placeholders {@code xcatmaster} and
   * {@code <xcatmaster>} (each node's own SN), or an SN's name, xcatmaster name or address. Host
   * names are compared by their first label, ignoring case, as one host has one short name.
   */
  public boolean namesServiceNode(String value) {
    String v = value.trim();
    return v.equals(NodeServices.XCATMASTER)
        || v.equals("<xcatmaster>")
        || serviceNodes.stream().anyMatch(sn -> names(sn, v));
  }

  /** Whether {@code value} is {@code sn}'s name, xcatmaster name or address. */
  public static boolean names(ServiceNode sn, String value) {
    String v = value.trim();
    String shortName = shortName(v);
    return v.equals(sn.address())
        || shortName.equals(shortName(sn.name().value()))
        || shortName.equals(shortName(sn.xcatmaster().value()));
  }

  /** The first label of a host name in lower case; an IPv4 address is returned whole. */
  public static String shortName(String host) {
    if (host.matches("[0-9.]+")) {
      return host;
    }
    int dot = host.indexOf('.');
    return (dot < 0 ? host : host.substring(0, dot)).toLowerCase(java.util.Locale.ROOT);
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
