package dev.hasnctl.plan;

import dev.hasnctl.model.Argv;
import dev.hasnctl.model.HostName;
import dev.hasnctl.model.ResourceId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One command of a plan: what runs where, why, what proves it worked, and what must run first.
 *
 * @param id unique within its plan and stable for the same inputs, e.g. {@code sn01/exports}
 * @param host where the command runs: the EMS, or a host the transport reaches through it
 * @param lane the host the step changes; apply never runs two steps of one lane at once (for {@code
 *     mkdsklsnode}, which runs on the EMS, the service node it configures)
 * @param phase the stage of the procedure, which the {@link OrderRule}s order
 * @param nodes the compute nodes the step acts on (mkdsklsnode, chdef), empty for others
 * @param command the argv; a script is {@code sh -c SCRIPT}
 * @param why one line an admin reads in the plan
 * @param verifies the resources that must match the spec once the step has run: its postcondition
 * @param after the ids of the steps that must have finished before this one starts
 * @param backups the files whose previous content the step keeps before replacing them
 * @param disrupts the service the step interrupts, and on which SN, if it interrupts one
 * @param hold why apply must not run it, if the planner held it to protect running nodes
 * @param settle for a step that checks what the cluster becomes (nodes down after a shutdown, up
 *     after a power-on), how long it may take to get there: apply runs the check and its
 *     postcondition again every {@link #SETTLE_INTERVAL} until both pass or this much time has
 *     gone; {@link Duration#ZERO} for every other step, which runs once
 */
public record Step(
    String id,
    HostName host,
    HostName lane,
    Phase phase,
    Set<String> nodes,
    Argv command,
    String why,
    List<ResourceId> verifies,
    Set<String> after,
    List<Backup> backups,
    Optional<Disruption> disrupts,
    Optional<Hold> hold,
    Duration settle) {
  /** How long apply waits between two runs of a settling check. */
  public static final Duration SETTLE_INTERVAL = Duration.ofSeconds(10);

  public Step {
    nodes = Set.copyOf(nodes);
    if (settle.isNegative()) {
      throw new IllegalArgumentException("a step settles in no negative time: " + settle);
    }
    verifies = List.copyOf(verifies);
    after = Set.copyOf(new TreeSet<>(after));
    backups = List.copyOf(backups);
  }

  /** A step that keeps no backup, interrupts nothing and is not held. */
  public Step(
      String id,
      HostName host,
      HostName lane,
      Phase phase,
      Set<String> nodes,
      Argv command,
      String why,
      List<ResourceId> verifies,
      Set<String> after) {
    this(id, host, lane, phase, nodes, command, why, verifies, after, List.of());
  }

  /** A step that keeps {@code backups}, interrupts nothing and is not held. */
  public Step(
      String id,
      HostName host,
      HostName lane,
      Phase phase,
      Set<String> nodes,
      Argv command,
      String why,
      List<ResourceId> verifies,
      Set<String> after,
      List<Backup> backups) {
    this(
        id,
        host,
        lane,
        phase,
        nodes,
        command,
        why,
        verifies,
        after,
        backups,
        Optional.empty(),
        Optional.empty(),
        Duration.ZERO);
  }

  /** A step that keeps no backup, with what it interrupts and why it is held, if so. */
  public Step(
      String id,
      HostName host,
      HostName lane,
      Phase phase,
      Set<String> nodes,
      Argv command,
      String why,
      List<ResourceId> verifies,
      Set<String> after,
      Optional<Disruption> disrupts,
      Optional<Hold> hold) {
    this(
        id,
        host,
        lane,
        phase,
        nodes,
        command,
        why,
        verifies,
        after,
        List.of(),
        disrupts,
        hold,
        Duration.ZERO);
  }

  /** A step that keeps {@code backups}, with what it interrupts and why it is held, if so. */
  public Step(
      String id,
      HostName host,
      HostName lane,
      Phase phase,
      Set<String> nodes,
      Argv command,
      String why,
      List<ResourceId> verifies,
      Set<String> after,
      List<Backup> backups,
      Optional<Disruption> disrupts,
      Optional<Hold> hold) {
    this(
        id,
        host,
        lane,
        phase,
        nodes,
        command,
        why,
        verifies,
        after,
        backups,
        disrupts,
        hold,
        Duration.ZERO);
  }

  /** This step, declared to interrupt {@code disruption}. */
  public Step disrupting(Disruption disruption) {
    return new Step(
        id,
        host,
        lane,
        phase,
        nodes,
        command,
        why,
        verifies,
        after,
        backups,
        Optional.of(disruption),
        hold,
        settle);
  }

  /** This step, held for {@code why}: apply never runs it. */
  public Step held(Hold why) {
    return new Step(
        id,
        host,
        lane,
        phase,
        nodes,
        command,
        this.why,
        verifies,
        after,
        backups,
        disrupts,
        Optional.of(why),
        settle);
  }

  /** Whether the planner held this step. */
  public boolean isHeld() {
    return hold.isPresent();
  }

  /** This step, also running after {@code more}. */
  public Step alsoAfter(Set<String> more) {
    Set<String> all = new TreeSet<>(after);
    all.addAll(more);
    all.remove(id);
    return new Step(
        id, host, lane, phase, nodes, command, why, verifies, all, backups, disrupts, hold, settle);
  }

  /** This step, no longer after {@code gone} (steps the planner dropped). */
  public Step notAfter(Set<String> gone) {
    Set<String> rest = new TreeSet<>(after);
    if (!rest.removeAll(gone)) {
      return this;
    }
    return new Step(
        id, host, lane, phase, nodes, command, why, verifies, rest, backups, disrupts, hold,
        settle);
  }

  /** This step, a check run again until it passes or {@code within} has gone. */
  public Step settling(Duration within) {
    return new Step(
        id, host, lane, phase, nodes, command, why, verifies, after, backups, disrupts, hold,
        within);
  }

  /** This step, also proven by the state of {@code more} resources. */
  public Step alsoVerifies(Collection<ResourceId> more) {
    List<ResourceId> all = new ArrayList<>(verifies);
    all.addAll(more);
    return new Step(
        id, host, lane, phase, nodes, command, why, all, after, backups, disrupts, hold, settle);
  }

  /** The id, host and command line: what a reader of a failure message needs. */
  @Override
  public String toString() {
    return id + " on " + host + ": " + command.toShell();
  }
}
