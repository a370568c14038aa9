package dev.hasnctl.plan;

import dev.hasnctl.desired.DesiredState;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.NodeHealth;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.Resource;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The safety model: walks the ordered steps as apply would run them and holds every step that would
 * take NFS away from a running compute node without a working replica at that moment. A replica
 * works when the node's mounts list it and, at that point of the plan (observed state plus the
 * steps before), the partner exports /install with {@code replicas=} (which xCAT and hasnctl write
 * together with {@code chnfs -R on}), its nfsd is active and its GPFS /install is mounted, and the
 * node's swapnfs0 no longer pages (seed: it "may cause a system hang in a failover situation"). A
 * step after a held step is held too. Pure.
 */
final class Safety {
  /**
   * A running node as its health shows it.
   *
   * @param healthy whether its health is all the spec asks, so it must be so again after a restart
   */
  private record Node(
      ResourceId id,
      String name,
      Set<String> servers,
      Set<String> replicas,
      boolean swapnfs0,
      boolean healthy) {}

  /** What an SN offers its partner's nodes, at one point of the plan. */
  private static final class Sn {
    boolean replicasExport;
    boolean nfsd;
    boolean gpfs;
  }

  private final DesiredState desired;
  private final Set<String> allowed;
  private final List<Node> running = new ArrayList<>();
  private final Map<HostName, Sn> sns = new HashMap<>();

  private Safety(DesiredState desired, Map<ResourceId, Observed> observed, Set<String> allowed) {
    this.desired = desired;
    this.allowed = allowed;
    for (Observed o : observed.values()) {
      observe(o);
      if (o.id().kind() == ResourceKind.NODE_HEALTH
          && o instanceof Observed.Present p
          && "yes".equals(p.resource().properties().get(NodeHealth.RESPONDING))) {
        Map<String, String> h = p.resource().properties();
        running.add(
            new Node(
                o.id(),
                o.id().key(),
                names(h.get(NodeHealth.SERVER)),
                names(h.get(NodeHealth.REPLICA)),
                "active".equals(h.get(NodeHealth.SWAPNFS0)),
                desired.get(o.id()).map(want -> want.properties().equals(h)).orElse(false)));
      }
    }
  }

  /**
   * {@code ordered}, each step that would strand a running node held with the nodes, the reason and
   * the ways out; {@code allowed} nodes (an admin's {@code --allow-disruption}) may lose NFS.
   */
  static List<Step> hold(
      List<Step> ordered,
      DesiredState desired,
      Map<ResourceId, Observed> observed,
      Set<String> allowed) {
    return new Safety(desired, observed, allowed).walk(ordered);
  }

  private List<Step> walk(List<Step> ordered) {
    List<Step> out = new ArrayList<>(ordered.size());
    Set<String> held = new HashSet<>();
    for (Step step : ordered) {
      Optional<String> waitsFor = step.after().stream().filter(held::contains).sorted().findFirst();
      Optional<Hold> hold =
          step.hold().isPresent()
              ? step.hold()
              : waitsFor.isPresent()
                  ? Optional.of(new Hold("", 0, "waits for held step " + waitsFor.get(), List.of()))
                  : step.disrupts().flatMap(this::strands);
      if (hold.isPresent()) {
        held.add(step.id());
        out.add(step.held(hold.get()));
      } else {
        ran(step);
        out.add(step.alsoVerifies(healthyDependents(step)));
      }
    }
    return out;
  }

  /** The hold for a step interrupting {@code d} now, if that would strand a running node. */
  private Optional<Hold> strands(Disruption d) {
    HostName sn = d.serviceNode();
    if (d.onlyWithoutReplicas() && sn(sn).replicasExport) {
      return Optional.empty();
    }
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (Node node : running) {
      if (!node.servers().contains(sn.value()) || allowed.contains(node.name())) {
        continue;
      }
      Optional<String> missing = noWorkingReplica(node, sn);
      missing.ifPresent(
          why -> byReason.computeIfAbsent(why, w -> new ArrayList<>()).add(node.name()));
    }
    if (byReason.isEmpty()) {
      return Optional.empty();
    }
    Set<String> nodes = new TreeSet<>();
    List<String> reasons = new ArrayList<>();
    byReason.forEach(
        (why, names) -> {
          nodes.addAll(names);
          reasons.add(Noderange.compress(names) + ": " + why);
        });
    String range = Noderange.compress(nodes);
    return Optional.of(
        new Hold(
            range,
            nodes.size(),
            "interrupts "
                + d.describe()
                + " while "
                + nodes.size()
                + (nodes.size() == 1 ? " running node uses" : " running nodes use")
                + " it with no working replica ("
                + String.join("; ", reasons)
                + ")",
            List.of(
                "fail the nodes over first: hasnctl failover " + sn + " SPEC --apply",
                "or shut the nodes down; they boot from the new setup",
                "or allow it: hasnctl apply SPEC --allow-disruption '" + range + "'")));
  }

  /**
   * The healthy running nodes an interrupting step serves: it is verified only once they are
   * healthy again ({@code nfs4cl showfs} on them shows their SN and replica), so the partner's
   * restart, ordered after it, never starts while they are still away.
   */
  private List<ResourceId> healthyDependents(Step step) {
    if (step.disrupts().isEmpty()) {
      return List.of();
    }
    String sn = step.disrupts().get().serviceNode().value();
    return running.stream()
        .filter(n -> n.healthy() && n.servers().contains(sn))
        .map(Node::id)
        .toList();
  }

  /** Why {@code node} would not keep NFS if {@code sn} stopped serving it now, if so. */
  private Optional<String> noWorkingReplica(Node node, HostName sn) {
    List<String> others = node.replicas().stream().filter(r -> !r.equals(sn.value())).toList();
    if (others.isEmpty()) {
      return Optional.of("their mounts list no replica");
    }
    if (node.swapnfs0()) {
      return Optional.of("NIM's swapnfs0 still pages and hangs them on failover");
    }
    List<String> problems = new ArrayList<>();
    for (String other : others) {
      Sn partner = sn(HostName.of(other));
      if (partner.replicasExport && partner.nfsd && partner.gpfs) {
        return Optional.empty();
      }
      if (!partner.replicasExport) {
        problems.add(other + " does not export /install with replicas=");
      }
      if (!partner.nfsd) {
        problems.add("nfsd is not active on " + other);
      }
      if (!partner.gpfs) {
        problems.add("GPFS /install is not mounted on " + other);
      }
    }
    return Optional.of(String.join(", ", problems));
  }

  /** Records what {@code step} leaves in place once it ran: its resources as the spec says. */
  private void ran(Step step) {
    if (step.phase() == Phase.MIGRATION_OUTAGE && !step.nodes().isEmpty()) {
      // The outage's shutdown (and its check that the nodes are down): they no longer run.
      running.removeIf(node -> step.nodes().contains(node.name()));
    }
    if (step.phase() == Phase.DISKLESS_BACKUP || step.phase() == Phase.DISKLESS_PRIMARY) {
      // mkdsklsnode -S writes the replicas export on the SN it configures (aixinstall.pm).
      sn(step.lane()).replicasExport = true;
    }
    for (ResourceId id : step.verifies()) {
      Optional<Resource> want = desired.get(id);
      if (want.isEmpty()) {
        continue;
      }
      switch (id.kind()) {
        case EXPORT ->
            sn(id.host()).replicasExport =
                want.get().properties().getOrDefault("line", "").contains("replicas=");
        case GPFS_MOUNT -> sn(id.host()).gpfs = true;
        case SERVICE -> {
          if (id.key().equals("nfsd")) {
            sn(id.host()).nfsd = true;
          }
        }
        default -> {
          // Other resources do not decide whether an SN serves as a replica.
        }
      }
    }
  }

  /** The SN's state at this point of the plan. */
  private Sn sn(HostName host) {
    return sns.computeIfAbsent(host, h -> new Sn());
  }

  /** Starts every SN's state from what the probe saw. */
  private void observe(Observed o) {
    if (!(o instanceof Observed.Present p)) {
      return;
    }
    Map<String, String> props = p.resource().properties();
    switch (o.id().kind()) {
      case EXPORT ->
          sn(o.id().host()).replicasExport |= props.getOrDefault("line", "").contains("replicas=");
      case GPFS_MOUNT -> sn(o.id().host()).gpfs = true;
      case SERVICE ->
          sn(o.id().host()).nfsd |=
              o.id().key().equals("nfsd") && "active".equals(props.get("state"));
      default -> {
        // Only exports, GPFS and nfsd make a replica.
      }
    }
  }

  private static Set<String> names(String list) {
    Set<String> out = new TreeSet<>();
    if (list != null) {
      for (String name : list.split(",", -1)) {
        if (!name.isEmpty() && !name.equals(NodeHealth.NONE)) {
          out.add(name);
        }
      }
    }
    return out;
  }
}
