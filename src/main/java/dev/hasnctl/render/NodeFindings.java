package dev.hasnctl.render;

import dev.hasnctl.model.NodeHealth;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.plan.Action;
import dev.hasnctl.plan.Change;
import dev.hasnctl.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One line per kind of node-health finding, its nodes as a noderange: {@code 128 nodes not
 * responding: cn[0257-0384]}. What drift and apply say first, before the details.
 */
final class NodeFindings {
  private NodeFindings() {}

  static List<String> lines(Plan plan) {
    Map<String, TreeSet<String>> byFinding = new TreeMap<>();
    for (Change change : plan.changes()) {
      if (change.id().kind() != ResourceKind.NODE_HEALTH || change.action() != Action.REPORT) {
        continue;
      }
      for (String finding : findings(change)) {
        byFinding.computeIfAbsent(finding, f -> new TreeSet<>()).add(change.id().key());
      }
    }
    List<String> out = new ArrayList<>();
    byFinding.forEach(
        (finding, nodes) ->
            out.add(
                nodes.size()
                    + (nodes.size() == 1 ? " node " : " nodes ")
                    + finding
                    + ": "
                    + Noderange.compress(nodes)));
    return out;
  }

  private static List<String> findings(Change change) {
    if ("no".equals(change.before().get(NodeHealth.RESPONDING))) {
      return List.of("not responding");
    }
    List<String> out = new ArrayList<>();
    Map<String, String[]> changed = change.changedProperties();
    if (changed.containsKey(NodeHealth.SERVER)) {
      out.add("served by another SN than the spec's");
    }
    if (NodeHealth.NONE.equals(change.before().get(NodeHealth.REPLICA))) {
      out.add("with no NFS replica");
    } else if (changed.containsKey(NodeHealth.REPLICA)) {
      out.add("replicated to another SN than the spec's");
    }
    if (changed.containsKey(NodeHealth.SWAPNFS0)) {
      out.add("still paging on NIM's swapnfs0");
    }
    if (changed.containsKey(NodeHealth.DUMP)) {
      out.add("dumping to another SN than their active one");
    }
    return out;
  }
}
