package dev.hasnctl.plan;

import java.util.List;

/**
 * Why the planner held a step: running compute nodes would lose a service they depend on with no
 * working replica. Apply never runs a held step, nor any step after it.
 *
 * @param nodes the nodes it would strand, as a noderange (empty when the step only waits for
 *     another held step)
 * @param count how many nodes
 * @param reason what they lack, one line
 * @param waysOut what the admin can do, each a line to act on
 */
public record Hold(String nodes, int count, String reason, List<String> waysOut) {
  public Hold {
    waysOut = List.copyOf(waysOut);
  }
}
