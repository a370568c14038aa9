package dev.hasnctl.plan;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the node re-definitions of a failover or failback plan into the seed's {@code snmove}: for
 * AIX diskless nodes it also redoes statelite, restores {@code .client_data} in the shared root,
 * retargets the dump device, rewrites {@code /etc/xcatinfo}, and moves the default gateway, syslog
 * and NTP. Pure.
 */
public final class Failover {
  private Failover() {}

  /**
   * {@code plan} (made with the edited spec {@code spec}) with each chdef that only moves a group's
   * nodes to their other SN replaced by {@code snmove -V -d SN -D XCATMASTER NODERANGE}.
   *
   * @param groups the groups that move
   * @param postscripts the admin's postscripts for {@code snmove -P}, if any
   */
  public static Plan withSnmove(
      Plan plan, ClusterSpec spec, Collection<String> groups, Optional<String> postscripts) {
    Map<String, ComputeGroup> groupOf = new HashMap<>();
    for (ComputeGroup group : spec.groups()) {
      if (groups.contains(group.name())) {
        Noderange.expand(group.nodes()).forEach(node -> groupOf.put(node, group));
      }
    }
    List<Step> steps = new ArrayList<>();
    for (Step step : plan.steps()) {
      Optional<ComputeGroup> group = movesOneGroup(step, groupOf);
      if (group.isEmpty()) {
        steps.add(step);
        continue;
      }
      HostName to = group.get().activeServiceNode();
      String xcatmaster =
          spec.serviceNode(to.value()).map(sn -> sn.xcatmaster().value()).orElse(to.value());
      Argv snmove = Argv.of("snmove", "-V", "-d", to.value(), "-D", xcatmaster);
      if (postscripts.isPresent()) {
        snmove = snmove.plus("-P", postscripts.get());
      }
      snmove = snmove.plus(Noderange.compress(new TreeSet<>(step.nodes())));
      steps.add(
          new Step(
              step.id().replace("/chdef/", "/snmove/"),
              step.host(),
              step.lane(),
              step.phase(),
              step.nodes(),
              snmove,
              "move "
                  + step.nodes().size()
                  + " nodes of "
                  + group.get().name()
                  + " to "
                  + to
                  + " (statelite, .client_data, dump, /etc/xcatinfo, gateway, syslog, NTP)",
              step.verifies(),
              step.after()));
    }
    // Ids changed: dependencies on the replaced steps follow them.
    Map<String, String> renamed = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      if (!steps.get(i).id().equals(plan.steps().get(i).id())) {
        renamed.put(plan.steps().get(i).id(), steps.get(i).id());
      }
    }
    steps = snmoveVerifiesRunningNodes(steps);
    List<Step> out = new ArrayList<>();
    for (Step step : steps) {
      Set<String> after = new TreeSet<>();
      step.after().forEach(a -> after.add(renamed.getOrDefault(a, a)));
      out.add(
          new Step(
              step.id(),
              step.host(),
              step.lane(),
              step.phase(),
              step.nodes(),
              step.command(),
              step.why(),
              step.verifies(),
              after));
    }
    return new Plan(
        plan.specFile(),
        plan.createdAt(),
        plan.fingerprint(),
        plan.changes(),
        out,
        plan.allowedDisruption());
  }

  /**
   * snmove itself rewrites {@code /etc/xcatinfo} and moves the default gateway of the nodes it
   * moves: their own running-node steps are dropped and snmove is verified against their state.
   */
  private static List<Step> snmoveVerifiesRunningNodes(List<Step> steps) {
    Map<String, Integer> snmoveOf = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).command().args().get(0).equals("snmove")) {
        for (String node : steps.get(i).nodes()) {
          snmoveOf.put(node, i);
        }
      }
    }
    Map<Integer, List<ResourceId>> verifies = new HashMap<>();
    Set<Integer> dropped = new java.util.HashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (step.phase() == Phase.RUNNING_NODES && snmoveOf.keySet().containsAll(step.nodes())) {
        dropped.add(i);
        for (ResourceId id : step.verifies()) {
          verifies.computeIfAbsent(snmoveOf.get(id.key()), k -> new ArrayList<>()).add(id);
        }
      }
    }
    List<Step> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (dropped.contains(i)) {
        continue;
      }
      List<ResourceId> more = verifies.getOrDefault(i, List.of());
      if (!more.isEmpty()) {
        step = step.alsoVerifies(more);
      }
      out.add(step);
    }
    return out;
  }

  /** The group whose nodes {@code step} re-points, when it does only that. */
  private static Optional<ComputeGroup> movesOneGroup(
      Step step, Map<String, ComputeGroup> groupOf) {
    List<String> argv = step.command().args();
    if (step.phase() != Phase.NODES || argv.isEmpty() || !argv.get(0).equals("chdef")) {
      return Optional.empty();
    }
    Set<String> attributes = new TreeSet<>();
    for (String arg : argv.subList(1, argv.size())) {
      int eq = arg.indexOf('=');
      if (eq > 0) {
        attributes.add(arg.substring(0, eq));
      }
    }
    if (!Set.of("servicenode", "xcatmaster").containsAll(attributes) || attributes.isEmpty()) {
      return Optional.empty();
    }
    Set<ComputeGroup> groups = new java.util.HashSet<>();
    for (String node : step.nodes()) {
      ComputeGroup group = groupOf.get(node);
      if (group == null) {
        return Optional.empty();
      }
      groups.add(group);
    }
    return groups.size() == 1 ? Optional.of(groups.iterator().next()) : Optional.empty();
  }
}
