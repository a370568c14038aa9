package dev.hasnctl.plan;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.NodeHealth;
import dev.hasnctl.model.Noderange;
import dev.hasnctl.model.Observed;
import dev.hasnctl.model.ResourceId;
import dev.hasnctl.model.ResourceKind;
import dev.hasnctl.spec.ClusterSpec;
import dev.hasnctl.spec.ComputeGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Booting the compute nodes that are down (the seed's "Boot nodes", {@code --boot}), a batch at a
 * time: each group of the spec (one SN's nodes), cut into batches of at most {@code batchSize}
 * nodes when the admin asks for smaller ones. A batch is {@code rbootseq RANGE hfi} and {@code
 * rpower RANGE on}, then a check that waits for its nodes to answer (nodestat: sshd) and proves
 * them healthy as the spec says: mounts on their SN with the replica listed (showfs), paging
 * without NIM's swapnfs0, their dump device. The next batch starts only once the check passed:
 * apply starts no step after a failed one, so a batch that does not come up stops the boot there.
 */
final class BootSteps {
  /** How long a batch may take to boot and answer. */
  static final Duration BOOT = Duration.ofMinutes(30);

  private final ClusterSpec spec;
  private final Map<ResourceId, Observed> observed;

  BootSteps(ClusterSpec spec, Map<ResourceId, Observed> observed) {
    this.spec = spec;
    this.observed = observed;
  }

  /**
   * The boot of every node of the spec's groups that does not run now or that {@code stopped}
   * (nodes the plan shuts down), after all of {@code steps}.
   *
   * @param batchSize the most nodes one batch boots; 0 for one batch per group
   */
  List<Step> build(List<Step> steps, Set<String> stopped, int batchSize) {
    Set<String> before = new TreeSet<>();
    for (Step step : steps) {
      before.add(step.id());
    }
    HostName ems = spec.ems().name();
    List<Step> out = new ArrayList<>();
    for (ComputeGroup group : spec.groups()) {
      List<String> down = new ArrayList<>();
      for (String node : Noderange.expand(group.nodes())) {
        if (stopped.contains(node) || !running(node)) {
          down.add(node);
        }
      }
      int size = batchSize > 0 ? batchSize : Math.max(1, down.size());
      for (int from = 0, batch = 1; from < down.size(); from += size, batch++) {
        List<String> nodes = down.subList(from, Math.min(down.size(), from + size));
        String range = Noderange.compress(nodes);
        String name = "ems/boot/" + group.name() + (size < down.size() ? "/" + batch : "");
        Step boot =
            new Step(
                name,
                ems,
                ems,
                Phase.BOOT,
                Set.copyOf(nodes),
                Argv.of(
                    "sh",
                    "-c",
                    Argv.of("rbootseq", range, "hfi").toShell()
                        + " && "
                        + Argv.of("rpower", range, "on").toShell()),
                "boot "
                    + nodes.size()
                    + " node"
                    + (nodes.size() == 1 ? "" : "s")
                    + " of "
                    + group.name()
                    + " over HFI from "
                    + group.activeServiceNode(),
                List.of(),
                before);
        List<ResourceId> health = new ArrayList<>();
        nodes.forEach(
            node -> health.add(new ResourceId(HostName.of(node), ResourceKind.NODE_HEALTH, node)));
        Step check =
            new Step(
                    name + "/up",
                    ems,
                    ems,
                    Phase.BOOT,
                    Set.copyOf(nodes),
                    everyNode(range, "sshd"),
                    "check that the batch came up healthy (mounts on "
                        + group.activeServiceNode()
                        + " with the replica, paging, dump device); waits up to "
                        + BOOT.toMinutes()
                        + " minutes, and stops the boot here if not",
                    health,
                    Set.of(boot.id()))
                .settling(BOOT);
        out.add(boot);
        out.add(check);
        before = Set.of(check.id());
      }
    }
    return out;
  }

  /**
   * A check that xCAT's {@code nodestat} says {@code status} for every node of {@code range}: it
   * fails while one line says anything else ({@code noping}, {@code ping}, {@code sshd}).
   */
  static Argv everyNode(String range, String status) {
    return Argv.of(
        "sh",
        "-c",
        "! "
            + Argv.of("nodestat", range).toShell()
            + " | "
            + Argv.of("grep", "-v", ": " + status + "$").toShell());
  }

  /** Whether xCAT says {@code node} runs and it answers. */
  private boolean running(String node) {
    Observed o = observed.get(new ResourceId(HostName.of(node), ResourceKind.NODE_HEALTH, node));
    return o instanceof Observed.Present p
        && "yes".equals(p.resource().properties().get(NodeHealth.RESPONDING));
  }
}
