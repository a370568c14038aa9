package dev.hasnctl.plan;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.NodeHealth;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import dev.hasnctl.spec.NodeServices;
import dev.hasnctl.spec.OsImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each service node's death would cost today: which of its nodes keep NFS through their
 * replica and what they lose until a failover, and the cluster's single points of failure. Pure:
 * from the spec, its desired state and what a probe observed.
 */
public final class WhatIf {
  private WhatIf() {}

  /**
   * One group's fate when {@code sn} dies.
   *
   * @param keepsNfs whether the nodes keep NFS through {@code to}
   * @param why what makes it so, or what is missing
   * @param losesUntilFailover what the nodes lose until {@code hasnctl failover} runs
   */
  public record GroupFate(
      String group,
      String nodes,
      int count,
      HostName to,
      boolean keepsNfs,
      List<String> why,
      List<String> losesUntilFailover) {
    public GroupFate {
      why = List.copyOf(why);
      losesUntilFailover = List.copyOf(losesUntilFailover);
    }
  }

  /** The cost of {@code sn}'s death. */
  public record Death(HostName sn, List<GroupFate> groups) {
    public Death {
      groups = List.copyOf(groups);
    }
  }

  /** What losing {@code sn} would do to the groups it serves now. */
  public static Death of(
      ClusterSpec spec, DesiredState desired, Map<ResourceId, Observed> observed, HostName sn) {
    List<GroupFate> fates = new ArrayList<>();
    for (ComputeGroup group : spec.groups()) {
      if (!group.activeServiceNode().equals(sn)) {
        continue;
      }
      HostName to = group.standbyServiceNode();
      List<String> missing = new ArrayList<>();
      check(
          desired,
          observed,
          new ResourceId(to, ResourceKind.EXPORT, mount(spec)),
          "no /install export with replicas= on " + to,
          missing);
      check(
          desired,
          observed,
          new ResourceId(to, ResourceKind.SERVICE, "nfsd"),
          "nfsd not active on " + to,
          missing);
      check(
          desired,
          observed,
          new ResourceId(to, ResourceKind.GPFS_MOUNT, spec.sharedInstall().device()),
          "GPFS /install not mounted on " + to,
          missing);
      List<String> nodes = Noderange.expand(group.nodes());
      long undefined =
          nodes.stream()
              .filter(
                  n ->
                      !matches(
                          desired, observed, new ResourceId(to, ResourceKind.DISKLESS_NODE, n)))
              .count();
      if (undefined > 0) {
        missing.add(undefined + " nodes have no NIM definition on " + to + " (mkdsklsnode -b)");
      }
      long unreplicated =
          nodes.stream()
              .filter(
                  n ->
                      !matches(
                          desired,
                          observed,
                          new ResourceId(spec.ems().name(), ResourceKind.NODE, n)))
              .count();
      if (unreplicated > 0) {
        missing.add(
            unreplicated
                + " node definitions differ from the spec (setupnfsv4replication, servicenode)");
      }
      health(observed, nodes, sn, missing);
      group
          .paging()
          .ifPresentOrElse(
              p -> {
                if (!p.activation().equals("fur")) {
                  missing.add("paging activated without :fur hangs the nodes on failover");
                }
                if (!p.removeSwapnfs0()) {
                  missing.add("swapnfs0 stays active and hangs the nodes on failover");
                }
              },
              () ->
                  missing.add(
                      "no paging in the spec: NIM's swapnfs0 stays active and hangs the nodes on"
                          + " failover"));
      List<String> why =
          missing.isEmpty()
              ? List.of(
                  "replica exported by "
                      + to
                      + ", nfsd active, GPFS mounted, NIM definitions ready")
              : missing;
      fates.add(
          new GroupFate(
              group.name(),
              group.nodes(),
              nodes.size(),
              to,
              missing.isEmpty(),
              why,
              losses(spec, group, sn)));
    }
    return new Death(sn, fates);
  }

  /**
   * What the nodes' observed health says about surviving {@code sn}: a node that does not answer is
   * lost already; one whose mounts list no other server, or that still pages on swapnfs0, hangs.
   */
  private static void health(
      Map<ResourceId, Observed> observed, List<String> nodes, HostName sn, List<String> missing) {
    List<String> silent = new ArrayList<>();
    List<String> unreplicated = new ArrayList<>();
    List<String> swapnfs0 = new ArrayList<>();
    for (String node : nodes) {
      Observed seen =
          observed.get(new ResourceId(HostName.of(node), ResourceKind.NODE_HEALTH, node));
      if (!(seen instanceof Observed.Present p)) {
        continue;
      }
      Map<String, String> h = p.resource().properties();
      if ("no".equals(h.get(NodeHealth.RESPONDING))) {
        silent.add(node);
        continue;
      }
      String replicas = h.getOrDefault(NodeHealth.REPLICA, NodeHealth.NONE);
      boolean other =
          java.util.Arrays.stream(replicas.split(",", -1))
              .anyMatch(r -> !r.isEmpty() && !r.equals(NodeHealth.NONE) && !r.equals(sn.value()));
      if (!other) {
        unreplicated.add(node);
      }
      if ("active".equals(h.get(NodeHealth.SWAPNFS0))) {
        swapnfs0.add(node);
      }
    }
    if (!silent.isEmpty()) {
      missing.add(silent.size() + " nodes not responding: " + Noderange.compress(silent));
    }
    if (!unreplicated.isEmpty()) {
      missing.add(
          unreplicated.size()
              + " running nodes' mounts list no replica: "
              + Noderange.compress(unreplicated));
    }
    if (!swapnfs0.isEmpty()) {
      missing.add(
          swapnfs0.size()
              + " running nodes still page on swapnfs0 and hang on failover: "
              + Noderange.compress(swapnfs0));
    }
  }

  private static List<String> losses(ClusterSpec spec, ComputeGroup group, HostName sn) {
    List<String> out = new ArrayList<>();
    Optional<OsImage> image = spec.image(group.image());
    if (image.flatMap(OsImage::dump).isPresent()) {
      out.add("dump device (it never fails over)");
    }
    NodeServices services = spec.nodeServices();
    // The dying SN named directly is lost just as "xcatmaster" is.
    if (lostWith(spec, services.syslog(), sn)) {
      out.add("syslog forwarding");
    }
    if (lostWith(spec, services.ntp(), sn)) {
      out.add("NTP");
    }
    if (lostWith(spec, services.defaultGateway(), sn)) {
      out.add("default gateway");
    }
    if (services.nameResolution() == NodeServices.NameResolution.DNS) {
      out.add("name service");
    }
    return out;
  }

  private static boolean lostWith(ClusterSpec spec, String service, HostName sn) {
    return service.equals(NodeServices.XCATMASTER)
        || spec.serviceNode(sn.value()).filter(s -> ClusterSpec.names(s, service)).isPresent();
  }

  /** The cluster's single points of failure, whichever SN dies. */
  public static List<String> singlePointsOfFailure(
      ClusterSpec spec, DesiredState desired, Map<ResourceId, Observed> observed) {
    List<String> out = new ArrayList<>();
    for (var sn : spec.serviceNodes()) {
      for (GroupFate fate : of(spec, desired, observed, sn.name()).groups()) {
        if (!fate.keepsNfs()) {
          out.add(
              "group "
                  + fate.group()
                  + " has no ready backup on "
                  + fate.to()
                  + ": "
                  + String.join("; ", fate.why()));
        }
      }
    }
    for (OsImage image : spec.images()) {
      image
          .dump()
          .filter(d -> d.location().isWithin(spec.sharedInstall().mountPoint()))
          .ifPresent(
              d -> out.add("image " + image.name() + " dumps to " + d.location() + ", on GPFS"));
      Observed seen =
          observed.get(new ResourceId(spec.ems().name(), ResourceKind.OSIMAGE, image.name()));
      if (seen instanceof Observed.Present p
          && !p.resource().properties().getOrDefault("resolv_conf", "").isEmpty()) {
        out.add(
            "image "
                + image.name()
                + " still has resolv_conf "
                + p.resource().properties().get("resolv_conf"));
      }
    }
    Observed nameservers =
        observed.get(new ResourceId(spec.ems().name(), ResourceKind.SITE_ATTRIBUTE, "nameservers"));
    if (nameservers instanceof Observed.Present p
        && !p.resource().properties().getOrDefault("value", "").isEmpty()) {
      out.add(
          "site nameservers is set ("
              + p.resource().properties().get("value")
              + "): nodes get a resolv.conf");
    }
    return out;
  }

  private static String mount(ClusterSpec spec) {
    return spec.sharedInstall().mountPoint().value();
  }

  private static void check(
      DesiredState desired,
      Map<ResourceId, Observed> observed,
      ResourceId id,
      String problem,
      List<String> missing) {
    if (!matches(desired, observed, id)) {
      Observed seen = observed.get(id);
      missing.add(
          seen instanceof Observed.Unknown u
              ? problem + " (unknown: " + u.reason() + ")"
              : problem);
    }
  }

  private static boolean matches(
      DesiredState desired, Map<ResourceId, Observed> observed, ResourceId id) {
    Optional<Resource> want = desired.get(id);
    Observed seen = observed.get(id);
    return want.isPresent()
        && seen instanceof Observed.Present p
        && p.resource().properties().equals(want.get().properties());
  }
}
