package dev.hasnctl.plan;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.model.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Steps on booted compute nodes, run with {@code xdsh} from the EMS: {@code /etc/xcatinfo} pointed
 * at the node's active SN and its default gateway set, as snmove leaves them. Nodes needing the
 * same correction share one {@code xdsh} over their noderange.
 */
final class RunningNodeSteps {
  private static final String XCATINFO = "/etc/xcatinfo";

  private final HostName ems;
  private final FileEdits edits;

  RunningNodeSteps(HostName ems, FileEdits edits) {
    this.ems = ems;
    this.edits = edits;
  }

  List<Step> build(List<Change> changes) {
    Map<String, List<Change>> alike = new LinkedHashMap<>();
    for (Change change : EmsSteps.of(changes, ResourceKind.RUNNING_NODE)) {
      if (change.action() != Action.UPDATE) {
        throw EmsSteps.unexpected(change);
      }
      alike
          .computeIfAbsent(
              change.changedProperties().keySet()
                  + "|"
                  + change.before().get("gateway")
                  + "|"
                  + change.after(),
              k -> new ArrayList<>())
          .add(change);
    }
    List<Step> steps = new ArrayList<>();
    alike.values().forEach(group -> steps.add(step(group)));
    return steps;
  }

  private Step step(List<Change> group) {
    Change first = group.get(0);
    Set<String> nodes = new TreeSet<>();
    group.forEach(c -> nodes.add(c.id().key()));
    String noderange = Noderange.compress(nodes);
    Script script = new Script();
    List<String> why = new ArrayList<>();
    Map<String, String[]> changed = first.changedProperties();
    if (changed.containsKey("xcatserver")) {
      String server = first.after().get("xcatserver");
      script.append(edits.write(XCATINFO, "XCATSERVER=" + server + "\n", true));
      why.add(XCATINFO + " names " + server);
    }
    if (changed.containsKey("gateway")) {
      String before = first.before().getOrDefault("gateway", "");
      String after = first.after().get("gateway");
      if (!before.isEmpty()) {
        script.then(Argv.of("route", "delete", "default", before));
      }
      if (!after.isEmpty()) {
        script.then(Argv.of("route", "add", "default", after));
      }
      why.add(after.isEmpty() ? "no default route" : "default route through " + after);
    }
    return new Step(
        ems + "/running-node/" + noderange,
        ems,
        ems,
        Phase.RUNNING_NODES,
        nodes,
        Argv.of("xdsh", noderange, script.toString()),
        "on "
            + nodes.size()
            + (nodes.size() == 1 ? " node: " : " nodes: ")
            + String.join(", ", why),
        group.stream().map(Change::id).toList(),
        Set.of(),
        script.backups().stream().map(b -> new Backup(b.file(), b.copy(), nodes)).toList());
  }
}
